package core

import (
	"context"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// MeetingRequestInput is a new meeting request.
type MeetingRequestInput struct {
	FromDelegateID, ToDelegateID string
	Priority                     domain.MeetingPriority
	Message                      string
}

// Limits of the texts of requests.
const (
	MaxMeetingMessage = 1000
	MaxDeclineReason  = 500
)

var (
	msgRequestSameOrganisation = domain.Msg{
		EN: "delegates of one organisation do not meet each other at the event",
		FR: "les délégués d'une même organisation ne se rencontrent pas entre eux à l'événement",
		DE: "Delegierte derselben Organisation treffen sich auf der Veranstaltung nicht untereinander",
		NL: "afgevaardigden van dezelfde organisatie ontmoeten elkaar niet op het evenement",
	}
	msgRequestExcluded = domain.Msg{
		EN: "one of the two organisations excluded meeting the other at this event",
		FR: "l'une des deux organisations a exclu de rencontrer l'autre à cet événement",
		DE: "eine der beiden Organisationen hat ein Treffen mit der anderen bei dieser Veranstaltung ausgeschlossen",
		NL: "een van beide organisaties heeft een ontmoeting met de andere op dit evenement uitgesloten",
	}
	msgRequestExists = domain.Msg{
		EN: "a pending or accepted request already joins these two delegates",
		FR: "une demande en attente ou acceptée relie déjà ces deux délégués",
		DE: "zwischen diesen beiden Delegierten besteht bereits eine offene oder angenommene Anfrage",
		NL: "tussen deze twee afgevaardigden bestaat al een openstaand of geaccepteerd verzoek",
	}
	msgEventStarted = domain.Msg{
		EN: "the event has started: meetings can no longer be requested",
		FR: "l'événement a commencé : il n'est plus possible de demander des rendez-vous",
		DE: "die Veranstaltung hat begonnen: Termine können nicht mehr angefragt werden",
		NL: "het evenement is begonnen: er kunnen geen afspraken meer worden aangevraagd",
	}
	msgEventNotOpen = domain.Msg{
		EN: "this event is not published: meetings cannot be requested",
		FR: "cet événement n'est pas publié : il n'est pas possible de demander des rendez-vous",
		DE: "diese Veranstaltung ist nicht veröffentlicht: Termine können nicht angefragt werden",
		NL: "dit evenement is niet gepubliceerd: er kunnen geen afspraken worden aangevraagd",
	}
	msgRequestNotPending = domain.Msg{
		EN: "this request is no longer pending (it is %s)", FR: "cette demande n'est plus en attente (elle est %s)",
		DE: "diese Anfrage ist nicht mehr offen (sie ist %s)", NL: "dit verzoek is niet meer openstaand (het is %s)",
	}
	msgNotYourDelegate = domain.Msg{
		EN: "is not a delegate of your organisation at this event",
		FR: "n'est pas un délégué de votre organisation à cet événement",
		DE: "ist kein Delegierter Ihrer Organisation bei dieser Veranstaltung",
		NL: "is geen afgevaardigde van uw organisatie op dit evenement",
	}
	msgOnlyRecipient = domain.Msg{
		EN: "only the recipient's organisation answers a request",
		FR: "seule l'organisation destinataire répond à une demande",
		DE: "nur die Organisation des Empfängers beantwortet eine Anfrage",
		NL: "alleen de organisatie van de ontvanger beantwoordt een verzoek",
	}
	msgOnlySender = domain.Msg{
		EN: "only the sender's organisation withdraws a request",
		FR: "seule l'organisation qui l'a envoyée retire une demande",
		DE: "nur die Organisation des Absenders zieht eine Anfrage zurück",
		NL: "alleen de organisatie van de afzender trekt een verzoek in",
	}
	msgRequired    = domain.Msg{EN: "is required", FR: "est obligatoire", DE: "ist erforderlich", NL: "is verplicht"}
	msgBadPriority = domain.Msg{
		EN: "must be one of: %s", FR: "doit être l'une de ces valeurs : %s", DE: "muss einer dieser Werte sein: %s",
		NL: "moet een van deze waarden zijn: %s",
	}
)

// requestStateMsg names a request state in every language.
func requestStateMsg(s domain.MeetingRequestState) domain.Msg {
	switch s {
	case domain.RequestAccepted:
		return domain.Msg{EN: "accepted", FR: "acceptée", DE: "angenommen", NL: "geaccepteerd"}
	case domain.RequestDeclined:
		return domain.Msg{EN: "declined", FR: "refusée", DE: "abgelehnt", NL: "afgewezen"}
	case domain.RequestExpired:
		return domain.Msg{EN: "expired", FR: "expirée", DE: "abgelaufen", NL: "verlopen"}
	case domain.RequestWithdrawn:
		return domain.Msg{EN: "withdrawn", FR: "retirée", DE: "zurückgezogen", NL: "ingetrokken"}
	}
	return domain.Msg{EN: "pending", FR: "en attente", DE: "offen", NL: "openstaand"}
}

// RequestMeeting records a request from one of the caller's delegates to
// another organisation's delegate, and tells the recipient's organisation.
// Conflicts (409): the same organisation, an exclusion between the two
// organisations, a live request between the two delegates either way, an
// event not published or already started.
func (s *Meetings) RequestMeeting(ctx context.Context, actor Actor, p domain.Principal, eventID string, in MeetingRequestInput) (store.RequestView, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return store.RequestView{}, err
	}
	in.Message = strings.TrimSpace(in.Message)
	ve := &domain.ValidationError{}
	if in.FromDelegateID == "" {
		ve.AddLocalized("body.from_delegate_id", "required", msgRequired.With())
	}
	if in.ToDelegateID == "" {
		ve.AddLocalized("body.to_delegate_id", "required", msgRequired.With())
	}
	if !domain.ValidRequestPriority(in.Priority) {
		ve.AddLocalized("body.priority", "invalid", msgBadPriority.With("must_meet, would_like"))
	}
	fieldTooLong(ve, "body.message", in.Message, MaxMeetingMessage)
	if err := ve.Err(); err != nil {
		return store.RequestView{}, err
	}
	now := s.now()
	if a.event.State != "published" {
		return store.RequestView{}, msgEventNotOpen.Wrap(domain.ErrConflict)
	}
	if start := a.start(); !start.IsZero() && !now.Before(start) {
		return store.RequestView{}, msgEventStarted.Wrap(domain.ErrConflict)
	}
	ds, _, err := s.st.ConventionDelegates(ctx, a.event.ID, store.DelegateFilter{IDs: []string{in.FromDelegateID, in.ToDelegateID}}, "", 0)
	if err != nil {
		return store.RequestView{}, err
	}
	from, to := findDelegate(ds, in.FromDelegateID), findDelegate(ds, in.ToDelegateID)
	if from == nil || from.OrganisationID != a.orgID {
		ve.AddLocalized("body.from_delegate_id", "not_yours", msgNotYourDelegate.With())
		return store.RequestView{}, ve
	}
	if to == nil {
		return store.RequestView{}, domain.ErrNotFound
	}
	if from.OrganisationID == to.OrganisationID {
		return store.RequestView{}, msgRequestSameOrganisation.Wrap(domain.ErrConflict)
	}
	var out store.RequestView
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		// Serializes the requests of one event: two requests of a pair
		// crossing each other cannot both pass the check below.
		if _, err := tx.LockConventionEvent(ctx, a.event.ID); err != nil {
			return err
		}
		pairs, err := tx.ExcludedPairs(ctx, a.event.ID)
		if err != nil {
			return err
		}
		if _, ok := pairs[[2]string{from.OrganisationID, to.OrganisationID}]; ok {
			return msgRequestExcluded.Wrap(domain.ErrConflict)
		}
		live, err := tx.LiveRequestBetween(ctx, from.ID, to.ID)
		if err != nil {
			return err
		}
		if live {
			return msgRequestExists.Wrap(domain.ErrConflict)
		}
		r, err := tx.CreateMeetingRequest(ctx, domain.MeetingRequest{EventID: a.event.ID, FromDelegateID: from.ID, ToDelegateID: to.ID,
			Priority: in.Priority, Message: in.Message, CreatedAt: now,
			ExpiresAt: now.AddDate(0, 0, a.event.RequestExpiryDays)}, actor.UserID)
		if err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "meeting_request.created", "meeting_request", r.ID, a.orgID, nil,
			map[string]any{"event_id": a.event.ID, "to_delegate_id": to.ID, "priority": string(r.Priority)}); err != nil {
			return err
		}
		out = store.RequestView{Request: r, From: partyOf(*from), To: partyOf(*to)}
		return s.notifyRequest(ctx, tx, a.event, out, "meeting_request_received", to.OrganisationID)
	})
	return out, err
}

