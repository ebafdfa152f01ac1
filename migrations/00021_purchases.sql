-- +goose Up
-- Purchase ledgers (issue 10): a buyer organisation uploads its ledger,
-- a job parses it and inserts every row at once or none, and the levy
-- offset statements are computed from the purchases with the supplier's
-- verified SSE status at each invoice date.
CREATE TABLE purchase_imports (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    uploaded_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    format           text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    state            text NOT NULL DEFAULT 'parsing' CHECK (state IN ('parsing', 'done', 'failed')),
    -- Progress of the job: data rows read so far, out of rows_total (known
    -- once the file is split into rows).
    rows_total       integer NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    rows_done        integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    -- Once done: rows inserted, of which those whose supplier was matched
    -- to a Passerelle organisation; the rest are from unknown suppliers.
    rows_imported    integer NOT NULL DEFAULT 0 CHECK (rows_imported >= 0),
    rows_matched     integer NOT NULL DEFAULT 0 CHECK (rows_matched >= 0),
    -- Once failed: every error counted, at most 1000 listed in errors
    -- ([{line, column, code, messages: {en, fr, de, nl}}]).
    error_count      integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
    errors           jsonb NOT NULL DEFAULT '[]',
    -- A failure of the file as a whole (unreadable, no header), localized.
    failure          jsonb,
    -- The uploaded file, kept until the job has read it.
    content          bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    CHECK ((state = 'parsing') = (finished_at IS NULL))
);
CREATE INDEX purchase_imports_by_organisation ON purchase_imports (organisation_id, created_at DESC, id DESC);

CREATE TABLE purchases (
    id                       uuid PRIMARY KEY,
    organisation_id          uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    import_id                uuid NOT NULL REFERENCES purchase_imports (id) ON DELETE CASCADE,
    -- The line of the ledger file the purchase comes from (1 = header).
    line                     integer NOT NULL CHECK (line >= 2),
    supplier_identifier_kind text NOT NULL,
    supplier_identifier      text NOT NULL CHECK (length(supplier_identifier) BETWEEN 1 AND 120),
    -- The Passerelle organisation holding that identifier, when any.
    supplier_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    -- Amounts in cents of currency.
    amount_cents             bigint NOT NULL CHECK (amount_cents >= 0),
    currency                 text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    invoice_date             date NOT NULL,
    category                 text NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
    cpv_code                 text,
    invoice_reference        text CHECK (length(invoice_reference) <= 100),
    -- The labour cost of the invoice (same currency), entered in the
    -- ledger (as an amount or a percent of the amount) or edited later.
    labour_cost_cents        bigint CHECK (labour_cost_cents >= 0 AND labour_cost_cents <= amount_cents),
    created_at               timestamptz NOT NULL DEFAULT now(),
    UNIQUE (import_id, line)
);
CREATE INDEX purchases_by_organisation ON purchases (organisation_id, invoice_date DESC, id DESC);
CREATE INDEX purchases_by_supplier ON purchases (supplier_organisation_id) WHERE supplier_organisation_id IS NOT NULL;

-- +goose Down
DROP TABLE purchases;
DROP TABLE purchase_imports;
