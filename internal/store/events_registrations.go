package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store/sqlc"
)

// CreateRegistration records a registration with its delegates (ids left
// empty are set) and returns it as stored.
func (t *Tx) CreateRegistration(ctx context.Context, r event.Registration, now time.Time) (event.Registration, error) {
	if r.ID == "" {
		r.ID = NewID()
	}
	ids, err := rowIDs(r.ID, r.EventID, r.OrganisationID, r.ParticipationTypeID)
	if err != nil {
		return event.Registration{}, err
	}
	by, err := optionalID("registered_by", r.RegisteredBy)
	if err != nil {
		return event.Registration{}, err
	}
	err = t.q.CreateRegistration(ctx, sqlc.CreateRegistrationParams{ID: ids[0], EventID: ids[1], OrganisationID: ids[2],
		ParticipationTypeID: ids[3], State: string(r.State), FeeCents: r.FeeCents, Currency: r.Currency, RegisteredBy: by,
		Now: now, ConfirmedAt: r.ConfirmedAt})
	if err != nil {
		return event.Registration{}, mapError(err)
	}
	for _, d := range r.Delegates {
		d.RegistrationID, d.EventID, d.OrganisationID = r.ID, r.EventID, r.OrganisationID
		if _, err := t.CreateDelegate(ctx, d, now); err != nil {
			return event.Registration{}, err
		}
	}
	return t.GetRegistration(ctx, r.ID)
}

// GetRegistration reads a registration with its delegates, in the transaction.
func (t *Tx) GetRegistration(ctx context.Context, id string) (event.Registration, error) {
	return getRegistration(ctx, t.q, id)
}

// GetRegistration reads a registration with its delegates, or returns
// domain.ErrNotFound.
func (s *Store) GetRegistration(ctx context.Context, id string) (event.Registration, error) {
	return getRegistration(ctx, s.q, id)
}

// LockRegistration locks a registration's row for the rest of the
// transaction and returns it with its delegates.
func (t *Tx) LockRegistration(ctx context.Context, id string) (event.Registration, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return event.Registration{}, domain.ErrNotFound
	}
	if _, err := t.q.LockRegistration(ctx, uid); err != nil {
		return event.Registration{}, mapError(err)
	}
	return getRegistration(ctx, t.q, id)
}

// CurrentRegistration returns the organisation's registration at the
// event: the live one, else its latest cancelled one, else
// domain.ErrNotFound.
func (s *Store) CurrentRegistration(ctx context.Context, eventID, orgID string) (event.Registration, error) {
	return currentRegistration(ctx, s.q, eventID, orgID)
}

// CurrentRegistration is Store.CurrentRegistration in the transaction.
func (t *Tx) CurrentRegistration(ctx context.Context, eventID, orgID string) (event.Registration, error) {
	return currentRegistration(ctx, t.q, eventID, orgID)
}

func currentRegistration(ctx context.Context, q *sqlc.Queries, eventID, orgID string) (event.Registration, error) {
	ids, err := rowIDs(eventID, orgID)
	if err != nil {
		return event.Registration{}, err
	}
	id, err := q.CurrentRegistrationID(ctx, sqlc.CurrentRegistrationIDParams{EventID: ids[0], OrganisationID: ids[1]})
	if err != nil {
		return event.Registration{}, mapError(err)
	}
	return getRegistration(ctx, q, id.String())
}

func getRegistration(ctx context.Context, q *sqlc.Queries, id string) (event.Registration, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return event.Registration{}, domain.ErrNotFound
	}
	row, err := q.GetRegistration(ctx, uid)
	if err != nil {
		return event.Registration{}, mapError(err)
	}
	regs := []event.Registration{registrationFromRow(sqlc.EventRegistration{ID: row.ID, EventID: row.EventID,
		OrganisationID: row.OrganisationID, ParticipationTypeID: row.ParticipationTypeID, State: row.State, FeeCents: row.FeeCents,
		Currency: row.Currency, CheckoutSessionID: row.CheckoutSessionID, CheckoutUrl: row.CheckoutUrl,
		CheckoutExpiresAt: row.CheckoutExpiresAt, PaymentIntentID: row.PaymentIntentID, PaidAt: row.PaidAt, RefundID: row.RefundID,
		RefundState: row.RefundState, RegisteredBy: row.RegisteredBy, CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt,
		ConfirmedAt: row.ConfirmedAt, CancelledAt: row.CancelledAt}, row.OrganisationName)}
	if err := loadDelegates(ctx, q, regs); err != nil {
		return event.Registration{}, err
	}
	return regs[0], nil
}

