package store

import (
	"context"
	"strconv"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// AcceptedRequest is an accepted request between delegates of confirmed
// registrations, as the scheduler needs it.
type AcceptedRequest struct {
	ID, FromDelegateID, ToDelegateID string
	FromOrganisationID               string
	ToOrganisationID                 string
	Weight                           int
}

// AcceptedRequests returns an event's accepted requests between delegates
// of confirmed registrations, oldest first.
func (t *Tx) AcceptedRequests(ctx context.Context, eventID string) ([]AcceptedRequest, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	rows, err := t.q.MeetingsAcceptedRequests(ctx, eid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]AcceptedRequest, len(rows))
	for i, r := range rows {
		answer := domain.PriorityOK
		if r.AnswerPriority != nil {
			answer = domain.MeetingPriority(*r.AnswerPriority)
		}
		out[i] = AcceptedRequest{ID: r.ID.String(), FromDelegateID: r.FromDelegateID.String(), ToDelegateID: r.ToDelegateID.String(),
			FromOrganisationID: r.FromOrganisationID.String(), ToOrganisationID: r.ToOrganisationID.String(),
			Weight: domain.MeetingWeight(domain.MeetingPriority(r.Priority), answer)}
	}
	return out, nil
}

func meetingFromRow(r sqlc.EventMeeting) domain.Meeting {
	return domain.Meeting{ID: r.ID.String(), EventID: r.EventID.String(), RequestID: r.RequestID.String(), SessionID: r.SessionID.String(),
		Start: r.StartsAt, End: r.EndsAt, Table: int(r.TableNo), Locked: r.Locked, Confirmed: r.Confirmed}
}

// EventMeetings returns every meeting of an event, by start then table.
func (t *Tx) EventMeetings(ctx context.Context, eventID string) ([]domain.Meeting, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	rows, err := t.q.MeetingsEventMeetings(ctx, eid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.Meeting, len(rows))
	for i, r := range rows {
		out[i] = meetingFromRow(r)
	}
	return out, nil
}

// LockMeeting reads and locks a meeting, or returns domain.ErrNotFound.
func (t *Tx) LockMeeting(ctx context.Context, id string) (domain.Meeting, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Meeting{}, domain.ErrNotFound
	}
	r, err := t.q.MeetingsLockMeeting(ctx, uid)
	if err != nil {
		return domain.Meeting{}, mapError(err)
	}
	return meetingFromRow(r), nil
}

// DeleteReplaceableMeetings deletes an event's meetings that are neither
// locked nor confirmed.
func (t *Tx) DeleteReplaceableMeetings(ctx context.Context, eventID string) error {
	eid, err := parseID("event_id", eventID)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsDeleteReplaceable(ctx, eid))
}

// InsertMeeting records a meeting (its ID is set when empty).
func (t *Tx) InsertMeeting(ctx context.Context, m domain.Meeting, now time.Time) error {
	if m.ID == "" {
		m.ID = NewID()
	}
	ids, err := rowIDs(m.ID, m.EventID, m.RequestID, m.SessionID)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsInsertMeeting(ctx, sqlc.MeetingsInsertMeetingParams{ID: ids[0], EventID: ids[1], RequestID: ids[2],
		SessionID: ids[3], StartsAt: m.Start, EndsAt: m.End, TableNo: int32(m.Table), Locked: m.Locked, Confirmed: m.Confirmed, Now: now}))
}

// UpdateMeeting stores a meeting's slot, table and lock.
func (t *Tx) UpdateMeeting(ctx context.Context, m domain.Meeting, now time.Time) (domain.Meeting, error) {
	ids, err := rowIDs(m.ID, m.SessionID)
	if err != nil {
		return domain.Meeting{}, err
	}
	r, err := t.q.MeetingsUpdateMeeting(ctx, sqlc.MeetingsUpdateMeetingParams{ID: ids[0], SessionID: ids[1], StartsAt: m.Start, EndsAt: m.End,
		TableNo: int32(m.Table), Locked: m.Locked, Now: now})
	if err != nil {
		return domain.Meeting{}, mapError(err)
	}
	return meetingFromRow(r), nil
}

