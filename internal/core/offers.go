package core

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Offers are the use cases of supplier offers and their moderation (issue 4;
// DOMAIN.md, "Lifecycles"). The state machine is domain.OfferState; these
// use cases add who may act and what publication needs:
//   - only members of an SSE supplier organisation create and edit offers;
//     buyers and the cluster cannot (domain.ErrForbidden);
//   - "Only organisations with a verified SSE status can publish; others
//     may keep drafts": submitting needs a status that counts at that
//     moment (VerifiedSSEStatuses), and so does the moderator's approval,
//     since a status may expire or be withdrawn while the offer waits;
//   - editing a published offer sends it back to the moderators (see
//     domain/offer_lifecycle.go), and so needs a counting status as well;
//   - an offer that is not published exists only for its organisation's
//     members and for moderators: anyone else gets domain.ErrNotFound.
type Offers struct {
	st     *store.Store
	mailer Mailer
	index  SearchJobs     // nil: no search index updates (see WithSearch)
	notes  *Notifications // nil: decisions are emailed directly (see WithNotifications)
	now    Clock
	cfg    OffersConfig
}

// WithNotifications routes moderation decisions through n: each owner gets
// an in-app notification (category listing_decisions) and the email as
// their preference says. Without it (the demo seed) decisions are emailed
// directly. It returns s.
func (s *Offers) WithNotifications(n *Notifications) *Offers {
	s.notes = n
	return s
}

// OffersConfig holds the settings of the offer use cases.
type OffersConfig struct {
	// PublicURL prefixes the links sent by email.
	PublicURL string
}

// NewOffers builds the offer use cases.
func NewOffers(st *store.Store, mailer Mailer, now Clock, cfg OffersConfig) *Offers {
	if now == nil {
		now = time.Now
	}
	return &Offers{st: st, mailer: mailer, now: now, cfg: cfg}
}

// WithSearch makes every change of an offer queue, in its transaction, an
// update of its search document. It returns s.
func (s *Offers) WithSearch(jobs SearchJobs) *Offers {
	s.index = jobs
	return s
}

// DefaultOfferPageSize and MaxOfferPageSize bound a page of offers.
const (
	DefaultOfferPageSize = 20
	MaxOfferPageSize     = 100
)

// OfferPatch changes some fields of an offer; nil leaves a field as it is.
// Lists (translations, sectors, CPV codes, labels) and the area and price
// are replaced whole. ClearLeadTime removes the lead time.
type OfferPatch struct {
	Type          *domain.OfferType
	Language      *domain.Language
	Title         *string
	Description   *string
	Translations  *[]domain.OfferText
	Sectors       *[]string
	CPVCodes      *[]string
	Area          *domain.OfferArea
	Price         *domain.OfferPrice
	MinimumOrder  *string
	LeadTimeDays  *int
	ClearLeadTime bool
	Capacity      *string
	Labels        *[]string
}

// Decision is a moderator's decision on a pending offer.
type Decision string

// The decisions, named after the events of the offer's state machine.
const (
	DecisionApprove        Decision = "approve"
	DecisionReject         Decision = "reject"
	DecisionRequestChanges Decision = "request_changes"
)

// Create records a draft offer of a supplier organisation on behalf of one
// of its members.
func (s *Offers) Create(ctx context.Context, actor Actor, p domain.Principal, orgID string, f domain.OfferFields) (domain.Offer, error) {
	org, err := s.supplier(ctx, p, orgID)
	if err != nil {
		return domain.Offer{}, err
	}
	f = f.Normalize()
	f.CPVCodes = canonicalCPV(f.CPVCodes)
	if err := s.validate(ctx, f, org); err != nil {
		return domain.Offer{}, err
	}
	f = f.Dedup()
	var out domain.Offer
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if out, err = tx.CreateOffer(ctx, domain.Offer{OrganisationID: org.ID, OfferFields: f}, s.now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "offer.created", out, nil, offerAudit(out))
	})
	return out, err
}

