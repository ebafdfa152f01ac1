package store

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// QueueFilter narrows the moderators' queue; zero fields mean "all".
type QueueFilter struct {
	Kind    domain.QueueKind
	Country string
	// Language is the language titles are wanted in, when a translation exists.
	Language domain.Language
}

// ListModerationQueue returns up to limit things waiting for a moderator
// (pending offers, pending tenders, SSE statuses waiting for verification),
// oldest submission first, after cursor (from a previous page; "" for the
// first). next is the cursor of the following page, "" after the last one.
// The filter values must have been validated: they go to SQL as they are.
func (s *Store) ListModerationQueue(ctx context.Context, f QueueFilter, cursor string, limit int32) (
	page []domain.QueueItem, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListModerationQueue(ctx, sqlc.ListModerationQueueParams{
		Language: string(f.Language), Kind: string(f.Kind), Country: f.Country,
		AfterSubmittedAt: after.at, AfterID: after.id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListModerationQueueRow) string { return encodeCursor(r.SubmittedAt, r.ID) })
	page = make([]domain.QueueItem, len(rows))
	for i, r := range rows {
		it := domain.QueueItem{Kind: domain.QueueKind(r.Kind), ID: r.ID.String(), OrganisationID: r.OrganisationID.String(),
			OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry, Title: r.Title, SubmittedAt: r.SubmittedAt}
		switch it.Kind {
		case domain.QueueSSEStatus:
			// An SSE status has no title of its own: the query gives its type.
			it.Title = domain.SSEStatusType(r.Title).Label(string(f.Language))
		case domain.QueueReport:
			// A report neither: the query gives its reason.
			it.ReportReason = domain.ReportReason(r.Title)
			it.Title = it.ReportReason.Label().With()[f.Language]
			it.TargetType, it.TargetID = domain.ReportTarget(r.TargetType), r.TargetID.String()
		}
		page[i] = it
	}
	var listings []string
	for _, it := range page {
		if it.Kind == domain.QueueOffer || it.Kind == domain.QueueTender {
			listings = append(listings, it.ID)
		}
	}
	if len(listings) > 0 {
		flags, err := s.ListingFlags(ctx, listings...)
		if err != nil {
			return nil, "", err
		}
		for i := range page {
			page[i].Flags = flags[page[i].ID]
		}
	}
	return page, next, nil
}
