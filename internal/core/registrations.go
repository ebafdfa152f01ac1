package core

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// RegistrationView is a registration with what callers need around it.
type RegistrationView struct {
	Registration event.Registration
	// TypeName is the participation type's names by language.
	TypeNames map[string]string
	// Refundable: cancelling now would refund the fee.
	Refundable bool
}

func (s *Events) registrationView(e event.Event, r event.Registration) RegistrationView {
	v := RegistrationView{Registration: r, Refundable: r.Refundable(e, s.now())}
	if t, ok := e.Type(r.ParticipationTypeID); ok {
		v.TypeNames = t.Names
	}
	return v
}

// actingMember returns the organisation p acts for, when p is a member of
// it (registrations are made for the active organisation).
func actingMember(ctx context.Context, st *store.Store, p domain.Principal) (domain.Organisation, error) {
	if p.Anonymous() {
		return domain.Organisation{}, domain.ErrUnauthenticated
	}
	if p.ActiveOrganisationID == "" || !domain.Can(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: p.ActiveOrganisationID}) {
		return domain.Organisation{}, msgRegistrationNoOrganisation.Wrap(domain.ErrForbidden)
	}
	return st.GetOrganisation(ctx, p.ActiveOrganisationID)
}

// visibleEvent reads an event p may see, or domain.ErrNotFound.
func (s *Events) visibleEvent(ctx context.Context, p domain.Principal, id string) (event.Event, error) {
	e, err := s.st.GetEvent(ctx, id)
	if err != nil {
		return event.Event{}, err
	}
	if !eventVisible(p, e) {
		return event.Event{}, domain.ErrNotFound
	}
	return e, nil
}

// Register registers the organisation p acts for at an event, as a
// participation type, with its delegates. A free type is confirmed at
// once (and emailed); a paid one waits in pending_payment for Stripe
// Checkout, whose URL is returned. Refused (409) when registration is
// closed, when the organisation already has a live registration, or when
// the type is not for its kind.
func (s *Events) Register(ctx context.Context, actor Actor, p domain.Principal, eventID, typeID string, delegates []event.Delegate) (
	RegistrationView, string, error) {
	e, err := s.visibleEvent(ctx, p, eventID)
	if err != nil {
		return RegistrationView{}, "", err
	}
	org, err := actingMember(ctx, s.st, p)
	if err != nil {
		return RegistrationView{}, "", err
	}
	if !e.RegistrationOpen(s.now()) {
		return RegistrationView{}, "", msgRegistrationClosed.Wrap(domain.ErrConflict)
	}
	t, ok := e.Type(typeID)
	if !ok {
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.participation_type_id", "unknown", msgUnknownType.With())
		return RegistrationView{}, "", ve
	}
	if !t.ForKind.Allows(string(org.Kind)) {
		return RegistrationView{}, "", msgTypeNotForKind.Wrap(domain.ErrConflict)
	}
	if err := s.checkDelegates(ctx, p, org.ID, e, delegates, t.MaxDelegates, "body.delegates"); err != nil {
		return RegistrationView{}, "", err
	}
	if t.FeeCents > 0 && (s.pay == nil || !s.pay.Enabled()) {
		return RegistrationView{}, "", msgPaymentsOff.Wrap(domain.ErrUnavailable)
	}
	now := s.now()
	var out event.Registration
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		e, err := tx.LockEvent(ctx, eventID)
		if err != nil {
			return err
		}
		if !e.RegistrationOpen(now) {
			return msgRegistrationClosed.Wrap(domain.ErrConflict)
		}
		if cur, err := tx.CurrentRegistration(ctx, e.ID, org.ID); err == nil && cur.State != event.RegCancelled {
			return msgAlreadyRegistered.Wrap(domain.ErrConflict)
		} else if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return err
		}
		r := event.Registration{EventID: e.ID, OrganisationID: org.ID, ParticipationTypeID: t.ID, State: event.PendingPayment,
			FeeCents: t.FeeCents, Currency: t.Currency, RegisteredBy: actor.UserID, Delegates: delegates}
		if t.FeeCents == 0 {
			r.State, r.ConfirmedAt = event.Confirmed, &now
		}
		if out, err = tx.CreateRegistration(ctx, r, now); err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "event.registered", "event_registration", out.ID, org.ID, nil,
			map[string]any{"event_id": e.ID, "participation_type_id": t.ID, "state": string(out.State)}); err != nil {
			return err
		}
		if out.State == event.Confirmed {
			return s.emailRegistrant(ctx, tx, e, out, "registration_confirmed")
		}
		return nil
	})
	if err != nil {
		return RegistrationView{}, "", err
	}
	url := ""
	if out.State == event.PendingPayment {
		if url, err = s.startCheckout(ctx, e, t, out, p); err != nil {
			return s.registrationView(e, out), "", err
		}
		if out, err = s.st.GetRegistration(ctx, out.ID); err != nil {
			return RegistrationView{}, "", err
		}
	}
	return s.registrationView(e, out), url, nil
}