// ConfirmMeetings marks every meeting of an event confirmed.
func (t *Tx) ConfirmMeetings(ctx context.Context, eventID string, now time.Time) error {
	eid, err := parseID("event_id", eventID)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsConfirmAll(ctx, sqlc.MeetingsConfirmAllParams{EventID: eid, Now: now}))
}

// ClearUnscheduledReasons forgets why the last run left requests out.
func (t *Tx) ClearUnscheduledReasons(ctx context.Context, eventID string) error {
	eid, err := parseID("event_id", eventID)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsClearUnscheduledReasons(ctx, eid))
}

// SetUnscheduledReason records why a run left a request out.
func (t *Tx) SetUnscheduledReason(ctx context.Context, requestID, reason string) error {
	rid, err := parseID("request_id", requestID)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsSetUnscheduledReason(ctx, sqlc.MeetingsSetUnscheduledReasonParams{ID: rid, Reason: &reason}))
}

func runFromRow(r sqlc.EventScheduleRun) domain.ScheduleRun {
	return domain.ScheduleRun{ID: r.ID.String(), EventID: r.EventID.String(), StartedAt: r.StartedAt, DurationMS: int(r.DurationMs),
		Requests: int(r.Requests), Meetings: int(r.Meetings), Weight: int(r.Weight), UpperBound: int(r.UpperBound), Kept: int(r.Kept)}
}

// InsertScheduleRun records a scheduler run (its ID is set here).
func (t *Tx) InsertScheduleRun(ctx context.Context, r domain.ScheduleRun, runBy string) (domain.ScheduleRun, error) {
	eid, err := parseID("event_id", r.EventID)
	if err != nil {
		return domain.ScheduleRun{}, err
	}
	by, err := optionalID("run_by", runBy)
	if err != nil {
		return domain.ScheduleRun{}, err
	}
	row, err := t.q.MeetingsInsertRun(ctx, sqlc.MeetingsInsertRunParams{ID: uuid.Must(uuid.NewV7()), EventID: eid, RunBy: by,
		StartedAt: r.StartedAt, DurationMs: int32(r.DurationMS), Requests: int32(r.Requests), Meetings: int32(r.Meetings),
		Weight: int32(r.Weight), UpperBound: int32(r.UpperBound), Kept: int32(r.Kept)})
	if err != nil {
		return domain.ScheduleRun{}, mapError(err)
	}
	return runFromRow(row), nil
}

// LastScheduleRun returns an event's last run, or domain.ErrNotFound.
func (s *Store) LastScheduleRun(ctx context.Context, eventID string) (domain.ScheduleRun, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return domain.ScheduleRun{}, domain.ErrNotFound
	}
	r, err := s.q.MeetingsLastRun(ctx, eid)
	if err != nil {
		return domain.ScheduleRun{}, mapError(err)
	}
	return runFromRow(r), nil
}

// LeftOutRequest is an accepted request the last run left out, and why.
type LeftOutRequest struct{ RequestID, Reason string }

// LeftOutRequests returns the accepted requests the last run left out.
func (s *Store) LeftOutRequests(ctx context.Context, eventID string) ([]LeftOutRequest, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return []LeftOutRequest{}, nil
	}
	rows, err := s.q.MeetingsLeftOut(ctx, eid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]LeftOutRequest, 0, len(rows))
	for _, r := range rows {
		if r.UnscheduledReason != nil {
			out = append(out, LeftOutRequest{RequestID: r.ID.String(), Reason: *r.UnscheduledReason})
		}
	}
	return out, nil
}

// MeetingParty is one side of a meeting.
type MeetingParty struct {
	DelegateID, Name, JobTitle, OrganisationID, OrganisationName, Country string
	Kind                                                                  domain.OrganisationKind
}

// MeetingView is a meeting with both parties (A sent the request, B
// received it) and its weight.
type MeetingView struct {
	Meeting domain.Meeting
	A, B    MeetingParty
	Weight  int
}