func findDelegate(ds []store.ConventionDelegate, id string) *store.ConventionDelegate {
	i := slices.IndexFunc(ds, func(d store.ConventionDelegate) bool { return d.ID == id })
	if i < 0 {
		return nil
	}
	return &ds[i]
}

func partyOf(d store.ConventionDelegate) store.RequestParty {
	return store.RequestParty{DelegateID: d.ID, Name: d.Name, OrganisationID: d.OrganisationID, OrganisationName: d.OrganisationName,
		Country: d.Country}
}

// MeetingRequests returns a page of the requests of the caller's
// organisation at an event, newest first: box "incoming" (to its
// delegates), "outgoing" (from them) or "" (both); state filters when set.
// Organisers who do not take part see every request.
func (s *Meetings) MeetingRequests(ctx context.Context, p domain.Principal, eventID, box string, state domain.MeetingRequestState,
	cursor string, limit int) ([]store.RequestView, string, error) {
	a, err := s.access(ctx, p, eventID)
	if err != nil {
		return nil, "", err
	}
	q := store.RequestQuery{EventID: a.event.ID, OrganisationID: a.orgID, Box: box, State: state}
	return s.st.MeetingRequestViews(ctx, q, cursor, meetingsPageSize(limit))
}

// requestOf reads, locked in tx, a request of the event that the caller's
// organisation is a side of; any other is domain.ErrNotFound.
func (s *Meetings) requestOf(ctx context.Context, tx *store.Tx, a conventionAccess, requestID string) (store.RequestView, error) {
	r, err := tx.LockMeetingRequest(ctx, requestID)
	if err != nil {
		return store.RequestView{}, err
	}
	if r.EventID != a.event.ID {
		return store.RequestView{}, domain.ErrNotFound
	}
	views, _, err := tx.MeetingRequestViews(ctx, store.RequestQuery{EventID: a.event.ID, OrganisationID: a.orgID, IDs: []string{r.ID}}, "", 1)
	if err != nil {
		return store.RequestView{}, err
	}
	if len(views) == 0 {
		return store.RequestView{}, domain.ErrNotFound
	}
	return views[0], nil
}