// checkDelegates validates delegates for a registration of orgID (count,
// fields, sectors, and that a linked user is a member of the organisation).
func (s *Events) checkDelegates(ctx context.Context, p domain.Principal, orgID string, e event.Event, ds []event.Delegate, max int, at string) error {
	ve := &domain.ValidationError{}
	if len(ds) < 1 || len(ds) > max {
		ve.AddLocalized(at, "count", msgDelegateCount.With(max))
	}
	for i := range ds {
		if err := s.checkDelegate(ctx, orgID, e, &ds[i], fmt.Sprintf("%s[%d]", at, i), ve); err != nil {
			return err
		}
	}
	return ve.Err()
}

func (s *Events) checkDelegate(ctx context.Context, orgID string, e event.Event, d *event.Delegate, at string, ve *domain.ValidationError) error {
	d.Name, d.Email, d.JobTitle = strings.TrimSpace(d.Name), strings.TrimSpace(d.Email), strings.TrimSpace(d.JobTitle)
	d.Offers, d.Needs = strings.TrimSpace(d.Offers), strings.TrimSpace(d.Needs)
	if d.ProfileLang == "" {
		d.ProfileLang = d.Lang
	}
	event.ValidateDelegate(ve, *d, e.Sessions, at)
	for j, code := range d.Sectors {
		if _, ok := taxonomy.Sector(code); !ok {
			ve.AddLocalized(fmt.Sprintf("%s.sectors[%d]", at, j), "unknown", msgDelegateUnknownSector.With(code))
		}
	}
	if d.UserID != "" {
		if _, err := uuid.Parse(d.UserID); err != nil {
			ve.AddLocalized(at+".user_id", "not_member", msgDelegateNotMember.With())
			return nil
		}
		ms, err := s.st.Memberships(ctx, d.UserID)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return err
		}
		if _, member := ms[orgID]; !member {
			ve.AddLocalized(at+".user_id", "not_member", msgDelegateNotMember.With())
		}
	}
	return nil
}