// MeetingQuery selects meetings of an event.
type MeetingQuery struct {
	EventID string
	// Start keeps the meetings of one slot; DelegateID those of one
	// delegate; MeetingID one meeting (when set).
	Start      *time.Time
	DelegateID string
	MeetingID  string
}

// MeetingViews returns up to limit meetings selected by q, by start then
// table, after cursor (limit <= 0: all, no cursor).
func (s *Store) MeetingViews(ctx context.Context, q MeetingQuery, cursor string, limit int32) ([]MeetingView, string, error) {
	return meetingViews(ctx, s.q, q, cursor, limit)
}

// MeetingViews is Store.MeetingViews in t.
func (t *Tx) MeetingViews(ctx context.Context, q MeetingQuery, cursor string, limit int32) ([]MeetingView, string, error) {
	return meetingViews(ctx, t.q, q, cursor, limit)
}

func meetingViews(ctx context.Context, q *sqlc.Queries, mq MeetingQuery, cursor string, limit int32) ([]MeetingView, string, error) {
	afterAt, afterTable, err := decodeKeyset(cursor, strconv.Atoi)
	if cursor == "" {
		afterAt, afterTable, err = time.Time{}, 0, nil
	}
	if err != nil {
		return nil, "", err
	}
	eid, err := uuid.Parse(mq.EventID)
	if err != nil {
		return []MeetingView{}, "", nil
	}
	p := sqlc.MeetingsMeetingViewsParams{EventID: eid, StartsAt: mq.Start, AfterStartsAt: afterAt, AfterTable: int32(afterTable),
		RowLimit: limit + 1}
	if limit <= 0 {
		p.RowLimit = 1 << 30
	}
	if mq.DelegateID != "" {
		d, err := uuid.Parse(mq.DelegateID)
		if err != nil {
			return []MeetingView{}, "", nil
		}
		p.DelegateID = &d
	}
	if mq.MeetingID != "" {
		m, err := uuid.Parse(mq.MeetingID)
		if err != nil {
			return []MeetingView{}, "", nil
		}
		p.MeetingID = &m
	}
	rows, err := q.MeetingsMeetingViews(ctx, p)
	if err != nil {
		return nil, "", mapError(err)
	}
	next := ""
	if limit > 0 {
		rows, next = pageAfter(rows, limit, func(r sqlc.MeetingsMeetingViewsRow) string {
			return encodeKeyset(r.EventMeeting.StartsAt, strconv.Itoa(int(r.EventMeeting.TableNo)))
		})
	}
	out := make([]MeetingView, len(rows))
	for i, r := range rows {
		answer := domain.PriorityOK
		if r.AnswerPriority != nil {
			answer = domain.MeetingPriority(*r.AnswerPriority)
		}
		out[i] = MeetingView{Meeting: meetingFromRow(r.EventMeeting),
			A: MeetingParty{DelegateID: r.FromDelegateID.String(), Name: r.AName, JobTitle: r.AJobTitle, OrganisationID: r.AOrganisationID.String(),
				OrganisationName: r.AOrganisationName, Country: r.ACountry, Kind: domain.OrganisationKind(r.AKind)},
			B: MeetingParty{DelegateID: r.ToDelegateID.String(), Name: r.BName, JobTitle: r.BJobTitle, OrganisationID: r.BOrganisationID.String(),
				OrganisationName: r.BOrganisationName, Country: r.BCountry, Kind: domain.OrganisationKind(r.BKind)},
			Weight: domain.MeetingWeight(domain.MeetingPriority(r.Priority), answer)}
	}
	return out, next, nil
}

func meetingOutcomeFromRow(r sqlc.EventMeetingOutcome) domain.MeetingOutcome {
	o := domain.MeetingOutcome{MeetingID: r.MeetingID.String(), OrganisationID: r.OrganisationID.String(),
		Outcome: domain.MeetingOutcomeKind(r.Outcome), AmountCents: r.AmountCents, Note: r.Note, RecordedAt: r.RecordedAt}
	if r.Currency != nil {
		o.Currency = *r.Currency
	}
	return o
}

