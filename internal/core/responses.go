package core

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Responses are the use cases of suppliers' responses to tender lots
// (DOMAIN.md, "Lifecycles"), and of "not interested" answers.
//
// Responses are sealed. Until the responses deadline only the responding
// organisation sees its response; after it, the members of the tender's
// buyer see the responses that count too; nobody else ever does:
// moderators and admins included, except while a report is open on the
// tender (issue 6): a moderator may then read a response with Get, to
// handle the report. Whoever may not see a response gets
// domain.ErrNotFound, so that its existence does not leak either.
type Responses struct {
	st  *store.Store
	now Clock
}

// NewResponses builds the response use cases.
func NewResponses(st *store.Store, now Clock) *Responses {
	if now == nil {
		now = time.Now
	}
	return &Responses{st: st, now: now}
}

// Now is the time of the use cases' clock: deadlines are judged at it.
func (s *Responses) Now() time.Time { return s.now() }

// ResponseDecision is a buyer's decision on a response after the
// deadline, named after its event in the response lifecycle.
type ResponseDecision string

// The decisions (domain.ResponseShortlist, ResponseAccept, ResponseDecline).
const (
	ResponseShortlist ResponseDecision = "shortlist"
	ResponseAccept    ResponseDecision = "accept"
	ResponseDecline   ResponseDecision = "decline"
)

// Create records a draft response of the organisation p acts for (an SSE
// supplier) to a lot of a published tender whose deadline has not passed.
func (s *Responses) Create(ctx context.Context, actor Actor, p domain.Principal, tenderID, lotID string, f domain.ResponseFields) (domain.Response, error) {
	org, err := s.actingSupplier(ctx, p)
	if err != nil {
		return domain.Response{}, err
	}
	now := s.now()
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return domain.Response{}, err
	}
	if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
		return domain.Response{}, notVisible(err)
	}
	if !slices.ContainsFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID }) {
		return domain.Response{}, domain.ErrNotFound
	}
	if err := openForResponses(t, now); err != nil {
		return domain.Response{}, err
	}
	f = f.Normalize()
	if err := domain.ValidateResponse(f).Err(); err != nil {
		return domain.Response{}, err
	}
	var out domain.Response
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := refuseSuspendedIn(ctx, tx, org.ID, errOrganisationSuspended()); err != nil {
			return err
		}
		var err error
		out, err = tx.CreateResponse(ctx, domain.Response{TenderID: t.ID, LotID: lotID, OrganisationID: org.ID, Message: f.Message,
			PriceCents: f.PriceCents, Currency: f.Currency, PriceText: f.PriceText}, now)
		if errors.Is(err, domain.ErrConflict) {
			return msgResponseExists.Wrap(domain.ErrConflict)
		}
		if err != nil {
			return err
		}
		return responseAudit(ctx, tx, actor, "response.created", out, nil, responseState(out))
	})
	return out, err
}

// Get returns a response to whoever may see it (see Responses). A
// moderator's reading of a sealed response, allowed by an open report on
// the tender that another user filed, to a moderator who is a member
// neither of the buyer nor of an organisation that responded to the
// tender, is an exception to the seal: it is audited
// ("response.read_by_moderator", actor), so that the supplier's and the
// buyer's trust can be checked afterwards.
func (s *Responses) Get(ctx context.Context, actor Actor, p domain.Principal, responseID string) (domain.Response, domain.Tender, error) {
	r, err := s.st.GetResponse(ctx, responseID)
	if err != nil {
		return domain.Response{}, domain.Tender{}, err
	}
	t, err := s.st.GetTender(ctx, r.TenderID)
	if err != nil {
		return domain.Response{}, domain.Tender{}, err
	}
	if !ResponseVisible(p, r, t, s.now()) {
		// DOMAIN: moderators never see responses, unless a report is
		// open on the tender, which they may need to read to handle it.
		// Only a submitted response: a draft is the supplier's alone.
		if !domain.Can(p, domain.ActModerate, domain.Resource{}) || !r.Counts(t) {
			return domain.Response{}, domain.Tender{}, domain.ErrNotFound
		}
		// Not on their own report, and never as a member of the buyer or
		// of a competitor: the seal opens for the report's handling only.
		ok, err := s.st.ModeratorMayReadTenderResponses(ctx, t.ID, p.UserID)
		if err != nil {
			return domain.Response{}, domain.Tender{}, err
		}
		if !ok {
			return domain.Response{}, domain.Tender{}, domain.ErrNotFound
		}
		err = s.st.WithTx(ctx, func(tx *store.Tx) error {
			return writeAudit(ctx, tx, actor, "response.read_by_moderator", "response", r.ID, r.OrganisationID, nil,
				map[string]any{"tender_id": t.ID, "lot_id": r.LotID, "reason": "open_report"})
		})
		if err != nil {
			return domain.Response{}, domain.Tender{}, err
		}
	}
	return r, t, nil
}