// startCheckout opens a Stripe Checkout session for a pending registration
// and records it; it returns the URL to send the payer to.
func (s *Events) startCheckout(ctx context.Context, e event.Event, t event.ParticipationType, r event.Registration, p domain.Principal) (string, error) {
	if s.pay == nil || !s.pay.Enabled() {
		return "", msgPaymentsOff.Wrap(domain.ErrUnavailable)
	}
	lang, email := "en", ""
	if u, err := s.st.GetUser(ctx, p.UserID); err == nil {
		lang, email = string(u.Language), u.Email
	}
	back := strings.TrimRight(s.cfg.PublicURL, "/") + "/workspace/convention/" + e.ID + "?checkout="
	co, err := s.pay.CreateCheckout(ctx, CheckoutRequest{
		Reference: r.ID, IdempotencyKey: r.ID + "-" + s.now().UTC().Format("20060102T150405.000000000"), CustomerEmail: email,
		Locale: lang, Currency: r.Currency,
		Items:      []CheckoutItem{{Name: truncateRunes(e.Name+" — "+t.Name(lang), 240), AmountCents: r.FeeCents, Quantity: 1}},
		SuccessURL: back + "success", CancelURL: back + "cancelled",
	})
	if err != nil {
		return "", err
	}
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var exp *time.Time
		if !co.ExpiresAt.IsZero() {
			exp = &co.ExpiresAt
		}
		return tx.SetRegistrationCheckout(ctx, r.ID, co.ID, co.URL, exp, s.now())
	})
	return co.URL, err
}

// ownRegistration returns the registration of the organisation p acts for
// at a visible event, or domain.ErrNotFound.
func (s *Events) ownRegistration(ctx context.Context, p domain.Principal, eventID string) (event.Event, domain.Organisation, event.Registration, error) {
	e, err := s.visibleEvent(ctx, p, eventID)
	if err != nil {
		return event.Event{}, domain.Organisation{}, event.Registration{}, err
	}
	org, err := actingMember(ctx, s.st, p)
	if err != nil {
		return event.Event{}, domain.Organisation{}, event.Registration{}, err
	}
	r, err := s.st.CurrentRegistration(ctx, e.ID, org.ID)
	return e, org, r, err
}

// MyRegistration returns the registration of the organisation p acts for.
func (s *Events) MyRegistration(ctx context.Context, p domain.Principal, eventID string) (RegistrationView, error) {
	e, _, r, err := s.ownRegistration(ctx, p, eventID)
	if err != nil {
		return RegistrationView{}, err
	}
	return s.registrationView(e, r), nil
}