// Update changes an offer's content on behalf of a member of its
// organisation: a draft or an offer waiting for changes stays as it is; a
// published one goes back to pending. Nothing changes when the patch
// changes nothing.
func (s *Offers) Update(ctx context.Context, actor Actor, p domain.Principal, offerID string, patch OfferPatch) (domain.Offer, error) {
	org, err := s.offerSupplier(ctx, p, offerID)
	if err != nil {
		return domain.Offer{}, err
	}
	now := s.now()
	var out domain.Offer
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockOfferOf(ctx, tx, org.ID, offerID)
		if err != nil {
			return err
		}
		next, err := before.State.Next(domain.OfferEdit)
		if err != nil {
			return err
		}
		f := applyOfferPatch(before.OfferFields, patch).Normalize()
		f.CPVCodes = canonicalCPV(f.CPVCodes)
		if err := s.validate(ctx, f, org); err != nil {
			return err
		}
		f = f.Dedup()
		if reflect.DeepEqual(f, before.OfferFields.Normalize().Dedup()) {
			out = before
			return nil
		}
		after := before
		after.OfferFields = f
		if err := s.enter(ctx, tx, &after, next, now); err != nil {
			return err
		}
		if out, err = tx.SaveOffer(ctx, after, now); err != nil {
			return err
		}
		if err := s.flagIfSubmitted(ctx, tx, before, out, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "offer.updated", out, offerAudit(before), offerAudit(out))
	})
	return out, err
}

// Delete deletes a draft on behalf of a member of its organisation. Its
// documents stay.
func (s *Offers) Delete(ctx context.Context, actor Actor, p domain.Principal, offerID string) error {
	org, err := s.offerSupplier(ctx, p, offerID)
	if err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockOfferOf(ctx, tx, org.ID, offerID)
		if err != nil {
			return err
		}
		if _, err := before.State.Next(domain.OfferDelete); err != nil {
			return err
		}
		if err := tx.DeleteOffer(ctx, before.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "offer.deleted", before, offerAudit(before), nil)
	})
}

// Submit sends a draft, or an offer whose changes were requested, to the
// moderators. The organisation needs an SSE status that counts now, and
// the offer at least one sector or CPV code.
func (s *Offers) Submit(ctx context.Context, actor Actor, p domain.Principal, offerID string) (domain.Offer, error) {
	return s.move(ctx, actor, p, offerID, domain.OfferSubmit, "offer.submitted")
}

// Archive withdraws a published offer from the public for good.
func (s *Offers) Archive(ctx context.Context, actor Actor, p domain.Principal, offerID string) (domain.Offer, error) {
	return s.move(ctx, actor, p, offerID, domain.OfferArchive, "offer.archived")
}

func (s *Offers) move(ctx context.Context, actor Actor, p domain.Principal, offerID string, ev domain.OfferEvent, action string) (domain.Offer, error) {
	org, err := s.offerSupplier(ctx, p, offerID)
	if err != nil {
		return domain.Offer{}, err
	}
	now := s.now()
	var out domain.Offer
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockOfferOf(ctx, tx, org.ID, offerID)
		if err != nil {
			return err
		}
		next, err := before.State.Next(ev)
		if err != nil {
			return err
		}
		if ev == domain.OfferSubmit {
			if err := domain.ValidateOfferSubmission(before.OfferFields).Err(); err != nil {
				return err
			}
		}
		after := before
		if err := s.enter(ctx, tx, &after, next, now); err != nil {
			return err
		}
		if out, err = tx.SaveOffer(ctx, after, now); err != nil {
			return err
		}
		if err := s.flagIfSubmitted(ctx, tx, before, out, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, action, out, offerAudit(before), offerAudit(out))
	})
	return out, err
}