// ResponseVisible is the sealing rule: may p see r, a response to t, at now?
func ResponseVisible(p domain.Principal, r domain.Response, t domain.Tender, now time.Time) bool {
	if _, own := p.Memberships[r.OrganisationID]; own && !p.Anonymous() {
		return true
	}
	_, buyer := p.Memberships[t.OrganisationID]
	return buyer && !p.Anonymous() && t.DeadlinePassed(now) && r.Counts(t)
}

// Update changes a draft or withdrawn response before the deadline (a
// submitted one is withdrawn first, so that the buyer never sees a
// response change under a submission).
func (s *Responses) Update(ctx context.Context, actor Actor, p domain.Principal, responseID string, f domain.ResponseFields) (domain.Response, error) {
	f = f.Normalize()
	if err := domain.ValidateResponse(f).Err(); err != nil {
		return domain.Response{}, err
	}
	return s.supplierChange(ctx, actor, p, responseID, "response.updated", func(_ *store.Tx, r *domain.Response, _ domain.Tender, _ time.Time) error {
		if r.State != domain.ResponseDraft && r.State != domain.ResponseWithdrawn {
			return msgResponseFrozen.Wrap(domain.ErrConflict, string(r.State))
		}
		r.Message, r.PriceCents, r.Currency, r.PriceText = f.Message, f.PriceCents, f.Currency, f.PriceText
		return nil
	})
}

// Submit sends a draft (or withdrawn) response, confirmed for the
// tender's current substance.
func (s *Responses) Submit(ctx context.Context, actor Actor, p domain.Principal, responseID string) (domain.Response, error) {
	return s.supplierChange(ctx, actor, p, responseID, "response.submitted", func(tx *store.Tx, r *domain.Response, t domain.Tender, now time.Time) error {
		if err := refuseSuspendedIn(ctx, tx, r.OrganisationID, errOrganisationSuspended()); err != nil {
			return err
		}
		to, err := r.Lifecycle(t).Next(domain.ResponseSubmit)
		if err != nil {
			return err
		}
		r.State, r.SubmittedAt, r.WithdrawnAt, r.ConfirmedVersion = to, &now, nil, t.SubstanceVersion
		return nil
	})
}

// Withdraw takes a submitted response back before the deadline.
func (s *Responses) Withdraw(ctx context.Context, actor Actor, p domain.Principal, responseID string) (domain.Response, error) {
	return s.supplierChange(ctx, actor, p, responseID, "response.withdrawn", func(_ *store.Tx, r *domain.Response, t domain.Tender, now time.Time) error {
		to, err := r.Lifecycle(t).Next(domain.ResponseWithdraw)
		if err != nil {
			return err
		}
		r.State, r.WithdrawnAt = to, &now
		return nil
	})
}

// Confirm re-confirms a response after a substantial edit of its tender,
// before the deadline: the reconfirm event of a response whose lifecycle
// state is reconfirmation_required (domain.Response.Lifecycle), which
// records the tender's current substance version. Confirming a submitted
// response that is current changes nothing (a client may retry).
func (s *Responses) Confirm(ctx context.Context, actor Actor, p domain.Principal, responseID string) (domain.Response, error) {
	return s.supplierChange(ctx, actor, p, responseID, "response.confirmed", func(tx *store.Tx, r *domain.Response, t domain.Tender, _ time.Time) error {
		state := r.Lifecycle(t)
		if state == domain.ResponseSubmitted {
			return nil
		}
		// Confirming makes a response count again: like submitting it.
		if err := refuseSuspendedIn(ctx, tx, r.OrganisationID, errOrganisationSuspended()); err != nil {
			return err
		}
		to, err := state.Next(domain.ResponseReconfirm)
		if err != nil {
			return err
		}
		r.State, r.ConfirmedVersion = to, t.SubstanceVersion
		return nil
	})
}