// pendingNow refuses (409) a request that is not pending, or is past its
// expiry though the job has not marked it yet.
func pendingNow(r domain.MeetingRequest, now time.Time) error {
	state := r.State
	if state == domain.RequestPending && !now.Before(r.ExpiresAt) {
		state = domain.RequestExpired
	}
	if state != domain.RequestPending {
		return msgRequestNotPending.Wrap(domain.ErrConflict, requestStateMsg(state))
	}
	return nil
}

// AcceptMeetingRequest accepts a pending request addressed to one of the
// caller's delegates, saying how much they want the meeting (the weight
// follows: domain.MeetingWeight), and tells the sender's organisation.
func (s *Meetings) AcceptMeetingRequest(ctx context.Context, actor Actor, p domain.Principal, eventID, requestID string,
	priority domain.MeetingPriority) (store.RequestView, error) {
	if !domain.ValidAnswerPriority(priority) {
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.priority", "invalid", msgBadPriority.With("must_meet, would_like, ok"))
		return store.RequestView{}, ve
	}
	return s.answer(ctx, actor, p, eventID, requestID, domain.RequestAccepted, priority, "")
}

// DeclineMeetingRequest declines a pending request addressed to one of
// the caller's delegates, with an optional reason, and tells the sender.
func (s *Meetings) DeclineMeetingRequest(ctx context.Context, actor Actor, p domain.Principal, eventID, requestID, reason string) (store.RequestView, error) {
	reason = strings.TrimSpace(reason)
	ve := &domain.ValidationError{}
	fieldTooLong(ve, "body.reason", reason, MaxDeclineReason)
	if err := ve.Err(); err != nil {
		return store.RequestView{}, err
	}
	return s.answer(ctx, actor, p, eventID, requestID, domain.RequestDeclined, "", reason)
}

