package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateResponse records a draft response (its ID is set when empty). A
// second response of the same organisation to the same lot is a
// domain.ErrConflict.
func (t *Tx) CreateResponse(ctx context.Context, r domain.Response, now time.Time) (domain.Response, error) {
	if r.ID == "" {
		r.ID = NewID()
	}
	id, err := parseID("id", r.ID)
	if err != nil {
		return domain.Response{}, err
	}
	tender, err := parseID("tender_id", r.TenderID)
	if err != nil {
		return domain.Response{}, err
	}
	lot, err := parseID("lot_id", r.LotID)
	if err != nil {
		return domain.Response{}, err
	}
	org, err := parseID("organisation_id", r.OrganisationID)
	if err != nil {
		return domain.Response{}, err
	}
	row, err := t.q.CreateResponse(ctx, sqlc.CreateResponseParams{ID: id, TenderID: tender, LotID: lot, OrganisationID: org,
		Message: r.Message, PriceCents: r.PriceCents, Currency: r.Currency, PriceText: r.PriceText, Now: now})
	if err != nil {
		return domain.Response{}, mapError(err)
	}
	return responseFromRow(row, nil), nil
}

// LockResponse reads a response with its documents and locks it until the
// transaction ends, or returns domain.ErrNotFound.
func (t *Tx) LockResponse(ctx context.Context, id string) (domain.Response, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Response{}, domain.ErrNotFound
	}
	row, err := t.q.LockResponse(ctx, uid)
	if err != nil {
		return domain.Response{}, mapError(err)
	}
	out, err := loadResponses(ctx, t.q, []sqlc.Response{row})
	if err != nil {
		return domain.Response{}, err
	}
	return out[0], nil
}

// SaveResponse writes every field of r but its documents and returns it.
func (t *Tx) SaveResponse(ctx context.Context, r domain.Response, now time.Time) (domain.Response, error) {
	id, err := parseID("id", r.ID)
	if err != nil {
		return domain.Response{}, err
	}
	var confirmed *int32
	if r.ConfirmedVersion > 0 {
		v := int32(r.ConfirmedVersion)
		confirmed = &v
	}
	row, err := t.q.SaveResponse(ctx, sqlc.SaveResponseParams{ID: id, State: string(r.State), Message: r.Message,
		PriceCents: r.PriceCents, Currency: r.Currency, PriceText: r.PriceText, SubmittedAt: r.SubmittedAt,
		WithdrawnAt: r.WithdrawnAt, ConfirmedVersion: confirmed, DecisionReason: optionalString(r.DecisionReason),
		DecidedAt: r.DecidedAt, Now: now})
	if err != nil {
		return domain.Response{}, mapError(err)
	}
	return responseFromRow(row, r.DocumentIDs), nil
}

// AttachResponseDocument links a document of the responding organisation
// (purpose response_document, else domain.ErrConflict from the database).
func (t *Tx) AttachResponseDocument(ctx context.Context, r domain.Response, documentID string, now time.Time) (added bool, err error) {
	rid, err := parseID("response_id", r.ID)
	if err != nil {
		return false, err
	}
	org, err := parseID("organisation_id", r.OrganisationID)
	if err != nil {
		return false, err
	}
	doc, err := parseID("document_id", documentID)
	if err != nil {
		return false, err
	}
	n, err := t.q.AttachResponseDocument(ctx, sqlc.AttachResponseDocumentParams{ResponseID: rid, DocumentID: doc, OrganisationID: org, Now: now})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// DetachResponseDocument unlinks a document; removed reports whether it was linked.
func (t *Tx) DetachResponseDocument(ctx context.Context, responseID, documentID string) (removed bool, err error) {
	rid, err1 := uuid.Parse(responseID)
	doc, err2 := uuid.Parse(documentID)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	n, err := t.q.DetachResponseDocument(ctx, sqlc.DetachResponseDocumentParams{ResponseID: rid, DocumentID: doc})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// MarkNotInterested records (or replaces) a supplier's "not interested"
// in a tender, with its reason.
func (t *Tx) MarkNotInterested(ctx context.Context, tenderID, orgID, reason string, now time.Time) error {
	tid, err := parseID("tender_id", tenderID)
	if err != nil {
		return err
	}
	org, err := parseID("organisation_id", orgID)
	if err != nil {
		return err
	}
	_, err = t.q.MarkNotInterested(ctx, sqlc.MarkNotInterestedParams{TenderID: tid, OrganisationID: org, Reason: reason, Now: now})
	return mapError(err)
}

// GetResponse returns a response with its documents, or domain.ErrNotFound.
func (s *Store) GetResponse(ctx context.Context, id string) (domain.Response, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Response{}, domain.ErrNotFound
	}
	row, err := s.q.GetResponse(ctx, uid)
	if err != nil {
		return domain.Response{}, mapError(err)
	}
	out, err := loadResponses(ctx, s.q, []sqlc.Response{row})
	if err != nil {
		return domain.Response{}, err
	}
	return out[0], nil
}

// ListCountingResponses returns up to limit responses to a tender that
// count (sent, confirmed for its current substance), oldest first, after
// cursor.
func (s *Store) ListCountingResponses(ctx context.Context, tenderID, cursor string, limit int32) (page []domain.Response, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return []domain.Response{}, "", nil
	}
	rows, err := s.q.ListSentResponsesByTender(ctx, sqlc.ListSentResponsesByTenderParams{TenderID: tid,
		AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Response) string { return encodeCursor(r.CreatedAt, r.ID) })
	page, err = loadResponses(ctx, s.q, rows)
	return page, next, err
}