// enter moves o to state next at now, with the dates that go with it. An
// offer that goes to the moderators needs a counting SSE status.
func (s *Offers) enter(ctx context.Context, tx *store.Tx, o *domain.Offer, next domain.OfferState, now time.Time) error {
	if next == o.State {
		return nil
	}
	switch next {
	case domain.OfferPending:
		if err := refuseSuspendedIn(ctx, tx, o.OrganisationID, errOrganisationSuspended()); err != nil {
			return err
		}
		if err := s.checkVerified(ctx, tx, o.OrganisationID, now, msgOfferNeedsStatus, domain.ErrForbidden); err != nil {
			return err
		}
		o.SubmittedAt, o.DecisionReason = &now, ""
	case domain.OfferArchived:
		o.ArchivedAt = &now
	}
	o.State = next
	return nil
}

// checkVerified fails with msg (around sentinel) unless the organisation
// holds an SSE status that counts at instant at. It reads through tx, which
// holds the offer's lock.
func (s *Offers) checkVerified(ctx context.Context, tx *store.Tx, orgID string, at time.Time, msg domain.Msg, sentinel error) error {
	statuses, err := tx.VerifiedSSEStatuses(ctx, orgID, at)
	if err != nil {
		return err
	}
	if len(statuses) == 0 {
		return msg.Wrap(sentinel)
	}
	return nil
}

// AttachDocument shows a document of the offer's organisation (uploaded
// with purpose offer_photo or other) with the offer, after the others.
// Like an edit, it sends a published offer back to pending.
func (s *Offers) AttachDocument(ctx context.Context, actor Actor, p domain.Principal, offerID, documentID string) (domain.Offer, error) {
	return s.changeDocument(ctx, actor, p, offerID, documentID, true)
}

// DetachDocument stops showing a document with the offer (the document
// stays). Like an edit, it sends a published offer back to pending.
func (s *Offers) DetachDocument(ctx context.Context, actor Actor, p domain.Principal, offerID, documentID string) (domain.Offer, error) {
	return s.changeDocument(ctx, actor, p, offerID, documentID, false)
}

func (s *Offers) changeDocument(ctx context.Context, actor Actor, p domain.Principal, offerID, documentID string, attach bool) (domain.Offer, error) {
	org, err := s.offerSupplier(ctx, p, offerID)
	if err != nil {
		return domain.Offer{}, err
	}
	now := s.now()
	var out domain.Offer
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockOfferOf(ctx, tx, org.ID, offerID)
		if err != nil {
			return err
		}
		next, err := before.State.Next(domain.OfferEdit)
		if err != nil {
			return err
		}
		action := "offer.document_detached"
		if attach {
			action = "offer.document_attached"
			doc, err := tx.GetDocument(ctx, documentID) // through tx: it holds the listing's lock
			if err != nil || doc.OrganisationID != org.ID {
				// Another organisation's document does not exist for this one.
				return msgOfferNoDocument.Wrap(domain.ErrNotFound)
			}
			if doc.Purpose != domain.DocOfferPhoto && doc.Purpose != domain.DocOther {
				ve := &domain.ValidationError{}
				ve.AddLocalized("path.documentID", "wrong_purpose", msgOfferDocumentPurpose.With(string(doc.Purpose)))
				return ve
			}
			if len(before.Documents) >= domain.MaxOfferDocuments {
				ve := &domain.ValidationError{}
				ve.AddLocalized("path.documentID", "too_many", msgOfferTooManyDocuments.With(domain.MaxOfferDocuments))
				return ve
			}
			added, err := tx.AttachOfferDocument(ctx, before, doc, now)
			if err != nil || !added {
				out = before
				return err // attaching twice changes nothing
			}
		} else {
			removed, err := tx.DetachOfferDocument(ctx, before.ID, documentID)
			if err != nil {
				return err
			}
			if !removed {
				return msgOfferNotAttached.Wrap(domain.ErrNotFound)
			}
		}
		after := before
		if err := s.enter(ctx, tx, &after, next, now); err != nil {
			return err
		}
		if out, err = tx.SaveOffer(ctx, after, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, action, out, offerAudit(before), map[string]any{"document_id": documentID, "state": out.State})
	})
	return out, err
}