// WithdrawMeetingRequest withdraws a pending request the caller's
// organisation sent.
func (s *Meetings) WithdrawMeetingRequest(ctx context.Context, actor Actor, p domain.Principal, eventID, requestID string) (store.RequestView, error) {
	return s.answer(ctx, actor, p, eventID, requestID, domain.RequestWithdrawn, "", "")
}

func (s *Meetings) answer(ctx context.Context, actor Actor, p domain.Principal, eventID, requestID string, state domain.MeetingRequestState,
	priority domain.MeetingPriority, reason string) (store.RequestView, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return store.RequestView{}, err
	}
	now := s.now()
	var out store.RequestView
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		v, err := s.requestOf(ctx, tx, a, requestID)
		if err != nil {
			return err
		}
		if state == domain.RequestWithdrawn && v.From.OrganisationID != a.orgID {
			return msgOnlySender.Wrap(domain.ErrForbidden)
		}
		if state != domain.RequestWithdrawn && v.To.OrganisationID != a.orgID {
			return msgOnlyRecipient.Wrap(domain.ErrForbidden)
		}
		if err := pendingNow(v.Request, now); err != nil {
			return err
		}
		r, err := tx.AnswerMeetingRequest(ctx, v.Request.ID, state, priority, reason, now)
		if err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "meeting_request."+string(state), "meeting_request", r.ID, a.orgID,
			map[string]any{"state": string(v.Request.State)}, map[string]any{"state": string(state), "answer_priority": string(priority)}); err != nil {
			return err
		}
		v.Request = r
		out = v
		switch state {
		case domain.RequestAccepted:
			return s.notifyRequest(ctx, tx, a.event, v, "meeting_request_accepted", v.From.OrganisationID)
		case domain.RequestDeclined:
			return s.notifyRequest(ctx, tx, a.event, v, "meeting_request_declined", v.From.OrganisationID)
		}
		return nil
	})
	return out, err
}

var (
	msgRequestReceivedNotice = domain.Msg{
		EN: "%[1]s (%[2]s) asks %[3]s for a meeting at “%[4]s”", FR: "%[1]s (%[2]s) demande un rendez-vous à %[3]s pour « %[4]s »",
		DE: "%[1]s (%[2]s) bittet %[3]s um einen Termin bei „%[4]s“", NL: "%[1]s (%[2]s) vraagt %[3]s om een afspraak op ‘%[4]s’",
	}
	msgRequestAcceptedNotice = domain.Msg{
		EN: "%[3]s (%[4]s) accepted the meeting with %[1]s at “%[5]s”", FR: "%[3]s (%[4]s) a accepté le rendez-vous avec %[1]s pour « %[5]s »",
		DE: "%[3]s (%[4]s) hat den Termin mit %[1]s bei „%[5]s“ angenommen", NL: "%[3]s (%[4]s) heeft de afspraak met %[1]s op ‘%[5]s’ geaccepteerd",
	}
	msgRequestDeclinedNotice = domain.Msg{
		EN: "%[3]s (%[4]s) declined the meeting with %[1]s at “%[5]s”", FR: "%[3]s (%[4]s) a décliné le rendez-vous avec %[1]s pour « %[5]s »",
		DE: "%[3]s (%[4]s) hat den Termin mit %[1]s bei „%[5]s“ abgelehnt", NL: "%[3]s (%[4]s) heeft de afspraak met %[1]s op ‘%[5]s’ afgewezen",
	}
	msgRequestExpiredNotice = domain.Msg{
		EN: "Your request to meet %[3]s (%[4]s) at “%[5]s” expired unanswered",
		FR: "Votre demande de rendez-vous avec %[3]s (%[4]s) pour « %[5]s » a expiré sans réponse",
		DE: "Ihre Terminanfrage an %[3]s (%[4]s) bei „%[5]s“ ist unbeantwortet abgelaufen",
		NL: "Uw verzoek om %[3]s (%[4]s) te ontmoeten op ‘%[5]s’ is onbeantwoord verlopen",
	}
)