// ListResponsesByOrganisation returns up to limit responses of a supplier
// in every state, oldest first, after cursor.
func (s *Store) ListResponsesByOrganisation(ctx context.Context, orgID, cursor string, limit int32) (page []domain.Response, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	org, err := uuid.Parse(orgID)
	if err != nil {
		return []domain.Response{}, "", nil
	}
	rows, err := s.q.ListResponsesByOrganisation(ctx, sqlc.ListResponsesByOrganisationParams{OrganisationID: org,
		AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Response) string { return encodeCursor(r.CreatedAt, r.ID) })
	page, err = loadResponses(ctx, s.q, rows)
	return page, next, err
}

// NotInterested is a supplier's "not interested" in a tender.
type NotInterested struct {
	OrganisationID string
	Reason         string
	// DeclineReason is the code (domain.DeclineReasons) when the answer
	// came from the supplier's answers to its routed lots; empty for a
	// tender-level answer, which gives a reason in words only.
	DeclineReason domain.DeclineReason
	CreatedAt     time.Time
}

// ListNotInterested returns up to limit "not interested" answers to a
// tender, oldest first, after cursor.
func (s *Store) ListNotInterested(ctx context.Context, tenderID, cursor string, limit int32) (page []NotInterested, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return []NotInterested{}, "", nil
	}
	rows, err := s.q.ListNotInterested(ctx, sqlc.ListNotInterestedParams{TenderID: tid, AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.TenderNotInterested) string { return encodeCursor(r.CreatedAt, r.OrganisationID) })
	page = make([]NotInterested, len(rows))
	for i, r := range rows {
		page[i] = NotInterested{OrganisationID: r.OrganisationID.String(), Reason: r.Reason, CreatedAt: r.CreatedAt}
		if r.DeclineReason != nil {
			page[i].DeclineReason = domain.DeclineReason(*r.DeclineReason)
		}
	}
	return page, next, nil
}

func loadResponses(ctx context.Context, q *sqlc.Queries, rows []sqlc.Response) ([]domain.Response, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	docs, err := q.ListResponseDocuments(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	by := map[uuid.UUID][]string{}
	for _, d := range docs {
		by[d.ResponseID] = append(by[d.ResponseID], d.DocumentID.String())
	}
	out := make([]domain.Response, len(rows))
	for i, r := range rows {
		out[i] = responseFromRow(r, by[r.ID])
	}
	return out, nil
}

func responseFromRow(r sqlc.Response, docs []string) domain.Response {
	out := domain.Response{ID: r.ID.String(), TenderID: r.TenderID.String(), LotID: r.LotID.String(),
		OrganisationID: r.OrganisationID.String(), State: domain.ResponseState(r.State), Message: r.Message,
		PriceCents: r.PriceCents, Currency: r.Currency, PriceText: r.PriceText, DocumentIDs: docs,
		SubmittedAt: r.SubmittedAt, WithdrawnAt: r.WithdrawnAt, DecidedAt: r.DecidedAt, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if out.DocumentIDs == nil {
		out.DocumentIDs = []string{}
	}
	if r.ConfirmedVersion != nil {
		out.ConfirmedVersion = int(*r.ConfirmedVersion)
	}
	if r.DecisionReason != nil {
		out.DecisionReason = *r.DecisionReason
	}
	return out
}

// ModeratorMayReadTenderResponses reports whether moderator userID may
// read tenderID's sealed responses: a report on the tender is open that
// another user filed, and userID is a member neither of its buyer nor of
// an organisation that responded to it.
func (s *Store) ModeratorMayReadTenderResponses(ctx context.Context, tenderID, userID string) (bool, error) {
	ids, err := rowIDs(tenderID, userID)
	if err != nil {
		return false, nil
	}
	ok, err := s.q.ModeratorMayReadTenderResponses(ctx, sqlc.ModeratorMayReadTenderResponsesParams{TenderID: ids[0], UserID: ids[1]})
	return ok, mapError(err)
}
