package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// LotsDueForRouting returns, in lot order, the lots of a tender to route a
// batch of now: for a first routing the lots never routed; for a top-up
// (topUp) the lots with fewer than target interested suppliers and no
// batch since dayStart, so that a lot gets at most one batch a day.
func (t *Tx) LotsDueForRouting(ctx context.Context, tenderID string, topUp bool, target int, dayStart time.Time) ([]string, error) {
	return lotsDueForRouting(ctx, t.q, tenderID, topUp, target, dayStart)
}

// LotsDueForRouting is Tx.LotsDueForRouting outside a transaction: what
// routing prepares (matching reads much) before it takes the tender's lock
// and asks again. One query: it needs no transaction of its own.
func (s *Store) LotsDueForRouting(ctx context.Context, tenderID string, topUp bool, target int, dayStart time.Time) ([]string, error) {
	return lotsDueForRouting(ctx, s.q, tenderID, topUp, target, dayStart)
}

func lotsDueForRouting(ctx context.Context, q *sqlc.Queries, tenderID string, topUp bool, target int, dayStart time.Time) ([]string, error) {
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return nil, nil
	}
	ids, err := q.LotsDueForRouting(ctx, sqlc.LotsDueForRoutingParams{TenderID: tid, TopUp: topUp, DayStart: dayStart,
		Target: int32(target)})
	if err != nil {
		return nil, mapError(err)
	}
	return uuidStrings(ids), nil
}

// TendersDueForTopUp returns up to limit ids, in id order after after ("" for
// the first), of the published tenders of active buyers whose deadline is
// after now and that have a lot due for a top-up (see LotsDueForRouting).
func (s *Store) TendersDueForTopUp(ctx context.Context, now, dayStart time.Time, target int, after string, limit int) ([]string, error) {
	a := uuid.Nil
	if after != "" {
		var err error
		if a, err = uuid.Parse(after); err != nil {
			return nil, err
		}
	}
	ids, err := s.q.TendersDueForTopUp(ctx, sqlc.TendersDueForTopUpParams{Now: now, After: a, DayStart: dayStart,
		Target: int32(target), RowLimit: int32(limit)})
	if err != nil {
		return nil, mapError(err)
	}
	return uuidStrings(ids), nil
}

// TenderNotInterestedOrganisations returns the set of organisations that
// said they are not interested in a whole tender: routing leaves them out.
func (s *Store) TenderNotInterestedOrganisations(ctx context.Context, tenderID string) (map[string]bool, error) {
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return map[string]bool{}, nil
	}
	ids, err := s.q.TenderNotInterestedOrganisations(ctx, tid)
	if err != nil {
		return nil, mapError(err)
	}
	return idSet(ids), nil
}

// ReconcileTenderNotInterested makes the organisation's "not interested"
// in a tender (what the buyer sees, ListNotInterested) follow its answers
// to the lots routed to it, after last changed one of them: recorded, with
// last's reason code and its note (else the code) as the reason, when every
// routed lot is declined; removed as soon as one is not.
func (t *Tx) ReconcileTenderNotInterested(ctx context.Context, tenderID, orgID string, last domain.RouteAnswer) error {
	ids, err := rowIDs(tenderID, orgID)
	if err != nil {
		return err
	}
	tid, org := ids[0], ids[1]
	n, err := t.q.OrganisationTenderRouteAnswers(ctx, sqlc.OrganisationTenderRouteAnswersParams{TenderID: tid, OrganisationID: org})
	if err != nil {
		return mapError(err)
	}
	if n.Routed == 0 || n.Declined < n.Routed {
		return mapError(t.q.DeleteTenderNotInterested(ctx, sqlc.DeleteTenderNotInterestedParams{TenderID: tid, OrganisationID: org}))
	}
	reason := last.Note
	if reason == "" {
		reason = string(last.Reason)
	}
	return mapError(t.q.SetTenderNotInterestedFromRoutes(ctx, sqlc.SetTenderNotInterestedFromRoutesParams{TenderID: tid,
		OrganisationID: org, Reason: reason, DeclineReason: string(last.Reason), Now: last.AnsweredAt}))
}

