package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateSSEStatus records a new, unverified status (its ID is set when
// empty) and returns it as stored.
func (t *Tx) CreateSSEStatus(ctx context.Context, s domain.SSEStatus, now time.Time) (domain.SSEStatus, error) {
	if s.ID == "" {
		s.ID = NewID()
	}
	id, err := parseID("id", s.ID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	org, err := parseID("organisation_id", s.OrganisationID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	row, err := t.q.CreateSSEStatus(ctx, sqlc.CreateSSEStatusParams{
		ID: id, OrganisationID: org, Type: string(s.Type), RegistrationNumber: s.RegistrationNumber,
		ValidUntil: s.ValidUntil, DisabledShare: s.DisabledShare, ShareMeasuredOn: s.ShareMeasuredOn, Now: now,
	})
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	return sseStatusFromRow(row, nil), nil
}

// LockSSEStatus reads one status with its evidence and locks its row until
// the transaction ends, or returns domain.ErrNotFound.
func (t *Tx) LockSSEStatus(ctx context.Context, id string) (domain.SSEStatus, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SSEStatus{}, domain.ErrNotFound
	}
	row, err := t.q.LockSSEStatus(ctx, uid)
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	ev, err := t.q.ListSSEEvidenceByStatuses(ctx, []uuid.UUID{uid})
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	return sseStatusFromRow(row, evidenceByStatus(ev)[uid]), nil
}

// SaveSSEStatus writes every field of s but its evidence (see
// AttachSSEEvidence) and returns it as stored.
func (t *Tx) SaveSSEStatus(ctx context.Context, s domain.SSEStatus, now time.Time) (domain.SSEStatus, error) {
	id, err := parseID("id", s.ID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	reviewer, err := optionalID("reviewed_by", s.ReviewedBy)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	row, err := t.q.SaveSSEStatus(ctx, sqlc.SaveSSEStatusParams{
		ID: id, Type: string(s.Type), RegistrationNumber: s.RegistrationNumber, ValidUntil: s.ValidUntil,
		DisabledShare: s.DisabledShare, ShareMeasuredOn: s.ShareMeasuredOn, State: string(s.State),
		SubmittedAt: s.SubmittedAt, ReviewedBy: reviewer, ReviewedAt: s.ReviewedAt,
		RejectionReason: optionalString(s.RejectionReason), Now: now,
	})
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	return sseStatusFromRow(row, s.EvidenceIDs), nil
}

// DeleteSSEStatus deletes one status (its evidence links go with it, the
// documents stay) and returns it, or domain.ErrNotFound.
func (t *Tx) DeleteSSEStatus(ctx context.Context, id string) (domain.SSEStatus, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SSEStatus{}, domain.ErrNotFound
	}
	row, err := t.q.DeleteSSEStatus(ctx, uid)
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	return sseStatusFromRow(row, nil), nil
}

// AttachSSEEvidence links a document to a status; attaching it twice is
// harmless (added reports whether the link is new). The database refuses a
// document of another organisation or of another purpose than
// sse_evidence (domain.ErrConflict).
func (t *Tx) AttachSSEEvidence(ctx context.Context, s domain.SSEStatus, documentID string, now time.Time) (added bool, err error) {
	sid, err := parseID("status_id", s.ID)
	if err != nil {
		return false, err
	}
	org, err := parseID("organisation_id", s.OrganisationID)
	if err != nil {
		return false, err
	}
	doc, err := parseID("document_id", documentID)
	if err != nil {
		return false, err
	}
	n, err := t.q.AttachSSEEvidence(ctx, sqlc.AttachSSEEvidenceParams{StatusID: sid, DocumentID: doc, OrganisationID: org, Now: now})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// DetachSSEEvidence unlinks a document from a status; removed reports
// whether it was linked.
func (t *Tx) DetachSSEEvidence(ctx context.Context, statusID, documentID string) (removed bool, err error) {
	sid, err1 := uuid.Parse(statusID)
	doc, err2 := uuid.Parse(documentID)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	n, err := t.q.DetachSSEEvidence(ctx, sqlc.DetachSSEEvidenceParams{StatusID: sid, DocumentID: doc})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// GetSSEStatus returns one status with its evidence, or domain.ErrNotFound.
func (s *Store) GetSSEStatus(ctx context.Context, id string) (domain.SSEStatus, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.SSEStatus{}, domain.ErrNotFound
	}
	row, err := s.q.GetSSEStatus(ctx, uid)
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	ev, err := s.q.ListSSEEvidenceByStatuses(ctx, []uuid.UUID{uid})
	if err != nil {
		return domain.SSEStatus{}, mapError(err)
	}
	return sseStatusFromRow(row, evidenceByStatus(ev)[uid]), nil
}

// ListSSEStatuses returns every status of an organisation, oldest first,
// with its evidence. An organisation holds at most one status per type, so
// the list is short.
func (s *Store) ListSSEStatuses(ctx context.Context, organisationID string) ([]domain.SSEStatus, error) {
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return []domain.SSEStatus{}, nil
	}
	rows, err := s.q.ListSSEStatusesByOrganisation(ctx, org)
	if err != nil {
		return nil, mapError(err)
	}
	ev, err := s.q.ListSSEEvidenceByOrganisation(ctx, org)
	if err != nil {
		return nil, mapError(err)
	}
	byStatus := map[uuid.UUID][]string{}
	for _, e := range ev {
		byStatus[e.StatusID] = append(byStatus[e.StatusID], e.DocumentID.String())
	}
	out := make([]domain.SSEStatus, len(rows))
	for i, r := range rows {
		out[i] = sseStatusFromRow(r, byStatus[r.ID])
	}
	return out, nil
}

// VerifiedSSEStatuses returns the statuses of an organisation that count
// at instant at: verified, and valid until at least at's day (UTC). Their
// evidence is left out: it is not public.
func (s *Store) VerifiedSSEStatuses(ctx context.Context, organisationID string, at time.Time) ([]domain.SSEStatus, error) {
	return verifiedSSEStatuses(ctx, s.q, organisationID, at)
}

// VerifiedSSEStatuses is Store.VerifiedSSEStatuses in t, for use cases
// that check them while holding a listing's lock.
func (t *Tx) VerifiedSSEStatuses(ctx context.Context, organisationID string, at time.Time) ([]domain.SSEStatus, error) {
	return verifiedSSEStatuses(ctx, t.q, organisationID, at)
}

func verifiedSSEStatuses(ctx context.Context, q *sqlc.Queries, organisationID string, at time.Time) ([]domain.SSEStatus, error) {
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return []domain.SSEStatus{}, nil
	}
	rows, err := q.ListCountingSSEStatuses(ctx, sqlc.ListCountingSSEStatusesParams{OrganisationID: org, OnDate: domain.Day(at)})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.SSEStatus, len(rows))
	for i, r := range rows {
		out[i] = sseStatusFromRow(r, nil)
	}
	return out, nil
}