// ListRegistrations returns a page of an event's registrations, oldest
// first, in state when set, with their delegates.
func (s *Store) ListRegistrations(ctx context.Context, eventID string, state event.RegistrationState, cursor string, limit int32) (
	[]event.Registration, string, error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return []event.Registration{}, "", nil
	}
	rows, err := s.q.ListRegistrations(ctx, sqlc.ListRegistrationsParams{EventID: eid, State: string(state),
		AfterAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.ListRegistrationsRow) string { return encodeCursor(r.CreatedAt, r.ID) })
	regs := make([]event.Registration, len(rows))
	for i, row := range rows {
		regs[i] = registrationFromRow(sqlc.EventRegistration{ID: row.ID, EventID: row.EventID,
			OrganisationID: row.OrganisationID, ParticipationTypeID: row.ParticipationTypeID, State: row.State, FeeCents: row.FeeCents,
			Currency: row.Currency, CheckoutSessionID: row.CheckoutSessionID, CheckoutUrl: row.CheckoutUrl,
			CheckoutExpiresAt: row.CheckoutExpiresAt, PaymentIntentID: row.PaymentIntentID, PaidAt: row.PaidAt, RefundID: row.RefundID,
			RefundState: row.RefundState, RegisteredBy: row.RegisteredBy, CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt,
			ConfirmedAt: row.ConfirmedAt, CancelledAt: row.CancelledAt}, row.OrganisationName)
	}
	if err := loadDelegates(ctx, s.q, regs); err != nil {
		return nil, "", err
	}
	return regs, next, nil
}

// PaidRegistrationIDs returns the ids of the event's confirmed, paid registrations.
func (t *Tx) PaidRegistrationIDs(ctx context.Context, eventID string) ([]string, error) {
	return registrationIDStrings(t.q.PaidRegistrationIDs(ctx, uuid.MustParse(eventID)))
}

// LiveRegistrationIDs returns the ids of the event's registrations not cancelled.
func (t *Tx) LiveRegistrationIDs(ctx context.Context, eventID string) ([]string, error) {
	return registrationIDStrings(t.q.LiveRegistrationIDs(ctx, uuid.MustParse(eventID)))
}

func registrationIDStrings(ids []uuid.UUID, err error) ([]string, error) {
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out, nil
}

// SetRegistrationCheckout records the Stripe Checkout session a
// registration waits on.
func (t *Tx) SetRegistrationCheckout(ctx context.Context, id, sessionID, url string, expiresAt *time.Time, now time.Time) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.SetRegistrationCheckout(ctx, sqlc.SetRegistrationCheckoutParams{ID: uid, SessionID: &sessionID, Url: &url,
		ExpiresAt: expiresAt, Now: now}))
}

// ConfirmRegistration confirms a registration; paidAt and paymentIntentID
// are set for a paid one.
func (t *Tx) ConfirmRegistration(ctx context.Context, id string, paidAt *time.Time, paymentIntentID string, now time.Time) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.ConfirmRegistration(ctx, sqlc.ConfirmRegistrationParams{ID: uid, Now: now, PaidAt: paidAt,
		PaymentIntentID: optionalString(paymentIntentID)}))
}

// CancelRegistration cancels a registration; refund is "" or "pending"
// when a refund is asked.
func (t *Tx) CancelRegistration(ctx context.Context, id string, refund event.RefundState, now time.Time) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.CancelRegistration(ctx, sqlc.CancelRegistrationParams{ID: uid, Now: now,
		RefundState: optionalString(string(refund))}))
}

// SetRegistrationRefund records where a registration's refund is.
func (t *Tx) SetRegistrationRefund(ctx context.Context, id string, state event.RefundState, refundID string, now time.Time) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.SetRegistrationRefund(ctx, sqlc.SetRegistrationRefundParams{ID: uid, RefundState: string(state),
		RefundID: optionalString(refundID), Now: now}))
}