// DeclineTenderRoutes marks every lot of a tender routed to an
// organisation "not interested" for reason, with note (cut to
// domain.MaxDeclineNoteRunes): the tender-level answer covers its lots.
func (t *Tx) DeclineTenderRoutes(ctx context.Context, tenderID, orgID string, reason domain.DeclineReason, note string, at time.Time) error {
	ids, err := rowIDs(tenderID, orgID)
	if err != nil {
		return err
	}
	if r := []rune(note); len(r) > domain.MaxDeclineNoteRunes {
		note = string(r[:domain.MaxDeclineNoteRunes-1]) + "…"
	}
	return mapError(t.q.DeclineTenderRoutes(ctx, sqlc.DeclineTenderRoutesParams{TenderID: ids[0], OrganisationID: ids[1],
		DeclineReason: string(reason), DeclineNote: optionalString(note), AnsweredAt: at}))
}

// CountTenderInterest records that an organisation is interested in a
// tender, once ever (first reports whether this is the first time), and
// returns how many organisations are now counted as interested in it.
// Callers that may race lock the tender row first, so that each count is
// seen by one of them only.
func (t *Tx) CountTenderInterest(ctx context.Context, tenderID, orgID string, at time.Time) (first bool, count int, err error) {
	ids, err := rowIDs(tenderID, orgID)
	if err != nil {
		return false, 0, err
	}
	n, err := t.q.AddTenderInterestedOrganisation(ctx, sqlc.AddTenderInterestedOrganisationParams{TenderID: ids[0],
		OrganisationID: ids[1], FirstAt: at})
	if err != nil {
		return false, 0, mapError(err)
	}
	c, err := t.q.CountTenderInterestedOrganisations(ctx, ids[0])
	return n > 0, int(c), mapError(err)
}

// ReachInterestMilestone records that a tender reached milestone
// interested organisations; false when it was recorded before (its
// notification went out then).
func (t *Tx) ReachInterestMilestone(ctx context.Context, tenderID string, milestone int, at time.Time) (bool, error) {
	tid, err := parseID("tender_id", tenderID)
	if err != nil {
		return false, err
	}
	n, err := t.q.ReachTenderInterestMilestone(ctx, sqlc.ReachTenderInterestMilestoneParams{TenderID: tid,
		Milestone: int32(milestone), ReachedAt: at})
	return n > 0, mapError(err)
}

// NeedsFilter selects a supplier's routed needs by answer.
type NeedsFilter string

// The filters of ListOrganisationNeedsPage.
const (
	NeedsAll           NeedsFilter = ""
	NeedsUnanswered    NeedsFilter = "unanswered"
	NeedsInterested    NeedsFilter = "interested"
	NeedsNotInterested NeedsFilter = "not_interested"
)

// ListOrganisationNeedsPage returns up to limit lots routed to an
// organisation, newest first, after cursor ("" for the first page), and
// the cursor of the next page ("" after the last).
func (s *Store) ListOrganisationNeedsPage(ctx context.Context, orgID string, filter NeedsFilter, cursor string, limit int32) ([]domain.LotRoute, string, error) {
	c, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	org, err := uuid.Parse(orgID)
	if err != nil {
		return []domain.LotRoute{}, "", nil
	}
	at, lot := descendingFrom(c)
	rows, err := s.q.ListOrganisationNeeds(ctx, sqlc.ListOrganisationNeedsParams{OrganisationID: org, Answer: string(filter),
		BeforeRoutedAt: at, BeforeLot: lot, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.LotRoute) string { return encodeCursor(r.RoutedAt, r.LotID) })
	out := make([]domain.LotRoute, len(rows))
	for i, r := range rows {
		out[i] = lotRouteFromRow(r)
	}
	return out, next, nil
}