// Prefill proposes delegates for a registration from the marketplace
// profile of the organisation p acts for: the user themself, with the
// organisation's published offers as offers, its published tenders as
// needs, and its offers' sectors.
func (s *Events) Prefill(ctx context.Context, p domain.Principal, eventID string) ([]event.Delegate, error) {
	if _, err := s.visibleEvent(ctx, p, eventID); err != nil {
		return nil, err
	}
	org, err := actingMember(ctx, s.st, p)
	if err != nil {
		return nil, err
	}
	u, err := s.st.GetUser(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	pf, err := s.st.EventProfilePrefill(ctx, org.ID)
	if err != nil {
		return nil, err
	}
	d := event.Delegate{Name: u.DisplayName, Email: u.Email, Lang: string(u.Language), UserID: u.ID, ProfileLang: string(u.Language),
		Offers: truncateRunes(strings.Join(pf.OfferTitles, "\n"), 2000), Needs: truncateRunes(strings.Join(pf.TenderTitles, "\n"), 2000),
		Sectors: pf.Sectors, Availability: []event.Window{}}
	return []event.Delegate{d}, nil
}

// NewCheckout gives the Stripe Checkout of the pending registration of the
// organisation p acts for: the open one while it has not expired, else a
// new one.
func (s *Events) NewCheckout(ctx context.Context, p domain.Principal, eventID string) (string, error) {
	e, _, r, err := s.ownRegistration(ctx, p, eventID)
	if err != nil {
		return "", err
	}
	if r.State != event.PendingPayment {
		return "", msgNotPending.Wrap(domain.ErrConflict)
	}
	if e.State != event.Published {
		return "", msgRegistrationClosed.Wrap(domain.ErrConflict)
	}
	t, ok := e.Type(r.ParticipationTypeID)
	if !ok {
		return "", domain.ErrNotFound
	}
	// The open session is given again while it can still be paid: a
	// second session could be paid too (two tabs), charging twice.
	if r.CheckoutURL != "" && r.CheckoutExpiresAt != nil && s.now().Add(checkoutReuseMargin).Before(*r.CheckoutExpiresAt) {
		return r.CheckoutURL, nil
	}
	return s.startCheckout(ctx, e, t, r, p)
}

// checkoutReuseMargin is how long before its expiry a checkout session is
// still handed out again rather than replaced.
const checkoutReuseMargin = 5 * time.Minute

// CancelRegistration cancels the registration of the organisation p acts
// for. A paid one cancelled before the event's cut-off is refunded by a
// job; after it, it is cancelled without refund. The registrant is emailed.
func (s *Events) CancelRegistration(ctx context.Context, actor Actor, p domain.Principal, eventID string) (RegistrationView, error) {
	e, org, r, err := s.ownRegistration(ctx, p, eventID)
	if err != nil {
		return RegistrationView{}, err
	}
	now := s.now()
	var out event.Registration
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.LockEvent(ctx, e.ID); err != nil {
			return err
		}
		cur, err := tx.LockRegistration(ctx, r.ID)
		if err != nil {
			return err
		}
		if cur.State == event.RegCancelled {
			return msgAlreadyCancelled.Wrap(domain.ErrConflict)
		}
		refund := event.RefundState("")
		if cur.Refundable(e, now) {
			refund = event.RefundPending
		}
		if err := tx.CancelRegistration(ctx, cur.ID, refund, now); err != nil {
			return err
		}
		if err := withdrawFromMeetings(ctx, tx, actor, e.ID, org.ID, now); err != nil {
			return err
		}
		if refund == event.RefundPending {
			if err := s.jobs.EnqueueRefund(ctx, tx, cur.ID); err != nil {
				return err
			}
		}
		if out, err = tx.GetRegistration(ctx, cur.ID); err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "event.registration_cancelled", "event_registration", cur.ID, org.ID,
			map[string]any{"state": string(cur.State)}, map[string]any{"state": string(out.State), "refund": string(refund)}); err != nil {
			return err
		}
		return s.emailRegistrant(ctx, tx, e, out, "registration_cancelled")
	})
	if err != nil {
		return RegistrationView{}, err
	}
	return s.registrationView(e, out), nil
}

// Registrations returns a page of an event's registrations (organisers),
// oldest first, in state when set.
func (s *Events) Registrations(ctx context.Context, p domain.Principal, eventID string, state event.RegistrationState, cursor string, limit int) (
	[]RegistrationView, string, error) {
	if err := organiser(p); err != nil {
		return nil, "", err
	}
	e, err := s.st.GetEvent(ctx, eventID)
	if err != nil {
		return nil, "", err
	}
	page, next, err := s.st.ListRegistrations(ctx, e.ID, state, cursor, eventPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	out := make([]RegistrationView, len(page))
	for i, r := range page {
		out[i] = s.registrationView(e, r)
	}
	return out, next, nil
}

// delegateChange locks the live registration of the organisation p acts
// for and calls change in the transaction.
func (s *Events) delegateChange(ctx context.Context, actor Actor, p domain.Principal, eventID, action string,
	change func(tx *store.Tx, e event.Event, r event.Registration) (string, error)) error {
	e, org, r, err := s.ownRegistration(ctx, p, eventID)
	if err != nil {
		return err
	}
	if r.State == event.RegCancelled {
		return msgAlreadyCancelled.Wrap(domain.ErrConflict)
	}
	if e.State == event.Cancelled {
		return msgEventCancelled.Wrap(domain.ErrConflict)
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		e, err := tx.LockEvent(ctx, e.ID)
		if err != nil {
			return err
		}
		cur, err := tx.LockRegistration(ctx, r.ID)
		if err != nil {
			return err
		}
		id, err := change(tx, e, cur)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, action, "event_delegate", id, org.ID, nil, map[string]any{"registration_id": cur.ID})
	})
}