// AttachDocument links a document of the responding organisation (purpose
// response_document) to a draft or withdrawn response.
func (s *Responses) AttachDocument(ctx context.Context, actor Actor, p domain.Principal, responseID, documentID string) (domain.Response, error) {
	return s.supplierChange(ctx, actor, p, responseID, "response.document_attached", func(_ *store.Tx, r *domain.Response, _ domain.Tender, _ time.Time) error {
		if r.State != domain.ResponseDraft && r.State != domain.ResponseWithdrawn {
			return msgResponseFrozen.Wrap(domain.ErrConflict, string(r.State))
		}
		doc, err := s.st.GetDocument(ctx, documentID)
		if err != nil || doc.OrganisationID != r.OrganisationID {
			return domain.ErrNotFound
		}
		if doc.Purpose != domain.DocResponseDocument {
			ve := &domain.ValidationError{}
			ve.AddLocalized("path.documentID", "wrong_purpose", msgResponseDocumentPurpose.With(string(doc.Purpose)))
			return ve
		}
		if !slices.Contains(r.DocumentIDs, doc.ID) {
			r.DocumentIDs = append(slices.Clone(r.DocumentIDs), doc.ID)
		}
		return nil
	})
}

// DetachDocument unlinks a document from a draft or withdrawn response.
func (s *Responses) DetachDocument(ctx context.Context, actor Actor, p domain.Principal, responseID, documentID string) (domain.Response, error) {
	return s.supplierChange(ctx, actor, p, responseID, "response.document_detached", func(_ *store.Tx, r *domain.Response, _ domain.Tender, _ time.Time) error {
		if r.State != domain.ResponseDraft && r.State != domain.ResponseWithdrawn {
			return msgResponseFrozen.Wrap(domain.ErrConflict, string(r.State))
		}
		if !slices.Contains(r.DocumentIDs, documentID) {
			return domain.ErrNotFound
		}
		r.DocumentIDs = without(r.DocumentIDs, documentID)
		return nil
	})
}

// supplierChange runs change on a locked response of one of p's
// organisations, whose tender is locked too (a substantial edit and a
// confirmation never cross) and still open for responses.
func (s *Responses) supplierChange(ctx context.Context, actor Actor, p domain.Principal, responseID, action string,
	change func(*store.Tx, *domain.Response, domain.Tender, time.Time) error) (domain.Response, error) {
	if p.Anonymous() {
		return domain.Response{}, domain.ErrUnauthenticated
	}
	now := s.now()
	var out domain.Response
	// The tender is locked before the response, in the order the buyer's
	// decisions take them, so that the two never wait on each other.
	r, err := s.st.GetResponse(ctx, responseID)
	if err != nil {
		return domain.Response{}, err
	}
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		t, err := tx.LockTender(ctx, r.TenderID)
		if err != nil {
			return err
		}
		before, err := tx.LockResponse(ctx, responseID)
		if err != nil {
			return err
		}
		if !domain.Can(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: before.OrganisationID}) {
			return domain.ErrNotFound // sealed: another organisation's response does not exist
		}
		if err := openForResponses(t, now); err != nil {
			return err
		}
		next := before
		if err := change(tx, &next, t, now); err != nil {
			return err
		}
		for _, d := range next.DocumentIDs {
			if !slices.Contains(before.DocumentIDs, d) {
				if _, err := tx.AttachResponseDocument(ctx, next, d, now); err != nil {
					return err
				}
			}
		}
		for _, d := range before.DocumentIDs {
			if !slices.Contains(next.DocumentIDs, d) {
				if _, err := tx.DetachResponseDocument(ctx, next.ID, d); err != nil {
					return err
				}
			}
		}
		if out, err = tx.SaveResponse(ctx, next, now); err != nil {
			return err
		}
		return responseAudit(ctx, tx, actor, action, out, responseState(before), responseState(out))
	})
	return out, err
}

// Decide records the buyer's decision on a response that counts, after
// the deadline: shortlist, accept, or decline with a reason.
func (s *Responses) Decide(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, responseID string, decision ResponseDecision, reason string) (domain.Response, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Response{}, err
	}
	reason = strings.TrimSpace(reason)
	event := domain.ResponseEvent(decision)
	ve := &domain.ValidationError{}
	switch {
	case !event.BuyerDecision():
		ve.AddLocalized("body.decision", "invalid", msgResponseDecision.With(string(decision)))
	case event.NeedsReason():
		ve = domain.ValidateReason(reason, "body.reason")
	case reason != "":
		ve.Fields = domain.ValidateReason(reason, "body.reason").Fields
	}
	if err := ve.Err(); err != nil {
		return domain.Response{}, err
	}
	now := s.now()
	var out domain.Response
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		t, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		before, err := tx.LockResponse(ctx, responseID)
		if err != nil {
			return err
		}
		if before.TenderID != t.ID || !ResponseVisible(p, before, t, now) {
			if before.TenderID == t.ID && !t.DeadlinePassed(now) {
				return errSealed
			}
			return domain.ErrNotFound
		}
		to, err := before.Lifecycle(t).Next(event)
		if err != nil {
			return err
		}
		next := before
		next.State, next.DecisionReason, next.DecidedAt = to, reason, &now
		if out, err = tx.SaveResponse(ctx, next, now); err != nil {
			return err
		}
		return responseAudit(ctx, tx, actor, "response."+string(to), out, responseState(before), responseState(out))
	})
	return out, err
}

