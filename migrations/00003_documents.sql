-- +goose Up
-- Documents are files an organisation uploaded: SSE status evidence, logos,
-- tender and response documents, offer photos. The bytes live in object
-- storage under object_key (built from the ids, never from the user's file
-- name); this row is what makes them visible. Its type was sniffed from the
-- content, its SHA-256 and size computed while it was streamed.
CREATE TABLE documents (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    uploaded_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    purpose         text NOT NULL CHECK (purpose IN ('sse_evidence', 'logo', 'tender_document', 'response_document', 'offer_photo', 'other')),
    filename        text NOT NULL CHECK (octet_length(filename) BETWEEN 1 AND 255),
    content_type    text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 255),
    size_bytes      bigint NOT NULL CHECK (size_bytes > 0),
    sha256          bytea NOT NULL CHECK (length(sha256) = 32),
    object_key      text NOT NULL UNIQUE CHECK (length(object_key) BETWEEN 1 AND 1024),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_organisation_idx ON documents (organisation_id, created_at);

-- +goose Down
DROP TABLE documents;