// Get returns an offer as p may see it (offerVisible): a published one of
// an active organisation to anyone, any other only to members of its
// organisation and moderators.
func (s *Offers) Get(ctx context.Context, p domain.Principal, offerID string) (domain.Offer, error) {
	o, err := s.st.GetOffer(ctx, offerID)
	if err != nil {
		return domain.Offer{}, err
	}
	if ok, err := offerVisible(ctx, s.st, p, o); err != nil || !ok {
		return domain.Offer{}, notVisible(err)
	}
	return o, nil
}

// ListByOrganisation returns a page of an organisation's offers, newest
// first: in every state for its members and moderators (state, when set,
// filters), published ones only for anyone else. For anyone else a
// suspended organisation does not exist (as in Organisations.Get), nor
// its offers (listingVisible).
func (s *Offers) ListByOrganisation(ctx context.Context, p domain.Principal, orgID string, state domain.OfferState, cursor string, limit int) (
	[]domain.Offer, string, error) {
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return nil, "", err
	}
	states := []domain.OfferState{domain.OfferPublished}
	if domain.Can(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		states = domain.OfferStates()
	} else if org.Status != domain.OrgActive {
		return nil, "", domain.ErrNotFound
	}
	if state != "" {
		if !state.Valid() {
			ve := &domain.ValidationError{}
			ve.AddLocalized("query.state", "invalid", msgOfferStateInvalid.With(string(state)))
			return nil, "", ve
		}
		if !slices.Contains(states, state) {
			return []domain.Offer{}, "", nil // the public sees no offer in that state
		}
		states = []domain.OfferState{state}
	}
	return s.st.ListOffersByOrganisation(ctx, orgID, states, cursor, pageSize(limit))
}

// ListPublished returns a page of published offers of active
// organisations matching f, sorted by publication date: the seed of
// search until the search issue.
func (s *Offers) ListPublished(ctx context.Context, f store.OfferFilter, cursor string, limit int) ([]domain.Offer, string, error) {
	f.Sector = strings.ToLower(strings.TrimSpace(f.Sector))
	f.Country = strings.ToUpper(strings.TrimSpace(f.Country))
	ve := &domain.ValidationError{}
	if f.Type != "" && !f.Type.Valid() {
		ve.AddLocalized("query.type", "invalid", msgOfferTypeFilter.With(string(f.Type)))
	}
	if f.Country != "" && !domain.IsEUCountry(f.Country) {
		ve.AddLocalized("query.country", "invalid", msgOfferCountryFilter.With(f.Country))
	}
	if err := ve.Err(); err != nil {
		return nil, "", err
	}
	return s.st.ListPublishedOffers(ctx, f, cursor, pageSize(limit))
}

