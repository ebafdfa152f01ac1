package store

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateDocument records an uploaded document (its ID is set when empty,
// CreatedAt when zero) and returns it as stored.
func (t *Tx) CreateDocument(ctx context.Context, d domain.Document) (domain.Document, error) {
	if d.ID == "" {
		d.ID = NewID()
	}
	if d.CreatedAt.IsZero() {
		d.CreatedAt = time.Now()
	}
	id, err := parseID("id", d.ID)
	if err != nil {
		return domain.Document{}, err
	}
	org, err := parseID("organisation_id", d.OrganisationID)
	if err != nil {
		return domain.Document{}, err
	}
	uploader, err := optionalID("uploaded_by", d.UploadedBy)
	if err != nil {
		return domain.Document{}, err
	}
	sum, err := hex.DecodeString(d.SHA256)
	if err != nil || len(sum) != 32 {
		ve := &domain.ValidationError{}
		ve.AddLocalized("sha256", "invalid", domain.Msg{EN: "a SHA-256 is 64 hexadecimal digits",
			FR: "un SHA-256 s’écrit en 64 chiffres hexadécimaux", DE: "ein SHA-256 besteht aus 64 Hexadezimalziffern",
			NL: "een SHA-256 bestaat uit 64 hexadecimale cijfers"}.With())
		return domain.Document{}, ve
	}
	row, err := t.q.CreateDocument(ctx, sqlc.CreateDocumentParams{
		ID: id, OrganisationID: org, UploadedBy: uploader, Purpose: string(d.Purpose), Filename: d.Filename,
		ContentType: d.ContentType, SizeBytes: d.SizeBytes, Sha256: sum, ObjectKey: d.ObjectKey, CreatedAt: d.CreatedAt,
	})
	if err != nil {
		return domain.Document{}, mapError(err)
	}
	return documentFromRow(row), nil
}

// GetDocument returns one document or domain.ErrNotFound.
func (s *Store) GetDocument(ctx context.Context, id string) (domain.Document, error) {
	return getDocument(ctx, s.q, id)
}

// GetDocument is Store.GetDocument in t, for use cases that hold a lock.
func (t *Tx) GetDocument(ctx context.Context, id string) (domain.Document, error) {
	return getDocument(ctx, t.q, id)
}

func getDocument(ctx context.Context, q *sqlc.Queries, id string) (domain.Document, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.Document{}, domain.ErrNotFound
	}
	row, err := q.GetDocument(ctx, uid)
	if err != nil {
		return domain.Document{}, mapError(err)
	}
	return documentFromRow(row), nil
}

// DeleteDocument deletes one document's row and returns it (its ObjectKey
// names the object to remove once the transaction commits), or
// domain.ErrNotFound.
func (t *Tx) DeleteDocument(ctx context.Context, id string) (domain.Document, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.Document{}, domain.ErrNotFound
	}
	row, err := t.q.DeleteDocument(ctx, uid)
	if err != nil {
		return domain.Document{}, mapError(err)
	}
	return documentFromRow(row), nil
}

// ListDocumentsByOrganisation returns an organisation's latest documents,
// newest first, at most limit of them.
func (s *Store) ListDocumentsByOrganisation(ctx context.Context, organisationID string, limit int32) ([]domain.Document, error) {
	uid, err := parseID("organisation_id", organisationID)
	if err != nil {
		return []domain.Document{}, nil
	}
	rows, err := s.q.ListDocumentsByOrganisation(ctx, sqlc.ListDocumentsByOrganisationParams{OrganisationID: uid, Limit: limit})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.Document, len(rows))
	for i, r := range rows {
		out[i] = documentFromRow(r)
	}
	return out, nil
}

func documentFromRow(r sqlc.Document) domain.Document {
	d := domain.Document{
		ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Purpose: domain.DocumentPurpose(r.Purpose),
		Filename: r.Filename, ContentType: r.ContentType, SizeBytes: r.SizeBytes, SHA256: hex.EncodeToString(r.Sha256),
		ObjectKey: r.ObjectKey, CreatedAt: r.CreatedAt,
	}
	if r.UploadedBy != nil {
		d.UploadedBy = r.UploadedBy.String()
	}
	return d
}

// ListDocumentsPage returns up to limit documents of an organisation,
// newest first, after cursor (from a previous page; "" for the first).
// next is the cursor of the following page, "" after the last one.
func (s *Store) ListDocumentsPage(ctx context.Context, organisationID, cursor string, limit int32) (page []domain.Document, next string, err error) {
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return []domain.Document{}, "", nil
	}
	before, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	at, id := descendingFrom(before)
	rows, err := s.q.ListDocumentsPage(ctx, sqlc.ListDocumentsPageParams{
		OrganisationID: org, BeforeCreatedAt: at, BeforeID: id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Document) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.Document, len(rows))
	for i, r := range rows {
		page[i] = documentFromRow(r)
	}
	return page, next, nil
}
