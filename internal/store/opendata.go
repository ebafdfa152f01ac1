package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store/sqlc"
)

// ReleasedTender is a public tender with its release date: the latest of
// its publication, last change, closing and recorded outcomes (stored in
// tenders.released_at, kept by the database: migration 00025).
type ReleasedTender struct {
	Tender     domain.Tender
	ReleasedAt time.Time
}

// endOfTime sorts after every release date: the first page of a list
// newest first starts before it.
var endOfTime = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// ListReleasedTenders returns up to limit public tenders (published,
// closed, awarded or not awarded, of active buyers) released at or after
// since, newest first, after the cursor after; next is the cursor of the following
// page, "" after the last one. Drafts, tenders waiting for moderation,
// rejected and cancelled ones never appear.
func (s *Store) ListReleasedTenders(ctx context.Context, since time.Time, after string, limit int32) (page []ReleasedTender, next string, err error) {
	before, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	if after == "" {
		before = cursor{at: endOfTime, id: uuid.Max}
	}
	rows, err := s.q.ListOpenDataTenders(ctx, sqlc.ListOpenDataTendersParams{Since: since, BeforeReleasedAt: before.at,
		BeforeID: before.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListOpenDataTendersRow) string { return encodeCursor(r.ReleasedAt, r.ID) })
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID.String()
	}
	tenders, err := s.GetTenders(ctx, ids...)
	if err != nil {
		return nil, "", err
	}
	page = make([]ReleasedTender, 0, len(rows))
	for _, r := range rows {
		if t, ok := tenders[r.ID.String()]; ok {
			page = append(page, ReleasedTender{Tender: t, ReleasedAt: r.ReleasedAt.UTC()})
		}
	}
	return page, next, nil
}

// GetReleasedTender returns one public tender with its release date, or
// domain.ErrNotFound when it does not exist or is not public.
func (s *Store) GetReleasedTender(ctx context.Context, id string) (ReleasedTender, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return ReleasedTender{}, domain.ErrNotFound
	}
	at, err := s.q.GetOpenDataTender(ctx, uid)
	if err != nil {
		return ReleasedTender{}, mapError(err)
	}
	t, err := s.GetTender(ctx, id)
	if err != nil {
		return ReleasedTender{}, err
	}
	return ReleasedTender{Tender: t, ReleasedAt: at.UTC()}, nil
}

// OpenDataParties returns the organisations of ids that exist, by id, with
// what a release shows of them: kind, status, names, country, town,
// postcode and legal identifiers (in one query, whatever the number).
func (s *Store) OpenDataParties(ctx context.Context, ids []string) (map[string]domain.Organisation, error) {
	uids := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		if u, err := uuid.Parse(id); err == nil {
			uids = append(uids, u)
		}
	}
	out := make(map[string]domain.Organisation, len(uids))
	if len(uids) == 0 {
		return out, nil
	}
	rows, err := s.q.ListOpenDataParties(ctx, uids)
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		o := domain.Organisation{ID: r.ID.String(), Kind: domain.OrganisationKind(r.Kind), Status: r.Status, Country: r.Country,
			LegalName: r.LegalName, TradeName: deref(r.TradeName), Town: deref(r.Town), Postcode: deref(r.Postcode)}
		for i, k := range r.IdentifierKinds {
			if i < len(r.IdentifierValues) {
				o.Identifiers = append(o.Identifiers, domain.LegalIdentifier{Kind: legalid.Kind(k), Value: r.IdentifierValues[i]})
			}
		}
		out[o.ID] = o
	}
	return out, nil
}