// notifyRequest tells, in tx, the members of orgID of a request's event
// of kind (received, accepted, declined, expired), each in their language,
// with a link to the event's requests page.
func (s *Meetings) notifyRequest(ctx context.Context, tx *store.Tx, ev store.ConventionEvent, v store.RequestView, kind, orgID string) error {
	if s.notes == nil {
		return nil
	}
	var headline domain.Msg
	switch kind {
	case "meeting_request_received":
		headline = msgRequestReceivedNotice
	case "meeting_request_accepted":
		headline = msgRequestAcceptedNotice
	case "meeting_request_declined":
		headline = msgRequestDeclinedNotice
	default:
		headline = msgRequestExpiredNotice
	}
	link := s.link("/workspace/convention/" + ev.ID + "/requests")
	title := headline.With(v.From.Name, v.From.OrganisationName, v.To.Name, v.To.OrganisationName, ev.Name)
	if kind == "meeting_request_received" {
		title = headline.With(v.From.Name, v.From.OrganisationName, v.To.Name, ev.Name)
	}
	return s.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
		return Notice{Category: domain.NotifyConventionMeetings, Kind: kind, Title: title[r.Language], Link: link,
			Data: map[string]any{"EventName": ev.Name, "FromName": v.From.Name, "FromOrganisation": v.From.OrganisationName,
				"ToName": v.To.Name, "ToOrganisation": v.To.OrganisationName, "Message": truncateRunes(v.Request.Message, noticeExcerpt),
				"Priority": priorityMsg(v.Request.Priority).With()[r.Language], "Reason": truncateRunes(v.Request.DeclineReason, noticeExcerpt),
				"Link": link}}
	}, orgID)
}

// priorityMsg names a priority in every language.
func priorityMsg(p domain.MeetingPriority) domain.Msg {
	switch p {
	case domain.PriorityMustMeet:
		return domain.Msg{EN: "must meet", FR: "rendez-vous indispensable", DE: "unbedingt treffen", NL: "moet ontmoeten"}
	case domain.PriorityWouldLike:
		return domain.Msg{EN: "would like to meet", FR: "rendez-vous souhaité", DE: "gerne treffen", NL: "wil graag ontmoeten"}
	}
	return domain.Msg{EN: "happy to meet", FR: "d'accord pour se rencontrer", DE: "einverstanden", NL: "akkoord om te ontmoeten"}
}

