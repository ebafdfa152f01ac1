package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// RequestParty is one side of a meeting request.
type RequestParty struct {
	DelegateID, Name, OrganisationID, OrganisationName, Country string
}

// RequestView is a meeting request with both parties and its meeting,
// when scheduled.
type RequestView struct {
	Request  domain.MeetingRequest
	From, To RequestParty
	Meeting  *domain.Meeting
}

// RequestQuery selects meeting requests of an event.
type RequestQuery struct {
	EventID string
	// OrganisationID, when set, keeps the requests from (Box "outgoing"),
	// to ("incoming") or either way (Box "") its delegates.
	OrganisationID string
	Box            string
	State          domain.MeetingRequestState
	// IDs limits to these requests when set.
	IDs []string
}

func requestFromRow(r sqlc.MeetingRequest) domain.MeetingRequest {
	out := domain.MeetingRequest{ID: r.ID.String(), EventID: r.EventID.String(), FromDelegateID: r.FromDelegateID.String(),
		ToDelegateID: r.ToDelegateID.String(), Priority: domain.MeetingPriority(r.Priority), Message: r.Message,
		State: domain.MeetingRequestState(r.State), CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, AnsweredAt: r.AnsweredAt}
	if r.AnswerPriority != nil {
		out.AnswerPriority = domain.MeetingPriority(*r.AnswerPriority)
	}
	if r.DeclineReason != nil {
		out.DeclineReason = *r.DeclineReason
	}
	if r.UnscheduledReason != nil {
		out.UnscheduledReason = *r.UnscheduledReason
	}
	return out
}

// CreateMeetingRequest records a pending request (its ID is set here).
func (t *Tx) CreateMeetingRequest(ctx context.Context, r domain.MeetingRequest, createdBy string) (domain.MeetingRequest, error) {
	eid, err := parseID("event_id", r.EventID)
	if err != nil {
		return domain.MeetingRequest{}, err
	}
	from, err := parseID("body.from_delegate_id", r.FromDelegateID)
	if err != nil {
		return domain.MeetingRequest{}, err
	}
	to, err := parseID("body.to_delegate_id", r.ToDelegateID)
	if err != nil {
		return domain.MeetingRequest{}, err
	}
	by, err := optionalID("created_by", createdBy)
	if err != nil {
		return domain.MeetingRequest{}, err
	}
	row, err := t.q.MeetingsInsertRequest(ctx, sqlc.MeetingsInsertRequestParams{ID: uuid.Must(uuid.NewV7()), EventID: eid,
		FromDelegateID: from, ToDelegateID: to, Priority: string(r.Priority), Message: r.Message, CreatedBy: by,
		Now: r.CreatedAt, ExpiresAt: r.ExpiresAt})
	if err != nil {
		return domain.MeetingRequest{}, mapError(err)
	}
	return requestFromRow(row), nil
}

// LiveRequestBetween reports whether a pending or accepted request joins
// two delegates, either way.
func (t *Tx) LiveRequestBetween(ctx context.Context, a, b string) (bool, error) {
	ua, err1 := uuid.Parse(a)
	ub, err2 := uuid.Parse(b)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	live, err := t.q.MeetingsLiveRequestBetween(ctx, sqlc.MeetingsLiveRequestBetweenParams{A: ua, B: ub})
	return live, mapError(err)
}

// LockMeetingRequest reads and locks a request, or returns domain.ErrNotFound.
func (t *Tx) LockMeetingRequest(ctx context.Context, id string) (domain.MeetingRequest, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.MeetingRequest{}, domain.ErrNotFound
	}
	row, err := t.q.MeetingsLockRequest(ctx, uid)
	if err != nil {
		return domain.MeetingRequest{}, mapError(err)
	}
	return requestFromRow(row), nil
}