// RecordBillingEvent records a payment provider's event as applied and
// reports whether it is new (false: it was applied before).
func (t *Tx) RecordBillingEvent(ctx context.Context, id, typ string, now time.Time) (bool, error) {
	n, err := t.q.InsertBillingEvent(ctx, sqlc.InsertBillingEventParams{ID: id, Type: typ, ReceivedAt: now})
	return n == 1, mapError(err)
}

// CreateDelegate records a delegate of a registration with their
// availability (RegistrationID, EventID and OrganisationID set).
func (t *Tx) CreateDelegate(ctx context.Context, d event.Delegate, now time.Time) (event.Delegate, error) {
	if d.ID == "" {
		d.ID = NewID()
	}
	ids, err := rowIDs(d.ID, d.RegistrationID, d.EventID, d.OrganisationID)
	if err != nil {
		return event.Delegate{}, err
	}
	user, err := optionalID("user_id", d.UserID)
	if err != nil {
		return event.Delegate{}, err
	}
	sectors := d.Sectors
	if sectors == nil {
		sectors = []string{}
	}
	err = t.q.InsertDelegate(ctx, sqlc.InsertDelegateParams{ID: ids[0], RegistrationID: ids[1], EventID: ids[2], OrganisationID: ids[3],
		UserID: user, Name: d.Name, Email: d.Email, JobTitle: d.JobTitle, Lang: d.Lang, Offers: d.Offers, Needs: d.Needs,
		ProfileLang: d.ProfileLang, Sectors: sectors, Now: now})
	if err != nil {
		return event.Delegate{}, mapError(err)
	}
	if err := t.writeAvailability(ctx, ids[0], d.Availability, false); err != nil {
		return event.Delegate{}, err
	}
	return d, nil
}

// UpdateDelegate replaces a delegate's fields and availability.
func (t *Tx) UpdateDelegate(ctx context.Context, d event.Delegate, now time.Time) error {
	uid, err := uuid.Parse(d.ID)
	if err != nil {
		return domain.ErrNotFound
	}
	user, err := optionalID("user_id", d.UserID)
	if err != nil {
		return err
	}
	sectors := d.Sectors
	if sectors == nil {
		sectors = []string{}
	}
	err = t.q.UpdateDelegate(ctx, sqlc.UpdateDelegateParams{ID: uid, UserID: user, Name: d.Name, Email: d.Email, JobTitle: d.JobTitle,
		Lang: d.Lang, Offers: d.Offers, Needs: d.Needs, ProfileLang: d.ProfileLang, Sectors: sectors, Now: now})
	if err != nil {
		return mapError(err)
	}
	return t.writeAvailability(ctx, uid, d.Availability, true)
}

func (t *Tx) writeAvailability(ctx context.Context, id uuid.UUID, windows []event.Window, replace bool) error {
	if replace {
		if err := t.q.DeleteAvailability(ctx, id); err != nil {
			return mapError(err)
		}
	}
	for _, w := range windows {
		if err := t.q.InsertAvailability(ctx, sqlc.InsertAvailabilityParams{DelegateID: id, StartsAt: w.Start, EndsAt: w.End}); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// DeleteDelegate deletes a delegate (their requests and meetings go with them).
func (t *Tx) DeleteDelegate(ctx context.Context, id string) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.DeleteDelegate(ctx, uid))
}

// DelegateHasMeetings reports whether a delegate has a scheduled meeting.
func (t *Tx) DelegateHasMeetings(ctx context.Context, id string) (bool, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return false, domain.ErrNotFound
	}
	n, err := t.q.DelegateMeetingsCount(ctx, uid)
	return n > 0, mapError(err)
}

// Prefill is what the marketplace knows of an organisation, to prefill its
// delegates' event profile: its published offers' titles and sectors, and
// its published tenders' titles.
type Prefill struct {
	OfferTitles  []string
	TenderTitles []string
	Sectors      []string
}