// PutMeetingOutcome records (or replaces) one side's outcome of a meeting.
func (t *Tx) PutMeetingOutcome(ctx context.Context, o domain.MeetingOutcome, by string) (domain.MeetingOutcome, error) {
	ids, err := rowIDs(o.MeetingID, o.OrganisationID)
	if err != nil {
		return domain.MeetingOutcome{}, err
	}
	uby, err := optionalID("recorded_by", by)
	if err != nil {
		return domain.MeetingOutcome{}, err
	}
	p := sqlc.MeetingsUpsertOutcomeParams{MeetingID: ids[0], OrganisationID: ids[1], Outcome: string(o.Outcome), AmountCents: o.AmountCents,
		Note: o.Note, RecordedBy: uby, Now: o.RecordedAt}
	if o.AmountCents != nil {
		c := o.Currency
		p.Currency = &c
	}
	r, err := t.q.MeetingsUpsertOutcome(ctx, p)
	if err != nil {
		return domain.MeetingOutcome{}, mapError(err)
	}
	return meetingOutcomeFromRow(r), nil
}

// MeetingOutcomes returns the outcomes recorded for meetings.
func (s *Store) MeetingOutcomes(ctx context.Context, meetingIDs []string) ([]domain.MeetingOutcome, error) {
	ids, err := rowIDs(meetingIDs...)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.MeetingsOutcomes(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.MeetingOutcome, len(rows))
	for i, r := range rows {
		out[i] = meetingOutcomeFromRow(r)
	}
	return out, nil
}

// EventsToAskOutcomes returns the published events whose last session has
// ended by now, with meetings, whose participants were not yet asked
// about outcomes.
func (t *Tx) EventsToAskOutcomes(ctx context.Context, now time.Time) ([]string, error) {
	rows, err := t.q.MeetingsEventsToAskOutcomes(ctx, now)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.String()
	}
	return out, nil
}

// MarkOutcomesAsked records that an event's participants were asked about
// outcomes; false when they already were.
func (t *Tx) MarkOutcomesAsked(ctx context.Context, eventID string, now time.Time) (bool, error) {
	eid, err := parseID("event_id", eventID)
	if err != nil {
		return false, err
	}
	n, err := t.q.MeetingsMarkOutcomesAsked(ctx, sqlc.MeetingsMarkOutcomesAskedParams{EventID: eid, SentAt: now})
	return n == 1, mapError(err)
}

// DeleteMeeting deletes a meeting.
func (t *Tx) DeleteMeeting(ctx context.Context, id string) error {
	uid, err := parseID("id", id)
	if err != nil {
		return err
	}
	return mapError(t.q.MeetingsDeleteMeeting(ctx, uid))
}

// DelegateKeptMeetings returns the times of a delegate's locked or
// confirmed meetings.
func (t *Tx) DelegateKeptMeetings(ctx context.Context, delegateID string) ([]TimeWindow, error) {
	uid, err := uuid.Parse(delegateID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	rows, err := t.q.MeetingsDelegateKeptMeetings(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]TimeWindow, len(rows))
	for i, r := range rows {
		out[i] = TimeWindow{Start: r.StartsAt, End: r.EndsAt}
	}
	return out, nil
}

// WithdrawOrganisationMeetings deletes an organisation's meetings at an
// event and withdraws its pending or accepted requests (both ways), and
// returns how many of each.
func (t *Tx) WithdrawOrganisationMeetings(ctx context.Context, eventID, orgID string, now time.Time) (meetings, requests int64, err error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return 0, 0, domain.ErrNotFound
	}
	oid, err := uuid.Parse(orgID)
	if err != nil {
		return 0, 0, domain.ErrNotFound
	}
	if meetings, err = t.q.MeetingsDeleteOrganisationMeetings(ctx, sqlc.MeetingsDeleteOrganisationMeetingsParams{EventID: eid, OrganisationID: oid}); err != nil {
		return 0, 0, mapError(err)
	}
	requests, err = t.q.MeetingsWithdrawOrganisationRequests(ctx, sqlc.MeetingsWithdrawOrganisationRequestsParams{Now: now, EventID: eid, OrganisationID: oid})
	return meetings, requests, mapError(err)
}
