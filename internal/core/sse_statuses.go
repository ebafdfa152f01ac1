package core

import (
	"context"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// SSEStatuses are the use cases of supplier SSE statuses and their
// verification by moderators (DOMAIN.md, "SSE statuses", "Supplier
// verification").
//
// The lifecycle, from domain.VerificationState: a new status is
// unverified; its members attach evidence documents and request
// verification (pending); a moderator verifies or rejects it with a
// reason. While pending, the status is frozen for the supplier (fields and
// evidence), so that the decision applies to what the moderator saw; it
// may still be deleted. A rejected status may be edited and resubmitted.
// Editing a verified status, or changing its evidence, sends it back to
// pending at once: it stops counting until a moderator has seen the new
// version, since eligibility rests only on verified facts.
type SSEStatuses struct {
	st    *store.Store
	now   Clock
	index SearchJobs     // nil: no search index updates (see WithSearch)
	notes *Notifications // nil: decisions notify nobody (see WithNotifications)
}

// NewSSEStatuses builds the SSE status use cases.
func NewSSEStatuses(st *store.Store, now Clock) *SSEStatuses {
	if now == nil {
		now = time.Now
	}
	return &SSEStatuses{st: st, now: now}
}

// WithSearch makes every change of a status queue, in its transaction, an
// update of the organisation's search documents (the supplier and its
// offers and tenders carry its verified status types), and a verification
// queue another for the moment the status stops counting. It returns s.
func (s *SSEStatuses) WithSearch(jobs SearchJobs) *SSEStatuses {
	s.index = jobs
	return s
}

// WithNotifications tells the owners of a supplier, through n, what a
// moderator decided on one of its statuses (category
// verification_results: in the app, and by email as each prefers). It
// returns s.
func (s *SSEStatuses) WithNotifications(n *Notifications) *SSEStatuses {
	s.notes = n
	return s
}

// Now is the time of the use cases' clock: whether a status counts is
// judged at it.
func (s *SSEStatuses) Now() time.Time { return s.now() }

// SSEStatusPatch changes some fields of a status; nil leaves a field as it
// is. ClearShare removes the share of disabled or disadvantaged workers and
// its date (DisabledShare and ShareMeasuredOn must then be nil).
type SSEStatusPatch struct {
	Type               *domain.SSEStatusType
	RegistrationNumber *string
	ValidUntil         *time.Time
	DisabledShare      *float64
	ShareMeasuredOn    *time.Time
	ClearShare         bool
}

// DefaultReviewPageSize and MaxReviewPageSize bound a page of the
// moderators' queue.
const (
	DefaultReviewPageSize = 20
	MaxReviewPageSize     = 100
)

// Create records a new, unverified status of a supplier organisation on
// behalf of one of its members.
func (s *SSEStatuses) Create(ctx context.Context, actor Actor, p domain.Principal, orgID string, f domain.SSEStatusFields) (domain.SSEStatus, error) {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	now := s.now()
	f = f.Normalize()
	if err := domain.ValidateSSEStatus(f, org.Country, now, "body.").Err(); err != nil {
		return domain.SSEStatus{}, err
	}
	var out domain.SSEStatus
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.CreateSSEStatus(ctx, domain.SSEStatus{OrganisationID: org.ID, Type: f.Type, RegistrationNumber: f.RegistrationNumber,
			ValidUntil: f.ValidUntil, DisabledShare: f.DisabledShare, ShareMeasuredOn: f.ShareMeasuredOn}, now)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "sse_status.created", out, nil, sseStatusAudit(out))
	})
	return out, err
}

// Update changes a status's fields on behalf of a member of its
// organisation. A pending status cannot be changed (domain.ErrConflict); a
// verified one goes back to pending when anything changes.
func (s *SSEStatuses) Update(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID string, patch SSEStatusPatch) (domain.SSEStatus, error) {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	now := s.now()
	var out domain.SSEStatus
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockStatusOf(ctx, tx, org.ID, statusID)
		if err != nil {
			return err
		}
		if !domain.SSEStatusEditable(before.State) {
			return errFrozen
		}
		f, err := applyPatch(before.Fields(), patch)
		if err != nil {
			return err
		}
		f = f.Normalize()
		if err := domain.ValidateSSEStatus(f, org.Country, now, "body.").Err(); err != nil {
			return err
		}
		if !domain.SSEStatusChanged(before.Fields(), f) {
			out = before
			return nil
		}
		next := before
		next.Type, next.RegistrationNumber, next.ValidUntil = f.Type, f.RegistrationNumber, f.ValidUntil
		next.DisabledShare, next.ShareMeasuredOn = f.DisabledShare, f.ShareMeasuredOn
		if before.State == domain.VerificationVerified {
			resubmit(&next, now)
		}
		if out, err = tx.SaveSSEStatus(ctx, next, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "sse_status.updated", out, sseStatusAudit(before), sseStatusAudit(out))
	})
	return out, err
}