// EventProfilePrefill reads the marketplace profile of an organisation.
func (s *Store) EventProfilePrefill(ctx context.Context, orgID string) (Prefill, error) {
	uid, err := uuid.Parse(orgID)
	if err != nil {
		return Prefill{}, domain.ErrNotFound
	}
	offers, err := s.q.PrefillOfferTitles(ctx, uid)
	if err != nil {
		return Prefill{}, mapError(err)
	}
	tenders, err := s.q.PrefillTenderTitles(ctx, uid)
	if err != nil {
		return Prefill{}, mapError(err)
	}
	p := Prefill{OfferTitles: []string{}, TenderTitles: tenders, Sectors: []string{}}
	seen := map[string]bool{}
	for _, o := range offers {
		p.OfferTitles = append(p.OfferTitles, o.Title)
		for _, s := range o.Sectors {
			if !seen[s] && len(p.Sectors) < 20 {
				seen[s] = true
				p.Sectors = append(p.Sectors, s)
			}
		}
	}
	return p, nil
}

func registrationFromRow(r sqlc.EventRegistration, orgName string) event.Registration {
	out := event.Registration{ID: r.ID.String(), EventID: r.EventID.String(), OrganisationID: r.OrganisationID.String(),
		OrganisationName: orgName, ParticipationTypeID: r.ParticipationTypeID.String(), State: event.RegistrationState(r.State),
		FeeCents: r.FeeCents, Currency: r.Currency, CheckoutExpiresAt: r.CheckoutExpiresAt, PaidAt: r.PaidAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, ConfirmedAt: r.ConfirmedAt, CancelledAt: r.CancelledAt,
		Delegates: []event.Delegate{}}
	if r.CheckoutSessionID != nil {
		out.CheckoutSessionID = *r.CheckoutSessionID
	}
	if r.CheckoutUrl != nil {
		out.CheckoutURL = *r.CheckoutUrl
	}
	if r.PaymentIntentID != nil {
		out.PaymentIntentID = *r.PaymentIntentID
	}
	if r.RefundID != nil {
		out.RefundID = *r.RefundID
	}
	if r.RefundState != nil {
		out.RefundState = event.RefundState(*r.RefundState)
	}
	if r.RegisteredBy != nil {
		out.RegisteredBy = r.RegisteredBy.String()
	}
	return out
}

// loadDelegates fills the delegates (with their availability) of regs.
func loadDelegates(ctx context.Context, q *sqlc.Queries, regs []event.Registration) error {
	if len(regs) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(regs))
	at := make(map[uuid.UUID]int, len(regs))
	for i, r := range regs {
		ids[i] = uuid.MustParse(r.ID)
		at[ids[i]] = i
	}
	rows, err := q.ListDelegates(ctx, ids)
	if err != nil {
		return mapError(err)
	}
	dids := make([]uuid.UUID, len(rows))
	for i, d := range rows {
		dids[i] = d.ID
	}
	avail, err := q.ListAvailability(ctx, dids)
	if err != nil {
		return mapError(err)
	}
	windows := map[uuid.UUID][]event.Window{}
	for _, a := range avail {
		windows[a.DelegateID] = append(windows[a.DelegateID], event.Window{Start: a.StartsAt, End: a.EndsAt})
	}
	for _, d := range rows {
		dl := event.Delegate{ID: d.ID.String(), RegistrationID: d.RegistrationID.String(), EventID: d.EventID.String(),
			OrganisationID: d.OrganisationID.String(), Name: d.Name, Email: d.Email, JobTitle: d.JobTitle, Lang: d.Lang,
			Offers: d.Offers, Needs: d.Needs, ProfileLang: d.ProfileLang, Sectors: d.Sectors, Availability: windows[d.ID]}
		if dl.Availability == nil {
			dl.Availability = []event.Window{}
		}
		if d.UserID != nil {
			dl.UserID = d.UserID.String()
		}
		i := at[d.RegistrationID]
		regs[i].Delegates = append(regs[i].Delegates, dl)
	}
	return nil
}

// MarkRegistrationPaid records a payment without confirming (a payment
// that arrived after the registration was cancelled).
func (t *Tx) MarkRegistrationPaid(ctx context.Context, id string, now time.Time, paymentIntentID string) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.MarkRegistrationPaid(ctx, sqlc.MarkRegistrationPaidParams{ID: uid, Now: now, PaymentIntentID: paymentIntentID}))
}