// ExpireMeetingRequests marks the pending requests past their expiry
// expired and tells each sender's organisation; it returns how many
// expired. Each batch is one transaction with its notifications.
func (s *Meetings) ExpireMeetingRequests(ctx context.Context) (int, error) {
	total := 0
	for {
		n := 0
		err := s.st.WithTx(ctx, func(tx *store.Tx) error {
			expired, err := tx.ExpireMeetingRequests(ctx, s.now())
			if err != nil {
				return err
			}
			n = len(expired)
			events := map[string]store.ConventionEvent{}
			for _, r := range expired {
				ev, ok := events[r.EventID]
				if !ok {
					// Not locked: a request's lock is held here, and the
					// use cases that lock the event first (exclusions) may
					// wait for it.
					if ev, err = tx.ConventionEvent(ctx, r.EventID); err != nil {
						return err
					}
					events[r.EventID] = ev
				}
				views, _, err := tx.MeetingRequestViews(ctx, store.RequestQuery{EventID: r.EventID, IDs: []string{r.ID}}, "", 1)
				if err != nil {
					return err
				}
				if len(views) == 1 {
					if err := s.notifyRequest(ctx, tx, ev, views[0], "meeting_request_expired", views[0].From.OrganisationID); err != nil {
						return err
					}
				}
			}
			return nil
		})
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

var (
	msgExcludeSelf = domain.Msg{
		EN: "an organisation cannot exclude itself", FR: "une organisation ne peut pas s'exclure elle-même",
		DE: "eine Organisation kann sich nicht selbst ausschließen", NL: "een organisatie kan zichzelf niet uitsluiten",
	}
	msgBadExclusionKind = domain.Msg{
		EN: "must be met_before or no_thanks", FR: "doit valoir met_before ou no_thanks",
		DE: "muss met_before oder no_thanks sein", NL: "moet met_before of no_thanks zijn",
	}
	msgExclusionReason = domain.Msg{
		EN: "excluded by one of the organisations", FR: "exclu par l'une des organisations",
		DE: "von einer der Organisationen ausgeschlossen", NL: "uitgesloten door een van de organisaties",
	}
)

var msgExcludeAfterFinal = domain.Msg{
	EN: "the final agenda has been sent: exclusions can no longer change; ask the organisers",
	FR: "le programme définitif a été envoyé : les exclusions ne peuvent plus changer ; adressez-vous aux organisateurs",
	DE: "der endgültige Terminplan wurde versandt: Ausschlüsse können nicht mehr geändert werden; wenden Sie sich an die Veranstalter",
	NL: "de definitieve agenda is verstuurd: uitsluitingen kunnen niet meer veranderen; neem contact op met de organisatoren",
}

// Exclude records that the caller's organisation will not be scheduled
// with another registered one at the event (they met before, or no
// thanks), and declines the pending requests between the two either way.
// It returns the caller's exclusions.
func (s *Meetings) Exclude(ctx context.Context, actor Actor, p domain.Principal, eventID, otherOrgID string, kind domain.ExclusionKind) (
	[]store.Exclusion, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return nil, err
	}
	ve := &domain.ValidationError{}
	if kind != domain.ExclusionMetBefore && kind != domain.ExclusionNoThanks {
		ve.AddLocalized("body.kind", "invalid", msgBadExclusionKind.With())
	}
	if otherOrgID == a.orgID {
		ve.AddLocalized("body.organisation_id", "self", msgExcludeSelf.With())
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	registered, err := s.st.HasConfirmedRegistration(ctx, a.event.ID, otherOrgID)
	if err != nil {
		return nil, err
	}
	if !registered {
		return nil, domain.ErrNotFound
	}
	now := s.now()
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		ev, err := tx.LockConventionEvent(ctx, a.event.ID)
		if err != nil {
			return err
		}
		if event.AgendaState(ev.AgendaState) == event.AgendaFinal {
			return msgExcludeAfterFinal.Wrap(event.ErrLocked)
		}
		if err := tx.PutExclusion(ctx, a.event.ID, a.orgID, otherOrgID, kind, actor.UserID, now); err != nil {
			return err
		}
		declined, err := tx.DeclinePendingBetween(ctx, a.event.ID, a.orgID, otherOrgID, msgExclusionReason.EN, now)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event_exclusion.created", "organisation", otherOrgID, a.orgID, nil,
			map[string]any{"event_id": a.event.ID, "kind": string(kind), "declined_requests": len(declined)})
	})
	if err != nil {
		return nil, err
	}
	return s.st.Exclusions(ctx, a.event.ID, a.orgID)
}

// Unexclude removes the caller's organisation's exclusion of another.
func (s *Meetings) Unexclude(ctx context.Context, actor Actor, p domain.Principal, eventID, otherOrgID string) error {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteExclusion(ctx, a.event.ID, a.orgID, otherOrgID); err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "event_exclusion.deleted", "organisation", otherOrgID, a.orgID, nil,
			map[string]any{"event_id": a.event.ID})
	})
}

// Exclusions returns the caller's organisation's exclusions at an event.
func (s *Meetings) Exclusions(ctx context.Context, p domain.Principal, eventID string) ([]store.Exclusion, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return nil, err
	}
	return s.st.Exclusions(ctx, a.event.ID, a.orgID)
}