// Delete deletes a status, whatever its state, on behalf of a member of
// its organisation. Its evidence documents stay (delete them separately).
func (s *SSEStatuses) Delete(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID string) error {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockStatusOf(ctx, tx, org.ID, statusID)
		if err != nil {
			return err
		}
		if _, err := tx.DeleteSSEStatus(ctx, before.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "sse_status.deleted", before, sseStatusAudit(before), nil)
	})
}

// AttachEvidence links an evidence document (purpose sse_evidence, of the
// same organisation) to a status. A verified status goes back to pending.
func (s *SSEStatuses) AttachEvidence(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID, documentID string) (domain.SSEStatus, error) {
	return s.changeEvidence(ctx, actor, p, orgID, statusID, documentID, true)
}

// DetachEvidence unlinks an evidence document from a status (the document
// stays). A verified status goes back to pending, which needs evidence
// left: the last document of a verified status cannot be detached.
func (s *SSEStatuses) DetachEvidence(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID, documentID string) (domain.SSEStatus, error) {
	return s.changeEvidence(ctx, actor, p, orgID, statusID, documentID, false)
}

func (s *SSEStatuses) changeEvidence(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID, documentID string, attach bool) (domain.SSEStatus, error) {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	now := s.now()
	var out domain.SSEStatus
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockStatusOf(ctx, tx, org.ID, statusID)
		if err != nil {
			return err
		}
		if !domain.SSEStatusEditable(before.State) {
			return errFrozen
		}
		next := before
		action := "sse_status.evidence_attached"
		if attach {
			doc, err := s.st.GetDocument(ctx, documentID)
			if err != nil || doc.OrganisationID != org.ID {
				// Another organisation's document does not exist for this one.
				return domain.Msg{
					EN: "no document %s in this organisation", FR: "cette organisation n'a pas de document %s",
					DE: "diese Organisation hat kein Dokument %s", NL: "deze organisatie heeft geen document %s",
				}.Wrap(domain.ErrNotFound, documentID)
			}
			if doc.Purpose != domain.DocSSEEvidence {
				ve := &domain.ValidationError{}
				// The English names the purposes by their codes, as the API does.
				ve.AddLocalized("path.documentID", "wrong_purpose", domain.Msg{
					EN: "this document was uploaded as %[2]s, not as evidence (purpose %[3]s)",
					FR: "ce document a été envoyé comme %[1]s, et non comme justificatif (usage %[3]s)",
					DE: "dieses Dokument wurde als %[1]s hochgeladen, nicht als Nachweis (Zweck %[3]s)",
					NL: "dit document is geüpload als %[1]s, niet als bewijsstuk (doel %[3]s)",
				}.With(doc.Purpose.Name(), string(doc.Purpose), string(domain.DocSSEEvidence)))
				return ve
			}
			added, err := tx.AttachSSEEvidence(ctx, before, doc.ID, now)
			if err != nil || !added {
				out = before
				return err // attaching twice changes nothing
			}
			next.EvidenceIDs = append(append([]string{}, before.EvidenceIDs...), doc.ID)
		} else {
			action = "sse_status.evidence_detached"
			if before.State == domain.VerificationVerified && len(before.EvidenceIDs) == 1 && before.EvidenceIDs[0] == documentID {
				return domain.SSEEvidenceRequired("path.documentID")
			}
			removed, err := tx.DetachSSEEvidence(ctx, before.ID, documentID)
			if err != nil {
				return err
			}
			if !removed {
				return domain.Msg{
					EN: "document %s is not evidence of this status", FR: "le document %s n'est pas un justificatif de ce statut",
					DE: "das Dokument %s ist kein Nachweis für diesen Status", NL: "document %s is geen bewijsstuk van deze status",
				}.Wrap(domain.ErrNotFound, documentID)
			}
			next.EvidenceIDs = without(before.EvidenceIDs, documentID)
		}
		if before.State == domain.VerificationVerified {
			resubmit(&next, now)
		}
		if out, err = tx.SaveSSEStatus(ctx, next, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, action, out, sseStatusAudit(before), sseStatusAudit(out))
	})
	return out, err
}