// AnswerMeetingRequest sets a request's state (accepted with the answer's
// priority, declined with a reason, withdrawn).
func (t *Tx) AnswerMeetingRequest(ctx context.Context, id string, state domain.MeetingRequestState, answer domain.MeetingPriority,
	reason string, now time.Time) (domain.MeetingRequest, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.MeetingRequest{}, err
	}
	p := sqlc.MeetingsAnswerRequestParams{ID: uid, State: string(state), Now: now}
	if answer != "" {
		a := string(answer)
		p.AnswerPriority = &a
	}
	if reason != "" {
		p.DeclineReason = &reason
	}
	row, err := t.q.MeetingsAnswerRequest(ctx, p)
	if err != nil {
		return domain.MeetingRequest{}, mapError(err)
	}
	return requestFromRow(row), nil
}

// MeetingRequestViews returns up to limit requests selected by q, newest
// first, after cursor.
func (s *Store) MeetingRequestViews(ctx context.Context, q RequestQuery, cursor string, limit int32) ([]RequestView, string, error) {
	return meetingRequestViews(ctx, s.q, q, cursor, limit)
}

// MeetingRequestViews is Store.MeetingRequestViews in t.
func (t *Tx) MeetingRequestViews(ctx context.Context, q RequestQuery, cursor string, limit int32) ([]RequestView, string, error) {
	return meetingRequestViews(ctx, t.q, q, cursor, limit)
}

func meetingRequestViews(ctx context.Context, q *sqlc.Queries, rq RequestQuery, cursor string, limit int32) ([]RequestView, string, error) {
	c, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	eid, err := uuid.Parse(rq.EventID)
	if err != nil {
		return []RequestView{}, "", nil
	}
	org, err := optionalID("organisation_id", rq.OrganisationID)
	if err != nil {
		return nil, "", err
	}
	ids := make([]uuid.UUID, 0, len(rq.IDs))
	for _, id := range rq.IDs {
		if uid, err := uuid.Parse(id); err == nil {
			ids = append(ids, uid)
		}
	}
	if len(rq.IDs) > 0 && len(ids) == 0 {
		return []RequestView{}, "", nil
	}
	beforeAt, beforeID := descendingFrom(c)
	rows, err := q.MeetingsRequestViews(ctx, sqlc.MeetingsRequestViewsParams{EventID: eid, Ids: ids, OrganisationID: org, Box: rq.Box,
		State: string(rq.State), BeforeCreatedAt: beforeAt, BeforeID: beforeID, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.MeetingsRequestViewsRow) string {
		return encodeCursor(r.MeetingRequest.CreatedAt, r.MeetingRequest.ID)
	})
	out := make([]RequestView, len(rows))
	for i, r := range rows {
		req := requestFromRow(r.MeetingRequest)
		v := RequestView{Request: req,
			From: RequestParty{DelegateID: req.FromDelegateID, Name: r.FromName, OrganisationID: r.FromOrganisationID.String(),
				OrganisationName: r.FromOrganisationName, Country: r.FromCountry},
			To: RequestParty{DelegateID: req.ToDelegateID, Name: r.ToName, OrganisationID: r.ToOrganisationID.String(),
				OrganisationName: r.ToOrganisationName, Country: r.ToCountry}}
		if r.MeetingID != nil && r.MeetingStartsAt != nil && r.MeetingEndsAt != nil && r.MeetingTable != nil {
			v.Meeting = &domain.Meeting{ID: r.MeetingID.String(), EventID: req.EventID, RequestID: req.ID, Start: *r.MeetingStartsAt,
				End: *r.MeetingEndsAt, Table: int(*r.MeetingTable)}
		}
		out[i] = v
	}
	return out, next, nil
}

// ExpireMeetingRequests marks up to 500 pending requests past their
// expiry expired and returns them (call again while it returns some).
func (t *Tx) ExpireMeetingRequests(ctx context.Context, now time.Time) ([]domain.MeetingRequest, error) {
	rows, err := t.q.MeetingsExpireRequests(ctx, now)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.MeetingRequest, len(rows))
	for i, r := range rows {
		out[i] = requestFromRow(r)
	}
	return out, nil
}