// ListForTender returns a page of the responses that count for a tender
// of orgID, to its members, once the deadline passed (before it they are
// sealed: domain.ErrConflict).
func (s *Responses) ListForTender(ctx context.Context, p domain.Principal, orgID, tenderID, cursor string, limit int) ([]domain.Response, string, error) {
	if err := manageTenders(p, orgID); err != nil {
		return nil, "", err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return nil, "", err
	}
	if t.OrganisationID != orgID {
		return nil, "", domain.ErrNotFound
	}
	if !t.DeadlinePassed(s.now()) {
		return nil, "", errSealed
	}
	return s.st.ListCountingResponses(ctx, t.ID, cursor, tenderPageSize(limit))
}

// ListOwn returns a page of a supplier's responses, to its members only.
func (s *Responses) ListOwn(ctx context.Context, p domain.Principal, orgID, cursor string, limit int) ([]domain.Response, string, error) {
	if err := domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}); err != nil {
		return nil, "", err
	}
	return s.st.ListResponsesByOrganisation(ctx, orgID, cursor, tenderPageSize(limit))
}

// NotInterested records that the supplier p acts for is not interested in
// a published tender, with a reason; saying it again replaces the reason.
// Every lot of the tender routed to the supplier is declined with it
// (reason code other, the reason as the note): the buyer sees one answer,
// and routing and reminders leave the supplier out.
func (s *Responses) NotInterested(ctx context.Context, actor Actor, p domain.Principal, tenderID, reason string) error {
	org, err := s.actingSupplier(ctx, p)
	if err != nil {
		return err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return err
	}
	if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
		return notVisible(err)
	}
	if err := openForResponses(t, s.now()); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if err := domain.ValidateReason(reason, "body.reason").Err(); err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.MarkNotInterested(ctx, t.ID, org.ID, reason, s.now()); err != nil {
			return err
		}
		// One answer for the whole tender: every lot routed to the
		// supplier is declined too, which stops its reminders.
		if err := tx.DeclineTenderRoutes(ctx, t.ID, org.ID, domain.DeclineOther, reason, s.now()); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "tender.not_interested", SubjectType: "tender",
			SubjectID: t.ID, OrganisationID: org.ID, RequestID: actor.RequestID, After: map[string]any{"reason": reason}})
	})
}

// ListNotInterested returns a page of the "not interested" answers to a
// tender of orgID, for its members.
func (s *Responses) ListNotInterested(ctx context.Context, p domain.Principal, orgID, tenderID, cursor string, limit int) ([]store.NotInterested, string, error) {
	if err := manageTenders(p, orgID); err != nil {
		return nil, "", err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return nil, "", err
	}
	if t.OrganisationID != orgID {
		return nil, "", domain.ErrNotFound
	}
	return s.st.ListNotInterested(ctx, t.ID, cursor, tenderPageSize(limit))
}

// actingSupplier is the SSE supplier organisation p acts for.
func (s *Responses) actingSupplier(ctx context.Context, p domain.Principal) (domain.Organisation, error) {
	return actingSupplier(ctx, s.st, p)
}

// actingSupplier is the SSE supplier organisation p acts for: its active
// organisation, which must be a supplier.
func actingSupplier(ctx context.Context, st *store.Store, p domain.Principal) (domain.Organisation, error) {
	if p.Anonymous() {
		return domain.Organisation{}, domain.ErrUnauthenticated
	}
	if p.ActiveOrganisationID == "" || !domain.Can(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: p.ActiveOrganisationID}) {
		return domain.Organisation{}, msgResponseNoOrganisation.Wrap(domain.ErrForbidden)
	}
	org, err := st.GetOrganisation(ctx, p.ActiveOrganisationID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if org.Kind != domain.OrgSSESupplier {
		return domain.Organisation{}, msgResponseSuppliersOnly.Wrap(domain.ErrForbidden)
	}
	return org, nil
}