// RequestVerification puts an unverified or rejected status in the
// moderators' queue. It needs at least one evidence document and a
// valid-until date that has not passed.
func (s *SSEStatuses) RequestVerification(ctx context.Context, actor Actor, p domain.Principal, orgID, statusID string) (domain.SSEStatus, error) {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	now := s.now()
	var out domain.SSEStatus
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockStatusOf(ctx, tx, org.ID, statusID)
		if err != nil {
			return err
		}
		if !before.State.CanBecome(domain.VerificationPending) || before.State == domain.VerificationVerified {
			return domain.Msg{
				EN: "this status is already %s", FR: "ce statut est déjà %s", DE: "dieser Status ist bereits %s", NL: "deze status is al %s",
			}.Wrap(domain.ErrConflict, before.State.Name())
		}
		if len(before.EvidenceIDs) == 0 {
			return domain.SSEEvidenceRequired("evidence")
		}
		if err := domain.ValidateSSEStatus(before.Fields(), org.Country, now, "").Err(); err != nil {
			return err
		}
		next := before
		resubmit(&next, now)
		if out, err = tx.SaveSSEStatus(ctx, next, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "sse_status.verification_requested", out, sseStatusAudit(before), sseStatusAudit(out))
	})
	return out, err
}

// Verify accepts a pending status on behalf of a moderator. A moderator
// who is a member of the status's organisation may not decide on it
// (domain.ErrForbidden): another moderator must.
func (s *SSEStatuses) Verify(ctx context.Context, actor Actor, p domain.Principal, statusID string) (domain.SSEStatus, error) {
	return s.decide(ctx, actor, p, statusID, domain.VerificationVerified, domain.DecisionReason{})
}

// Reject refuses a pending status on behalf of a moderator, with a reason
// the supplier sees. The same conflict-of-interest rule as Verify applies.
func (s *SSEStatuses) Reject(ctx context.Context, actor Actor, p domain.Principal, statusID, reason string) (domain.SSEStatus, error) {
	return s.RejectWith(ctx, actor, p, statusID, domain.DecisionReason{Note: reason})
}

// RejectWith is Reject with a reason that may be a template (see
// domain.ReasonTemplates) with an optional note: each owner is told it in
// their language; the status keeps it in the language of the
// organisation's first owner (who most likely asked for the verification).
func (s *SSEStatuses) RejectWith(ctx context.Context, actor Actor, p domain.Principal, statusID string, why domain.DecisionReason) (domain.SSEStatus, error) {
	why.Template, why.Note = strings.TrimSpace(why.Template), strings.TrimSpace(why.Note)
	ve := domain.ValidateRejectionReason(why.Note, "body.reason")
	if why.Template != "" {
		ve = domain.ValidateDecisionReasonWith(why, true, "body.reason_template", "body.reason")
	}
	if err := ve.Err(); err != nil {
		return domain.SSEStatus{}, err
	}
	return s.decide(ctx, actor, p, statusID, domain.VerificationRejected, why)
}

func (s *SSEStatuses) decide(ctx context.Context, actor Actor, p domain.Principal, statusID string, state domain.VerificationState, why domain.DecisionReason) (domain.SSEStatus, error) {
	if p.Anonymous() {
		return domain.SSEStatus{}, domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return domain.SSEStatus{}, domain.ErrForbidden
	}
	now := s.now()
	var out domain.SSEStatus
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockSSEStatus(ctx, statusID)
		if err != nil {
			return err
		}
		if _, member := p.Memberships[before.OrganisationID]; member {
			return fmt.Errorf("%w: you are a member of this organisation: another moderator must decide on its status", domain.ErrForbidden)
		}
		if before.State != domain.VerificationPending || !before.State.CanBecome(state) {
			return domain.Msg{
				EN: "only a pending status can be decided on; this one is %s",
				FR: "seul un statut en attente de vérification peut faire l'objet d'une décision ; celui-ci est %s",
				DE: "nur über einen Status in Prüfung kann entschieden werden; dieser ist %s",
				NL: "alleen over een status in afwachting van verificatie kan worden beslist; deze is %s",
			}.Wrap(domain.ErrConflict, before.State.Name())
		}
		if state == domain.VerificationVerified && domain.Day(before.ValidUntil).Before(domain.Day(now)) {
			return domain.Msg{
				EN: "this status expired on %s: reject it so the supplier renews it",
				FR: "ce statut a expiré le %s : refusez-le pour que le fournisseur le renouvelle",
				DE: "dieser Status ist am %s abgelaufen: Lehnen Sie ihn ab, damit der Anbieter ihn erneuert",
				NL: "deze status is op %s verlopen: weiger hem, zodat de leverancier hem vernieuwt",
			}.Wrap(domain.ErrConflict, domain.DateMsg(before.ValidUntil))
		}
		reason := ""
		if state == domain.VerificationRejected {
			owners, err := tx.ListOrganisationOwners(ctx, before.OrganisationID)
			if err != nil {
				return err
			}
			lang := domain.LangEN
			if len(owners) > 0 {
				lang = owners[0].Language
			}
			reason = why.Text(lang)
		}
		next := before
		next.State, next.ReviewedBy, next.ReviewedAt, next.RejectionReason = state, actor.UserID, &now, reason
		if out, err = tx.SaveSSEStatus(ctx, next, now); err != nil {
			return err
		}
		after := sseStatusAudit(out)
		if reason != "" {
			after["rejection_reason"] = reason
		}
		if why.Template != "" {
			after["reason_template"] = why.Template
		}
		if err := s.audit(ctx, tx, actor, "sse_status."+string(state), out, sseStatusAudit(before), after); err != nil {
			return err
		}
		return s.notifyDecision(ctx, tx, out, why)
	})
	return out, err
}