// AddDelegate adds a delegate to the registration of the organisation p
// acts for, up to its type's maximum.
func (s *Events) AddDelegate(ctx context.Context, actor Actor, p domain.Principal, eventID string, d event.Delegate) (event.Delegate, error) {
	var out event.Delegate
	err := s.delegateChange(ctx, actor, p, eventID, "event.delegate_added", func(tx *store.Tx, e event.Event, r event.Registration) (string, error) {
		t, _ := e.Type(r.ParticipationTypeID)
		if len(r.Delegates) >= t.MaxDelegates {
			return "", msgTooManyDelegates.Wrap(domain.ErrConflict, t.MaxDelegates)
		}
		ve := &domain.ValidationError{}
		if err := s.checkDelegate(ctx, r.OrganisationID, e, &d, "body", ve); err != nil {
			return "", err
		}
		if err := ve.Err(); err != nil {
			return "", err
		}
		d.ID, d.RegistrationID, d.EventID, d.OrganisationID = "", r.ID, e.ID, r.OrganisationID
		var err error
		out, err = tx.CreateDelegate(ctx, d, s.now())
		if out.Availability == nil {
			out.Availability = []event.Window{}
		}
		return out.ID, err
	})
	return out, err
}

// UpdateDelegate replaces a delegate's fields and availability.
func (s *Events) UpdateDelegate(ctx context.Context, actor Actor, p domain.Principal, eventID, delegateID string, d event.Delegate) (event.Delegate, error) {
	var out event.Delegate
	err := s.delegateChange(ctx, actor, p, eventID, "event.delegate_updated", func(tx *store.Tx, e event.Event, r event.Registration) (string, error) {
		if !hasDelegate(r, delegateID) {
			return "", domain.ErrNotFound
		}
		ve := &domain.ValidationError{}
		if err := s.checkDelegate(ctx, r.OrganisationID, e, &d, "body", ve); err != nil {
			return "", err
		}
		if err := ve.Err(); err != nil {
			return "", err
		}
		if err := checkKeptMeetings(ctx, tx, delegateID, d.Availability); err != nil {
			return "", err
		}
		d.ID, d.RegistrationID, d.EventID, d.OrganisationID = delegateID, r.ID, e.ID, r.OrganisationID
		if d.Availability == nil {
			d.Availability = []event.Window{}
		}
		out = d
		return delegateID, tx.UpdateDelegate(ctx, d, s.now())
	})
	return out, err
}

// RemoveDelegate removes a delegate; refused (409) for the last one, and
// for one with scheduled meetings once the final agenda is sent.
func (s *Events) RemoveDelegate(ctx context.Context, actor Actor, p domain.Principal, eventID, delegateID string) error {
	return s.delegateChange(ctx, actor, p, eventID, "event.delegate_removed", func(tx *store.Tx, e event.Event, r event.Registration) (string, error) {
		if !hasDelegate(r, delegateID) {
			return "", domain.ErrNotFound
		}
		if len(r.Delegates) <= 1 {
			return "", msgLastDelegate.Wrap(domain.ErrConflict)
		}
		if e.AgendaState == event.AgendaFinal {
			busy, err := tx.DelegateHasMeetings(ctx, delegateID)
			if err != nil {
				return "", err
			}
			if busy {
				return "", msgDelegateScheduled.Wrap(event.ErrLocked)
			}
		}
		return delegateID, tx.DeleteDelegate(ctx, delegateID)
	})
}

func hasDelegate(r event.Registration, id string) bool {
	for _, d := range r.Delegates {
		if d.ID == id {
			return true
		}
	}
	return false
}