// Queue returns a page of pending offers for moderators, oldest
// submission first, of organisations of country ("" for all).
func (s *Offers) Queue(ctx context.Context, p domain.Principal, country, cursor string, limit int) ([]store.OfferForModeration, string, error) {
	if err := moderator(p); err != nil {
		return nil, "", err
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	if country != "" && !domain.IsEUCountry(country) {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.country", "invalid", msgOfferCountryFilter.With(country))
		return nil, "", ve
	}
	return s.st.ListOffersForModeration(ctx, country, cursor, pageSize(limit))
}

// Decide records a moderator's decision on a pending offer and emails it,
// with the reason, to the owners of the offer's organisation (in the same
// transaction). A reason is required to reject or request changes. A
// moderator who is a member of the organisation may not decide
// (domain.ErrForbidden). Approval needs the organisation's SSE status to
// count still (domain.ErrConflict otherwise).
func (s *Offers) Decide(ctx context.Context, actor Actor, p domain.Principal, offerID string, d Decision, reason string) (domain.Offer, error) {
	return s.DecideWith(ctx, actor, p, offerID, d, domain.DecisionReason{Note: reason})
}

// DecideWith is Decide with a reason that may be a template (see
// domain.ReasonTemplates) with an optional note: each owner reads the
// template in their own language; the offer keeps it in the language the
// offer was written in.
func (s *Offers) DecideWith(ctx context.Context, actor Actor, p domain.Principal, offerID string, d Decision, why domain.DecisionReason) (domain.Offer, error) {
	if err := moderator(p); err != nil {
		return domain.Offer{}, err
	}
	why.Template, why.Note = strings.TrimSpace(why.Template), strings.TrimSpace(why.Note)
	ev := map[Decision]domain.OfferEvent{DecisionApprove: domain.OfferApprove, DecisionReject: domain.OfferReject,
		DecisionRequestChanges: domain.OfferRequestChanges}[d]
	ve := domain.ValidateDecisionReasonWith(why, d != DecisionApprove, "body.reason_template", "body.reason")
	if ev == "" {
		ve.AddLocalized("body.decision", "invalid", msgOfferDecisionInvalid.With(string(d)))
	}
	if err := ve.Err(); err != nil {
		return domain.Offer{}, err
	}
	now := s.now()
	var out domain.Offer
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockOffer(ctx, offerID)
		if err != nil {
			return err
		}
		if _, member := p.Memberships[before.OrganisationID]; member {
			return msgOfferOwnModeration.Wrap(domain.ErrForbidden)
		}
		next, err := before.State.Next(ev)
		if err != nil {
			return err
		}
		reason := why.Text(before.Language)
		after := before
		after.State, after.DecidedAt, after.DecidedBy = next, &now, actor.UserID
		switch next {
		case domain.OfferPublished:
			if err := refuseSuspendedIn(ctx, tx, before.OrganisationID, errApproveSuspended()); err != nil {
				return err
			}
			if err := s.checkVerified(ctx, tx, before.OrganisationID, now, msgOfferStatusLapsed, domain.ErrConflict); err != nil {
				return err
			}
			after.DecisionReason = ""
			// The first publication date stays: an edited offer keeps its
			// place in the newest-first list rather than jumping to the top.
			if after.PublishedAt == nil {
				after.PublishedAt = &now
			}
		default:
			after.DecisionReason = reason
		}
		if out, err = tx.SaveOffer(ctx, after, now); err != nil {
			return err
		}
		audit := offerAudit(out)
		if reason != "" {
			audit["reason"] = reason
		}
		if why.Template != "" {
			audit["reason_template"] = why.Template
		}
		if err := s.audit(ctx, tx, actor, "offer."+string(next), out, offerAudit(before), audit); err != nil {
			return err
		}
		return s.notify(ctx, tx, out, d, why)
	})
	return out, err
}

