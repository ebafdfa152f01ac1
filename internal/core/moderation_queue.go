package core

import (
	"context"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// ModerationQueue is the moderators' single queue across listings: pending
// offers, pending tenders and SSE statuses waiting for verification (issue
// 4: "moderators see a queue, oldest first, filter by kind and country"),
// and open reports (issue 6).
// Decisions stay with each kind's use cases (Offers.Decide, Tenders.Decide,
// SSEStatuses.Verify and Reject), which refuse a moderator who is a member
// of the organisation: the queue itself shows such items, so that the
// moderator knows a colleague must decide.
type ModerationQueue struct {
	st    *store.Store
	cache metricsCache // of MetricsSnapshot
}

// NewModerationQueue returns the queue's use cases.
func NewModerationQueue(st *store.Store) *ModerationQueue {
	return &ModerationQueue{st: st}
}

// QueueQuery is what a moderator asks of the queue.
type QueueQuery struct {
	// Kind is "" for every kind, else offer, tender, sse_status or report.
	Kind domain.QueueKind
	// Country is "" for all, else the country code of the organisations.
	Country string
	// Language is the caller's: titles come in it when translated.
	Language domain.Language
	Cursor   string
	Limit    int
}

// List returns a page of the queue, oldest submission first, and the
// cursor of the next page ("" after the last). Bad filters are field
// errors on query.kind and query.country, all reported at once.
func (s *ModerationQueue) List(ctx context.Context, p domain.Principal, q QueueQuery) ([]domain.QueueItem, string, error) {
	if err := moderator(p); err != nil {
		return nil, "", err
	}
	ve := &domain.ValidationError{}
	kind := domain.QueueKind(strings.TrimSpace(string(q.Kind)))
	if kind != "" && !kind.Valid() {
		ve.AddLocalized("query.kind", "invalid", msgQueueKind.With(string(kind)))
	}
	country := strings.ToUpper(strings.TrimSpace(q.Country))
	if country != "" && !domain.IsEUCountry(country) {
		ve.AddLocalized("query.country", "invalid", msgTenderCountry.With(country))
	}
	if err := ve.Err(); err != nil {
		return nil, "", err
	}
	lang := q.Language
	if !lang.Valid() {
		lang = domain.LangEN
	}
	return s.st.ListModerationQueue(ctx, store.QueueFilter{Kind: kind, Country: country, Language: lang}, q.Cursor, tenderPageSize(q.Limit))
}

var msgQueueKind = domain.Msg{
	EN: "%q is not a kind of the queue: offer, tender, sse_status or report",
	FR: "%q n'est pas un type de la file : offer, tender, sse_status ou report",
	DE: "%q ist keine Art der Warteschlange: offer, tender, sse_status oder report",
	NL: "%q is geen soort van de wachtrij: offer, tender, sse_status of report",
}