// SSEStatusForReview is a status in the moderators' queue, with the
// organisation it belongs to.
type SSEStatusForReview struct {
	Status              domain.SSEStatus
	OrganisationName    string
	OrganisationCountry string
}

// ListSSEStatusesForReview returns up to limit statuses in state, oldest
// submission first, after cursor (from a previous page; "" for the first).
// next is the cursor of the following page, "" after the last one.
func (s *Store) ListSSEStatusesForReview(ctx context.Context, state domain.VerificationState, cursor string, limit int32) (
	page []SSEStatusForReview, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListSSEStatusesForReview(ctx, sqlc.ListSSEStatusesForReviewParams{
		State: string(state), AfterSubmittedAt: after.at, AfterID: after.id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListSSEStatusesForReviewRow) string {
		return encodeCursor(*r.SseStatus.SubmittedAt, r.SseStatus.ID)
	})
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.SseStatus.ID
	}
	ev, err := s.q.ListSSEEvidenceByStatuses(ctx, ids)
	if err != nil {
		return nil, "", mapError(err)
	}
	byStatus := evidenceByStatus(ev)
	page = make([]SSEStatusForReview, len(rows))
	for i, r := range rows {
		page[i] = SSEStatusForReview{Status: sseStatusFromRow(r.SseStatus, byStatus[r.SseStatus.ID]),
			OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry}
	}
	return page, next, nil
}

func evidenceByStatus(rows []sqlc.ListSSEEvidenceByStatusesRow) map[uuid.UUID][]string {
	out := map[uuid.UUID][]string{}
	for _, e := range rows {
		out[e.StatusID] = append(out[e.StatusID], e.DocumentID.String())
	}
	return out
}

func sseStatusFromRow(r sqlc.SseStatus, evidence []string) domain.SSEStatus {
	s := domain.SSEStatus{
		ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Type: domain.SSEStatusType(r.Type),
		RegistrationNumber: r.RegistrationNumber, ValidUntil: domain.Day(r.ValidUntil), DisabledShare: r.DisabledShare,
		State: domain.VerificationState(r.State), SubmittedAt: r.SubmittedAt, ReviewedAt: r.ReviewedAt,
		EvidenceIDs: evidence, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
	if s.EvidenceIDs == nil {
		s.EvidenceIDs = []string{}
	}
	if r.ShareMeasuredOn != nil {
		d := domain.Day(*r.ShareMeasuredOn)
		s.ShareMeasuredOn = &d
	}
	if r.ReviewedBy != nil {
		s.ReviewedBy = r.ReviewedBy.String()
	}
	if r.RejectionReason != nil {
		s.RejectionReason = *r.RejectionReason
	}
	return s
}
