package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// ClaimNotificationEvent records, in t, that the event named key is told
// and reports whether this call did: false means another run (or a retry)
// told it already, and the caller writes nothing. Keys are
// "<event>:<subject ids…>" (table notification_events).
func (t *Tx) ClaimNotificationEvent(ctx context.Context, key string, at time.Time) (bool, error) {
	n, err := t.q.ClaimNotificationEvent(ctx, sqlc.ClaimNotificationEventParams{Key: key, CreatedAt: at})
	return n == 1, mapError(err)
}

// ClaimEmailDelivery records, in t, that the email of River job jobID is
// sent, and reports whether this call did: false means it went out
// already. Held across the send and committed right after it, the row
// also makes a second run of the same job wait for the first.
func (t *Tx) ClaimEmailDelivery(ctx context.Context, jobID int64, at time.Time) (bool, error) {
	n, err := t.q.ClaimEmailDelivery(ctx, sqlc.ClaimEmailDeliveryParams{JobID: jobID, SentAt: at})
	return n == 1, mapError(err)
}

// DeleteEmailDeliveriesBefore forgets the deliveries older than before.
func (s *Store) DeleteEmailDeliveriesBefore(ctx context.Context, before time.Time) (int64, error) {
	n, err := s.q.DeleteEmailDeliveriesBefore(ctx, before)
	return n, mapError(err)
}

// Recipient is a user to notify on behalf of one of their organisations.
type Recipient struct {
	OrganisationID string
	UserID         string
	Language       domain.Language
}

// NotifiableMembers returns the members of the organisations who can be
// notified (active, address confirmed), grouped by organisation.
func (t *Tx) NotifiableMembers(ctx context.Context, organisationIDs ...string) ([]Recipient, error) {
	ids, err := rowIDs(organisationIDs...)
	if err != nil || len(ids) == 0 {
		return nil, nil // an id that names no organisation has no members
	}
	rows, err := t.q.ListNotifiableMembers(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]Recipient, len(rows))
	for i, r := range rows {
		out[i] = Recipient{OrganisationID: r.OrganisationID.String(), UserID: r.UserID.String(), Language: domain.Language(r.Language)}
	}
	return out, nil
}

// ExpiringStatus is a verified SSE status and its last valid day.
type ExpiringStatus struct {
	ID, OrganisationID string
	Type               domain.SSEStatusType
	ValidUntil         time.Time
}

// VerifiedStatusesExpiringBetween returns up to limit verified statuses
// whose last valid day is in [firstDay, lastDay], by id after afterID
// ("" for the first page).
func (s *Store) VerifiedStatusesExpiringBetween(ctx context.Context, firstDay, lastDay time.Time, afterID string, limit int32) ([]ExpiringStatus, error) {
	after, err := pageID(afterID)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.ListVerifiedStatusesExpiringBetween(ctx, sqlc.ListVerifiedStatusesExpiringBetweenParams{
		FirstDay: firstDay, LastDay: lastDay, AfterID: after, RowLimit: limit})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ExpiringStatus, len(rows))
	for i, r := range rows {
		out[i] = ExpiringStatus{ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Type: domain.SSEStatusType(r.Type), ValidUntil: r.ValidUntil}
	}
	return out, nil
}

// PublishedTendersDueBetween returns up to limit published tenders whose
// responses deadline is in (after, until], by id after afterID.
func (s *Store) PublishedTendersDueBetween(ctx context.Context, after, until time.Time, afterID string, limit int32) ([]string, error) {
	a, err := pageID(afterID)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.ListPublishedTendersDueBetween(ctx, sqlc.ListPublishedTendersDueBetweenParams{After: after, Until: until, AfterID: a, RowLimit: limit})
	return uuidStrings(rows), mapError(err)
}

// ClosedTendersDueBetween returns up to limit closed tenders (some lot
// still without an outcome) whose responses deadline is in [since,
// until], by id after afterID.
func (s *Store) ClosedTendersDueBetween(ctx context.Context, since, until time.Time, afterID string, limit int32) ([]string, error) {
	a, err := pageID(afterID)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.ListClosedTendersDueBetween(ctx, sqlc.ListClosedTendersDueBetweenParams{Since: since, Until: until, AfterID: a, RowLimit: limit})
	return uuidStrings(rows), mapError(err)
}

// ReminderOrganisation is a supplier to remind of a tender's deadline;
// Draft tells that it has a response not yet sent.
type ReminderOrganisation struct {
	OrganisationID string
	Draft          bool
}

// ReminderOrganisations returns the suppliers to remind of tenderID's
// deadline: routed to a lot they did not decline and have not answered
// with a response that counts, or holding a draft response; never one
// not interested in the whole tender.
func (t *Tx) ReminderOrganisations(ctx context.Context, tenderID string) ([]ReminderOrganisation, error) {
	id, err := rowIDs(tenderID)
	if err != nil {
		return nil, nil
	}
	rows, err := t.q.ListReminderOrganisations(ctx, id[0])
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ReminderOrganisation, len(rows))
	for i, r := range rows {
		out[i] = ReminderOrganisation{OrganisationID: r.OrganisationID.String(), Draft: r.Draft}
	}
	return out, nil
}

// TenderFollowers returns the suppliers that follow tenderID: routed and
// interested, or with a response they did not withdraw.
func (t *Tx) TenderFollowers(ctx context.Context, tenderID string) ([]string, error) {
	id, err := rowIDs(tenderID)
	if err != nil {
		return nil, nil
	}
	rows, err := t.q.ListTenderFollowers(ctx, id[0])
	return uuidStrings(rows), mapError(err)
}

// LotResponses is how many responses that count one lot received.
type LotResponses struct {
	LotID     string
	Position  int
	Title     string
	Responses int
}

// CountSentResponsesByLot counts, per lot of tenderID in order, the
// responses sent and confirmed for the tender's current substance.
func (t *Tx) CountSentResponsesByLot(ctx context.Context, tenderID string) ([]LotResponses, error) {
	id, err := rowIDs(tenderID)
	if err != nil {
		return nil, err
	}
	rows, err := t.q.CountSentResponsesByLot(ctx, id[0])
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]LotResponses, len(rows))
	for i, r := range rows {
		out[i] = LotResponses{LotID: r.ID.String(), Position: int(r.Position), Title: r.Title, Responses: int(r.Responses)}
	}
	return out, nil
}

// CountLotsWithoutOutcome counts the lots of tenderID with no outcome yet.
func (t *Tx) CountLotsWithoutOutcome(ctx context.Context, tenderID string) (int, error) {
	id, err := rowIDs(tenderID)
	if err != nil {
		return 0, err
	}
	n, err := t.q.CountLotsWithoutOutcome(ctx, id[0])
	return int(n), mapError(err)
}

// pageID parses the last id of a previous page; "" starts from the first.
func pageID(s string) (uuid.UUID, error) {
	if s == "" {
		return uuid.Nil, nil
	}
	id, err := rowIDs(s)
	if err != nil {
		return uuid.Nil, err
	}
	return id[0], nil
}

func uuidStrings(ids []uuid.UUID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}