var (
	msgRegistrationNoOrganisation = domain.Msg{
		EN: "choose the organisation you act for first", FR: "choisissez d'abord l'organisation pour laquelle vous agissez",
		DE: "wählen Sie zuerst die Organisation, für die Sie handeln", NL: "kies eerst de organisatie waarvoor u optreedt",
	}
	msgUnknownType = domain.Msg{
		EN: "not a participation type of this event", FR: "ce n'est pas un type de participation de cet événement",
		DE: "keine Teilnahmeart dieser Veranstaltung", NL: "geen deelnametype van dit evenement",
	}
	msgTypeNotForKind = domain.Msg{
		EN: "this participation type is not open to your kind of organisation",
		FR: "ce type de participation n'est pas ouvert à votre type d'organisation",
		DE: "diese Teilnahmeart steht Ihrer Art von Organisation nicht offen",
		NL: "dit deelnametype staat niet open voor uw soort organisatie",
	}
	msgPaymentsOff = domain.Msg{
		EN: "online payment is not available at the moment", FR: "le paiement en ligne n'est pas disponible pour le moment",
		DE: "die Online-Zahlung ist derzeit nicht verfügbar", NL: "online betalen is op dit moment niet beschikbaar",
	}
	msgRegistrationClosed = domain.Msg{
		EN: "registration for this event is closed", FR: "les inscriptions à cet événement sont closes",
		DE: "die Anmeldung zu dieser Veranstaltung ist geschlossen", NL: "de inschrijving voor dit evenement is gesloten",
	}
	msgAlreadyRegistered = domain.Msg{
		EN: "your organisation is already registered for this event", FR: "votre organisation est déjà inscrite à cet événement",
		DE: "Ihre Organisation ist bereits zu dieser Veranstaltung angemeldet", NL: "uw organisatie is al ingeschreven voor dit evenement",
	}
	msgDelegateCount = domain.Msg{
		EN: "give between 1 and %d delegates", FR: "indiquez entre 1 et %d délégués",
		DE: "geben Sie zwischen 1 und %d Delegierte an", NL: "geef tussen 1 en %d afgevaardigden op",
	}
	msgDelegateUnknownSector = domain.Msg{
		EN: "%q is not a sector code", FR: "%q n'est pas un code de secteur", DE: "%q ist kein Branchencode", NL: "%q is geen sectorcode",
	}
	msgDelegateNotMember = domain.Msg{
		EN: "this user is not a member of your organisation", FR: "cet utilisateur n'est pas membre de votre organisation",
		DE: "dieser Benutzer ist kein Mitglied Ihrer Organisation", NL: "deze gebruiker is geen lid van uw organisatie",
	}
	msgNotPending = domain.Msg{
		EN: "this registration is not waiting for a payment", FR: "cette inscription n'attend pas de paiement",
		DE: "diese Anmeldung wartet auf keine Zahlung", NL: "deze inschrijving wacht niet op een betaling",
	}
	msgAlreadyCancelled = domain.Msg{
		EN: "this registration is cancelled", FR: "cette inscription est annulée",
		DE: "diese Anmeldung ist storniert", NL: "deze inschrijving is geannuleerd",
	}
	msgTooManyDelegates = domain.Msg{
		EN: "this registration has its %d delegates already", FR: "cette inscription compte déjà ses %d délégués",
		DE: "diese Anmeldung hat bereits ihre %d Delegierten", NL: "deze inschrijving heeft al haar %d afgevaardigden",
	}
	msgLastDelegate = domain.Msg{
		EN: "a registration keeps at least one delegate: cancel the registration instead",
		FR: "une inscription garde au moins un délégué : annulez plutôt l'inscription",
		DE: "eine Anmeldung behält mindestens einen Delegierten: stornieren Sie stattdessen die Anmeldung",
		NL: "een inschrijving houdt minstens één afgevaardigde: annuleer in plaats daarvan de inschrijving",
	}
	msgDelegateScheduled = domain.Msg{
		EN: "this delegate has meetings in the final agenda", FR: "ce délégué a des rendez-vous dans l'agenda définitif",
		DE: "diese Person hat Treffen im endgültigen Terminplan", NL: "deze afgevaardigde heeft afspraken in de definitieve agenda",
	}
)