// DeclinePendingBetween declines, with reason, the pending requests
// between the delegates of two organisations at an event, either way.
func (t *Tx) DeclinePendingBetween(ctx context.Context, eventID, orgA, orgB, reason string, now time.Time) ([]domain.MeetingRequest, error) {
	ids, err := rowIDs(eventID, orgA, orgB)
	if err != nil {
		return nil, err
	}
	var r *string
	if reason != "" {
		r = &reason
	}
	rows, err := t.q.MeetingsDeclinePendingBetweenOrgs(ctx, sqlc.MeetingsDeclinePendingBetweenOrgsParams{EventID: ids[0], A: ids[1], B: ids[2],
		Reason: r, Now: now})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.MeetingRequest, len(rows))
	for i, row := range rows {
		out[i] = requestFromRow(row)
	}
	return out, nil
}

// Exclusion is an organisation an organisation will not be scheduled with.
type Exclusion struct {
	OrganisationID, OrganisationName string
	Kind                             domain.ExclusionKind
	CreatedAt                        time.Time
}

// PutExclusion records (or changes the kind of) orgID's exclusion of other.
func (t *Tx) PutExclusion(ctx context.Context, eventID, orgID, other string, kind domain.ExclusionKind, by string, now time.Time) error {
	ids, err := rowIDs(eventID, orgID)
	if err != nil {
		return err
	}
	oid, err := parseID("body.organisation_id", other)
	if err != nil {
		return err
	}
	uby, err := optionalID("created_by", by)
	if err != nil {
		return err
	}
	_, err = t.q.MeetingsUpsertExclusion(ctx, sqlc.MeetingsUpsertExclusionParams{EventID: ids[0], OrganisationID: ids[1],
		OtherOrganisationID: oid, Kind: string(kind), CreatedBy: uby, Now: now})
	return mapError(err)
}

// DeleteExclusion removes orgID's exclusion of other; domain.ErrNotFound
// when there is none.
func (t *Tx) DeleteExclusion(ctx context.Context, eventID, orgID, other string) error {
	ids, err := rowIDs(eventID, orgID, other)
	if err != nil {
		return err
	}
	n, err := t.q.MeetingsDeleteExclusion(ctx, sqlc.MeetingsDeleteExclusionParams{EventID: ids[0], OrganisationID: ids[1],
		OtherOrganisationID: ids[2]})
	if err != nil {
		return mapError(err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// Exclusions returns orgID's exclusions at an event, oldest first.
func (s *Store) Exclusions(ctx context.Context, eventID, orgID string) ([]Exclusion, error) {
	ids, err := rowIDs(eventID, orgID)
	if err != nil {
		return []Exclusion{}, nil
	}
	rows, err := s.q.MeetingsListExclusions(ctx, sqlc.MeetingsListExclusionsParams{EventID: ids[0], OrganisationID: ids[1]})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]Exclusion, len(rows))
	for i, r := range rows {
		out[i] = Exclusion{OrganisationID: r.OtherOrganisationID.String(), OrganisationName: r.OrganisationName,
			Kind: domain.ExclusionKind(r.Kind), CreatedAt: r.CreatedAt}
	}
	return out, nil
}

// ExcludedPairs returns every excluded pair of organisations of an event,
// both ways: pairs[a][b] is the kind a or b gave (either way).
func (s *Store) ExcludedPairs(ctx context.Context, eventID string) (map[[2]string]domain.ExclusionKind, error) {
	return excludedPairs(ctx, s.q, eventID)
}

// ExcludedPairs is Store.ExcludedPairs in t.
func (t *Tx) ExcludedPairs(ctx context.Context, eventID string) (map[[2]string]domain.ExclusionKind, error) {
	return excludedPairs(ctx, t.q, eventID)
}

func excludedPairs(ctx context.Context, q *sqlc.Queries, eventID string) (map[[2]string]domain.ExclusionKind, error) {
	out := map[[2]string]domain.ExclusionKind{}
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return out, nil
	}
	rows, err := q.MeetingsEventExclusions(ctx, eid)
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		a, b := r.OrganisationID.String(), r.OtherOrganisationID.String()
		out[[2]string{a, b}] = domain.ExclusionKind(r.Kind)
		if _, ok := out[[2]string{b, a}]; !ok {
			out[[2]string{b, a}] = domain.ExclusionKind(r.Kind)
		}
	}
	return out, nil
}