// notify emails a decision to every owner of the offer's organisation, in
// their language, with the title in that language when the author wrote it.
func (s *Offers) notify(ctx context.Context, tx *store.Tx, o domain.Offer, d Decision, why domain.DecisionReason) error {
	org, err := tx.GetOrganisation(ctx, o.OrganisationID) // through tx: it holds the offer's lock
	if err != nil {
		return err
	}
	owners, err := tx.ListOrganisationOwners(ctx, o.OrganisationID)
	if err != nil {
		return err
	}
	for _, owner := range owners {
		title := o.Title
		for _, t := range o.Translations {
			if t.Lang == owner.Language {
				title = t.Title
			}
		}
		link := strings.TrimRight(s.cfg.PublicURL, "/") + "/workspace/supplier/offers/" + o.ID
		data := map[string]any{"Name": owner.DisplayName, "OrganisationName": organisationName(org), "Title": title,
			"Decision": string(d), "Reason": why.Text(owner.Language), "Link": link}
		if s.notes != nil {
			headline := msgOfferDecisionNotice[d]
			if err := s.notes.Notify(ctx, tx, Notice{Category: domain.NotifyListingDecisions, Kind: "listing_decision",
				Title: headline.With(title)[owner.Language], Link: link, Data: data}, owner.UserID); err != nil {
				return err
			}
			continue
		}
		if err := s.mailer.EnqueueEmail(ctx, tx, Email{To: owner.Email, Name: owner.DisplayName, Kind: "listing_decision", Lang: owner.Language,
			Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// flagIfSubmitted computes the duplicate and spam flags of an offer that
// has just gone to the moderators (submitted, or a published one edited).
func (s *Offers) flagIfSubmitted(ctx context.Context, tx *store.Tx, before, after domain.Offer, now time.Time) error {
	if after.State != domain.OfferPending || before.State == domain.OfferPending {
		return nil
	}
	return flagListing(ctx, tx, store.ListingOffer, after.OrganisationID, after.ID, after.Title, after.Description, now)
}

// supplier checks that p may manage the offers of orgID, an SSE supplier
// organisation, and returns it.
func (s *Offers) supplier(ctx context.Context, p domain.Principal, orgID string) (domain.Organisation, error) {
	return supplierToManage(ctx, s.st, p, orgID, msgOfferSuppliersOnly.Wrap(domain.ErrForbidden))
}

// offerSupplier finds the organisation of an offer and checks that p may
// manage its offers. An offer p may not see does not exist for p; one p
// sees but may not change (a published one, or any as a moderator) is
// domain.ErrForbidden.
func (s *Offers) offerSupplier(ctx context.Context, p domain.Principal, offerID string) (domain.Organisation, error) {
	if p.Anonymous() {
		return domain.Organisation{}, domain.ErrUnauthenticated
	}
	o, err := s.Get(ctx, p, offerID)
	if err != nil {
		return domain.Organisation{}, err
	}
	return s.supplier(ctx, p, o.OrganisationID)
}

// validate checks f for org, with the NUTS regions against the stored list
// and the sectors and CPV codes against the catalogue and the imported list.
func (s *Offers) validate(ctx context.Context, f domain.OfferFields, org domain.Organisation) error {
	ve := domain.ValidateOffer(f, org.Location != nil)
	if err := checkClassification(ctx, s.st, ve, "body.sectors", f.Sectors, "body.cpv_codes", f.CPVCodes); err != nil {
		return err
	}
	for i, code := range f.Area.Regions {
		r, err := s.st.GetNUTSRegion(ctx, code)
		switch {
		case err == nil && !r.Retired:
		case err == nil || errors.Is(err, domain.ErrNotFound):
			ve.AddLocalized("body.area.regions["+strconv.Itoa(i)+"]", "unknown", msgOfferRegionNotFound.With(code))
		default:
			return err
		}
	}
	return ve.Err()
}

func applyOfferPatch(f domain.OfferFields, p OfferPatch) domain.OfferFields {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	if p.Type != nil {
		f.Type = *p.Type
	}
	if p.Language != nil {
		f.Language = *p.Language
	}
	set(&f.Title, p.Title)
	set(&f.Description, p.Description)
	set(&f.MinimumOrder, p.MinimumOrder)
	set(&f.Capacity, p.Capacity)
	if p.Translations != nil {
		f.Translations = *p.Translations
	}
	if p.Sectors != nil {
		f.Sectors = *p.Sectors
	}
	if p.CPVCodes != nil {
		f.CPVCodes = *p.CPVCodes
	}
	if p.Labels != nil {
		f.Labels = *p.Labels
	}
	if p.Area != nil {
		f.Area = *p.Area
	}
	if p.Price != nil {
		f.Price = *p.Price
	}
	if p.ClearLeadTime {
		f.LeadTimeDays = nil
	}
	if p.LeadTimeDays != nil {
		f.LeadTimeDays = p.LeadTimeDays
	}
	return f
}

// lockOfferOf locks an offer of orgID; an offer of another organisation
// does not exist for it.
func lockOfferOf(ctx context.Context, tx *store.Tx, orgID, offerID string) (domain.Offer, error) {
	o, err := tx.LockOffer(ctx, offerID)
	if err != nil {
		return domain.Offer{}, err
	}
	if o.OrganisationID != orgID {
		return domain.Offer{}, domain.ErrNotFound
	}
	return o, nil
}

func moderator(p domain.Principal) error {
	if p.Anonymous() {
		return domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return domain.ErrForbidden
	}
	return nil
}

func pageSize(limit int) int32 {
	if limit <= 0 {
		limit = DefaultOfferPageSize
	}
	return int32(min(limit, MaxOfferPageSize))
}

// audit records a change of an offer and, in the same transaction, queues
// its search document for an update: every audited change (content, state,
// documents) may change what the index must show, or whether it shows it.
func (s *Offers) audit(ctx context.Context, tx *store.Tx, actor Actor, action string, o domain.Offer, before, after map[string]any) error {
	if err := indexListings(ctx, tx, s.index, offerRef(o.ID)); err != nil {
		return err
	}
	return writeAudit(ctx, tx, actor, action, "offer", o.ID, o.OrganisationID, before, after)
}

func offerAudit(o domain.Offer) map[string]any {
	docs := make([]string, len(o.Documents))
	for i, d := range o.Documents {
		docs[i] = d.DocumentID
	}
	return map[string]any{
		"state": o.State, "type": o.Type, "language": o.Language, "title": o.Title, "sectors": o.Sectors,
		"cpv_codes": o.CPVCodes, "area_mode": o.Area.Mode, "regions": o.Area.Regions, "radius_km": o.Area.RadiusKM,
		"accepts_cross_border": o.Area.AcceptsCrossBorder, "labels": o.Labels, "documents": docs,
		"translations": len(o.Translations),
	}
}

var (
	msgOfferSuppliersOnly = domain.Msg{
		EN: "only SSE supplier organisations publish offers",
		FR: "seules les organisations fournisseurs de l'ESS publient des offres",
		DE: "nur Anbieterorganisationen der Sozialwirtschaft veröffentlichen Angebote",
		NL: "alleen leveranciersorganisaties uit de sociale economie publiceren aanbod"}
	msgOfferNeedsStatus = domain.Msg{
		EN: "only organisations with a verified SSE status that has not expired can publish offers; drafts can wait until a moderator has verified your status",
		FR: "seules les organisations dont un statut ESS est vérifié et non expiré peuvent publier des offres ; les brouillons peuvent attendre qu'un modérateur ait vérifié votre statut",
		DE: "nur Organisationen mit einem geprüften, nicht abgelaufenen Status der Sozialwirtschaft können Angebote veröffentlichen; Entwürfe können warten, bis die Moderation Ihren Status geprüft hat",
		NL: "alleen organisaties met een geverifieerde, niet verlopen status in de sociale economie kunnen aanbod publiceren; concepten kunnen wachten tot een moderator uw status heeft geverifieerd"}
	msgOfferStatusLapsed = domain.Msg{
		EN: "the supplier no longer holds a verified SSE status that counts (expired or withdrawn): the offer cannot be published; reject it or request changes",
		FR: "le fournisseur n'a plus de statut ESS vérifié en cours de validité (expiré ou retiré) : l'offre ne peut pas être publiée ; refusez-la ou demandez des modifications",
		DE: "der Anbieter hat keinen gültigen geprüften Status der Sozialwirtschaft mehr (abgelaufen oder entzogen): das Angebot kann nicht veröffentlicht werden; lehnen Sie es ab oder fordern Sie Änderungen an",
		NL: "de leverancier heeft geen geldige geverifieerde status in de sociale economie meer (verlopen of ingetrokken): het aanbod kan niet worden gepubliceerd; weiger het of vraag wijzigingen"}
	msgOfferOwnModeration = domain.Msg{
		EN: "you are a member of this organisation: another moderator must decide on its offer",
		FR: "vous êtes membre de cette organisation : un autre modérateur doit décider de son offre",
		DE: "Sie sind Mitglied dieser Organisation: eine andere Moderatorin oder ein anderer Moderator muss über ihr Angebot entscheiden",
		NL: "u bent lid van deze organisatie: een andere moderator moet over haar aanbod beslissen"}
	msgOfferNoDocument = domain.Msg{
		EN: "no such document in this organisation", FR: "aucun document de ce nom dans cette organisation",
		DE: "kein solches Dokument in dieser Organisation", NL: "geen dergelijk document in deze organisatie"}
	msgOfferNotAttached = domain.Msg{
		EN: "this document is not attached to the offer", FR: "ce document n'est pas joint à l'offre",
		DE: "dieses Dokument ist dem Angebot nicht beigefügt", NL: "dit document is niet aan het aanbod gekoppeld"}
	msgOfferDocumentPurpose = domain.Msg{
		EN: "this document was uploaded as %s: an offer shows documents uploaded as offer_photo or other",
		FR: "ce document a été déposé comme %s : une offre présente les documents déposés comme offer_photo ou other",
		DE: "dieses Dokument wurde als %s hochgeladen: ein Angebot zeigt Dokumente, die als offer_photo oder other hochgeladen wurden",
		NL: "dit document is geüpload als %s: een aanbod toont documenten die als offer_photo of other zijn geüpload"}
	msgOfferTooManyDocuments = domain.Msg{
		EN: "an offer shows at most %d photos and documents", FR: "une offre présente %d photos et documents au plus",
		DE: "ein Angebot zeigt höchstens %d Fotos und Dokumente", NL: "een aanbod toont hoogstens %d foto's en documenten"}
	msgOfferRegionNotFound = domain.Msg{
		EN: "%q is not a current NUTS region", FR: "%q n'est pas une région NUTS en vigueur",
		DE: "%q ist keine gültige NUTS-Region", NL: "%q is geen geldende NUTS-regio"}
	msgOfferStateInvalid = domain.Msg{
		EN: "%q is not an offer state", FR: "%q n'est pas un état d'offre",
		DE: "%q ist kein Angebotszustand", NL: "%q is geen toestand van een aanbod"}
	msgOfferTypeFilter = domain.Msg{
		EN: "%q is not supplies, services or works", FR: "%q n'est ni supplies, ni services, ni works",
		DE: "%q ist weder supplies noch services noch works", NL: "%q is geen supplies, services of works"}
	msgOfferCountryFilter = domain.Msg{
		EN: "%q is not the code of an EU country", FR: "%q n'est pas le code d'un pays de l'UE",
		DE: "%q ist kein Code eines EU-Landes", NL: "%q is geen code van een EU-land"}
	msgOfferDecisionInvalid = domain.Msg{
		EN: "%q is not approve, reject or request_changes", FR: "%q n'est ni approve, ni reject, ni request_changes",
		DE: "%q ist weder approve noch reject noch request_changes", NL: "%q is geen approve, reject of request_changes"}
)

// msgOfferDecisionNotice is the in-app line of a decision on an offer, as
// the email's subject says it.
var msgOfferDecisionNotice = map[Decision]domain.Msg{
	DecisionApprove: {EN: "Your offer “%s” is published", FR: "Votre offre « %s » est publiée",
		DE: "Ihr Angebot „%s“ ist veröffentlicht", NL: "Uw aanbod ‘%s’ is gepubliceerd"},
	DecisionReject: {EN: "Your offer “%s” was not accepted", FR: "Votre offre « %s » n’a pas été acceptée",
		DE: "Ihr Angebot „%s“ wurde nicht angenommen", NL: "Uw aanbod ‘%s’ is niet aanvaard"},
	DecisionRequestChanges: {EN: "Changes requested on your offer “%s”", FR: "Des modifications sont demandées sur votre offre « %s »",
		DE: "Änderungen an Ihrem Angebot „%s“ erbeten", NL: "Wijzigingen gevraagd aan uw aanbod ‘%s’"},
}