// msgVerificationNotice is the in-app line of a decision on a status, as
// the email's subject says it.
var msgVerificationNotice = map[domain.VerificationState]domain.Msg{
	domain.VerificationVerified: {EN: "Your status “%s” is verified", FR: "Votre statut « %s » est vérifié",
		DE: "Ihr Status „%s“ ist geprüft", NL: "Uw status „%s” is geverifieerd"},
	domain.VerificationRejected: {EN: "Your status “%s” was not verified", FR: "Votre statut « %s » n’a pas été vérifié",
		DE: "Ihr Status „%s“ wurde nicht bestätigt", NL: "Uw status „%s” is niet geverifieerd"},
}

// notifyDecision tells each owner of st's organisation, in their language,
// what the moderator decided on st (nothing without notifications).
func (s *SSEStatuses) notifyDecision(ctx context.Context, tx *store.Tx, st domain.SSEStatus, why domain.DecisionReason) error {
	if s.notes == nil {
		return nil
	}
	org, err := tx.GetOrganisation(ctx, st.OrganisationID) // through tx: it holds the status's lock
	if err != nil {
		return err
	}
	owners, err := tx.ListOrganisationOwners(ctx, st.OrganisationID)
	if err != nil {
		return err
	}
	link := s.notes.Link("/workspace/supplier/statuses")
	for _, owner := range owners {
		name := st.Type.Label(string(owner.Language))
		reason := st.RejectionReason
		if why.Template != "" {
			reason = why.Text(owner.Language) // the template in the owner's language
		}
		data := map[string]any{"OrganisationName": organisationName(org), "StatusName": name,
			"Decision": string(st.State), "ValidUntil": domain.DateMsg(st.ValidUntil).With()[owner.Language],
			"Reason": reason, "Link": link}
		n := Notice{Category: domain.NotifyVerificationResults, Kind: "verification_result",
			Title: msgVerificationNotice[st.State].With(name)[owner.Language], Link: link, Data: data}
		if err := s.notes.Notify(ctx, tx, n, owner.UserID); err != nil {
			return err
		}
	}
	return nil
}

// List returns the statuses of an organisation as p may see them: all of
// them, with their evidence, for its members and moderators; for anyone
// else only those that count now, without evidence (the public profile),
// and nothing of a suspended organisation (domain.ErrNotFound).
func (s *SSEStatuses) List(ctx context.Context, p domain.Principal, orgID string) ([]domain.SSEStatus, error) {
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if domain.Can(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		return s.st.ListSSEStatuses(ctx, orgID)
	}
	// The public profile of a suspended organisation does not exist for
	// anyone else (as in Organisations.Get), nor its statuses.
	if org.Status != domain.OrgActive {
		return nil, domain.ErrNotFound
	}
	return s.VerifiedStatuses(ctx, orgID, s.now())
}

// VerifiedStatuses returns the statuses of an organisation that count at
// instant at: verified and not expired. Eligibility, search and public
// profiles use this and nothing else. It needs no principal: what it
// returns is public.
func (s *SSEStatuses) VerifiedStatuses(ctx context.Context, orgID string, at time.Time) ([]domain.SSEStatus, error) {
	return s.st.VerifiedSSEStatuses(ctx, orgID, at)
}