// openForResponses refuses changes to responses unless t is published and
// its deadline has not passed.
func openForResponses(t domain.Tender, now time.Time) error {
	if t.State != domain.TenderPublished || t.DeadlinePassed(now) {
		return msgResponsesClosed.Wrap(domain.ErrConflict)
	}
	return nil
}

var errSealed = msgResponsesSealed.Wrap(domain.ErrConflict)

func responseAudit(ctx context.Context, tx *store.Tx, actor Actor, action string, r domain.Response, before, after map[string]any) error {
	return writeAudit(ctx, tx, actor, action, "response", r.ID, r.OrganisationID, before, after)
}

// responseState is what the audit log keeps of a response: its state and
// versions, not its sealed content (the log is read by administrators).
func responseState(r domain.Response) map[string]any {
	return map[string]any{"state": r.State, "tender_id": r.TenderID, "lot_id": r.LotID,
		"confirmed_version": r.ConfirmedVersion, "documents": r.DocumentIDs}
}

var (
	msgResponseExists = domain.Msg{
		EN: "your organisation already has a response to this lot: change that one",
		FR: "votre organisation a déjà une réponse pour ce lot : modifiez celle-ci",
		DE: "Ihre Organisation hat bereits ein Angebot für dieses Los: ändern Sie dieses",
		NL: "uw organisatie heeft al een antwoord op dit perceel: wijzig dat",
	}
	msgResponseFrozen = domain.Msg{
		EN: "a response in state %s cannot be changed: withdraw it first",
		FR: "une réponse à l'état %s ne peut pas être modifiée : retirez-la d'abord",
		DE: "ein Angebot im Zustand %s kann nicht geändert werden: ziehen Sie es zuerst zurück",
		NL: "een antwoord in status %s kan niet worden gewijzigd: trek het eerst in",
	}
	msgResponseDocumentPurpose = domain.Msg{
		EN: "this document was uploaded as %s, not as a response document (purpose response_document)",
		FR: "ce document a été déposé comme %s, et non comme document de réponse (usage response_document)",
		DE: "dieses Dokument wurde als %s hochgeladen, nicht als Angebotsunterlage (Zweck response_document)",
		NL: "dit document is geüpload als %s, niet als antwoorddocument (doel response_document)",
	}
	msgResponseDecision = domain.Msg{
		EN: "%q is not a decision: shortlist, accept or decline",
		FR: "%q n'est pas une décision : shortlist, accept ou decline",
		DE: "%q ist keine Entscheidung: shortlist, accept oder decline",
		NL: "%q is geen beslissing: shortlist, accept of decline",
	}
	msgResponseNoOrganisation = domain.Msg{
		EN: "choose the organisation you act for (X-Passerelle-Organisation or PUT /api/v1/me/active-organisation)",
		FR: "choisissez l'organisation pour laquelle vous agissez (X-Passerelle-Organisation ou PUT /api/v1/me/active-organisation)",
		DE: "wählen Sie die Organisation, für die Sie handeln (X-Passerelle-Organisation oder PUT /api/v1/me/active-organisation)",
		NL: "kies de organisatie waarvoor u handelt (X-Passerelle-Organisation of PUT /api/v1/me/active-organisation)",
	}
	msgResponseSuppliersOnly = domain.Msg{
		EN: "only SSE supplier organisations respond to tenders",
		FR: "seuls les fournisseurs de l'ESS répondent aux appels d'offres",
		DE: "nur Anbieter der Sozial- und Solidarwirtschaft geben Angebote ab",
		NL: "alleen leveranciers uit de sociale economie antwoorden op aanbestedingen",
	}
	msgResponsesClosed = domain.Msg{
		EN: "this tender does not accept responses: it is not published or its deadline has passed",
		FR: "cet appel d'offres n'accepte pas de réponses : il n'est pas publié ou sa date limite est passée",
		DE: "diese Ausschreibung nimmt keine Angebote an: sie ist nicht veröffentlicht oder die Frist ist abgelaufen",
		NL: "deze aanbesteding aanvaardt geen antwoorden: ze is niet gepubliceerd of de termijn is verstreken",
	}
	msgResponsesSealed = domain.Msg{
		EN: "responses stay sealed until the responses deadline",
		FR: "les réponses restent scellées jusqu'à la date limite des réponses",
		DE: "Angebote bleiben bis zur Angebotsfrist versiegelt",
		NL: "antwoorden blijven verzegeld tot de antwoordtermijn",
	}
)