// Queue returns a page of statuses in state (pending, verified or
// rejected; unverified drafts are the supplier's own business), oldest
// submission first, for moderators. limit <= 0 means
// DefaultReviewPageSize; it is capped at MaxReviewPageSize.
func (s *SSEStatuses) Queue(ctx context.Context, p domain.Principal, state domain.VerificationState, cursor string, limit int) ([]store.SSEStatusForReview, string, error) {
	if p.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return nil, "", domain.ErrForbidden
	}
	if state == "" {
		state = domain.VerificationPending
	}
	if !state.Valid() || state == domain.VerificationUnverified {
		ve := &domain.ValidationError{}
		ve.Add("query.state", "invalid", "the queue lists pending, verified or rejected statuses")
		return nil, "", ve
	}
	if limit <= 0 {
		limit = DefaultReviewPageSize
	}
	limit = min(limit, MaxReviewPageSize)
	return s.st.ListSSEStatusesForReview(ctx, state, cursor, int32(limit))
}

// supplier checks that p may manage the statuses of orgID, a supplier
// organisation, and returns it.
func (s *SSEStatuses) supplier(ctx context.Context, p domain.Principal, orgID string) (domain.Organisation, error) {
	return supplierToManage(ctx, s.st, p, orgID, fmt.Errorf("%w: only SSE supplier organisations hold SSE statuses", domain.ErrForbidden))
}

// errFrozen refuses supplier changes while a moderator reviews the status.
var errFrozen = fmt.Errorf("%w: this status waits for a moderator's decision and cannot change until then", domain.ErrConflict)

// lockStatusOf locks a status of orgID; a status of another organisation
// does not exist for it.
func lockStatusOf(ctx context.Context, tx *store.Tx, orgID, statusID string) (domain.SSEStatus, error) {
	st, err := tx.LockSSEStatus(ctx, statusID)
	if err != nil {
		return domain.SSEStatus{}, err
	}
	if st.OrganisationID != orgID {
		return domain.SSEStatus{}, domain.ErrNotFound
	}
	return st, nil
}

// resubmit puts a status (back) in the moderators' queue.
func resubmit(s *domain.SSEStatus, now time.Time) {
	s.State, s.SubmittedAt = domain.VerificationPending, &now
	s.ReviewedBy, s.ReviewedAt, s.RejectionReason = "", nil, ""
}

func applyPatch(f domain.SSEStatusFields, p SSEStatusPatch) (domain.SSEStatusFields, error) {
	if p.Type != nil {
		f.Type = *p.Type
	}
	if p.RegistrationNumber != nil {
		f.RegistrationNumber = *p.RegistrationNumber
	}
	if p.ValidUntil != nil {
		f.ValidUntil = *p.ValidUntil
	}
	if p.ClearShare {
		if p.DisabledShare != nil || p.ShareMeasuredOn != nil {
			ve := &domain.ValidationError{}
			ve.Add("body.clear_share", "conflicting", "either clear the share or set it, not both")
			return f, ve
		}
		f.DisabledShare, f.ShareMeasuredOn = nil, nil
	}
	if p.DisabledShare != nil {
		f.DisabledShare = p.DisabledShare
	}
	if p.ShareMeasuredOn != nil {
		f.ShareMeasuredOn = p.ShareMeasuredOn
	}
	return f, nil
}

func without(ids []string, id string) []string {
	out := make([]string, 0, len(ids))
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// audit records a change of a status and queues the organisation's search
// documents for an update: every audited change (verification, rejection,
// edit, evidence, deletion) may change which status types count.
func (s *SSEStatuses) audit(ctx context.Context, tx *store.Tx, actor Actor, action string, st domain.SSEStatus, before, after map[string]any) error {
	if err := indexOrganisation(ctx, tx, s.index, st.OrganisationID, time.Time{}); err != nil {
		return err
	}
	if st.State == domain.VerificationVerified {
		// A verified status stops counting after its valid-until day
		// without any write: the documents are updated then too.
		if err := indexOrganisation(ctx, tx, s.index, st.OrganisationID, domain.Day(st.ValidUntil).AddDate(0, 0, 1)); err != nil {
			return err
		}
	}
	return writeAudit(ctx, tx, actor, action, "sse_status", st.ID, st.OrganisationID, before, after)
}

func sseStatusAudit(s domain.SSEStatus) map[string]any {
	m := map[string]any{
		"type": s.Type, "registration_number": s.RegistrationNumber, "valid_until": s.ValidUntil.Format(time.DateOnly),
		"state": s.State, "evidence": s.EvidenceIDs,
	}
	if s.DisabledShare != nil && s.ShareMeasuredOn != nil {
		m["disabled_share"] = *s.DisabledShare
		m["share_measured_on"] = s.ShareMeasuredOn.Format(time.DateOnly)
	}
	return m
}
