package core

import (
	"context"
	"slices"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// AgendaMeeting is one meeting of a delegate's agenda: the other party,
// the outcome the delegate's organisation recorded, and whether the other
// side recorded one.
type AgendaMeeting struct {
	Meeting              domain.Meeting
	Other                store.MeetingParty
	Outcome              *domain.MeetingOutcome
	OtherOutcomeRecorded bool
}

// AgendaView is a delegate's agenda at an event.
type AgendaView struct {
	Event    store.ConventionEvent
	Delegate store.ConventionDelegate
	Meetings []AgendaMeeting
}

var msgDelegateRequired = domain.Msg{
	EN: "name the delegate whose agenda to show", FR: "indiquez le délégué dont afficher l'agenda",
	DE: "nennen Sie den Delegierten, dessen Terminplan angezeigt werden soll", NL: "geef de afgevaardigde op wiens agenda getoond moet worden",
}

// Agenda returns a delegate's agenda: for members, a delegate of their
// organisation (the first one when delegateID is empty), with meetings
// once agendas were sent; organisers see any delegate's at any time.
func (s *Meetings) Agenda(ctx context.Context, p domain.Principal, eventID, delegateID string) (AgendaView, error) {
	a, err := s.access(ctx, p, eventID)
	if err != nil {
		return AgendaView{}, err
	}
	f := store.DelegateFilter{}
	if delegateID != "" {
		f.IDs = []string{delegateID}
	}
	ds, _, err := s.st.ConventionDelegates(ctx, a.event.ID, f, "", 0)
	if err != nil {
		return AgendaView{}, err
	}
	i := slices.IndexFunc(ds, func(d store.ConventionDelegate) bool {
		return (delegateID == "" || d.ID == delegateID) && (d.OrganisationID == a.orgID || a.organiser && delegateID != "")
	})
	if i < 0 {
		if delegateID == "" && a.orgID == "" {
			ve := &domain.ValidationError{}
			ve.AddLocalized("query.delegate_id", "required", msgDelegateRequired.With())
			return AgendaView{}, ve
		}
		return AgendaView{}, domain.ErrNotFound
	}
	d := ds[i]
	out := AgendaView{Event: a.event, Delegate: d, Meetings: []AgendaMeeting{}}
	if a.event.AgendaState == "none" && !a.organiser {
		return out, nil
	}
	views, _, err := s.st.MeetingViews(ctx, store.MeetingQuery{EventID: a.event.ID, DelegateID: d.ID}, "", 0)
	if err != nil {
		return AgendaView{}, err
	}
	ids := make([]string, len(views))
	for i, v := range views {
		ids[i] = v.Meeting.ID
	}
	outcomes, err := s.st.MeetingOutcomes(ctx, ids)
	if err != nil {
		return AgendaView{}, err
	}
	for _, v := range views {
		am := AgendaMeeting{Meeting: v.Meeting, Other: v.B}
		if v.B.DelegateID == d.ID {
			am.Other = v.A
		}
		for _, o := range outcomes {
			switch {
			case o.MeetingID != v.Meeting.ID:
			case o.OrganisationID == d.OrganisationID:
				o := o
				am.Outcome = &o
			case o.OrganisationID == am.Other.OrganisationID:
				am.OtherOutcomeRecorded = true
			}
		}
		out.Meetings = append(out.Meetings, am)
	}
	return out, nil
}

var (
	msgBadAgendaKind = domain.Msg{
		EN: "must be preliminary or final", FR: "doit valoir preliminary ou final",
		DE: "muss preliminary oder final sein", NL: "moet preliminary of final zijn",
	}
	msgAgendaAlreadyFinal = domain.Msg{
		EN: "the final agendas were sent: only final agendas may follow",
		FR: "les agendas définitifs ont été envoyés : seuls des agendas définitifs peuvent suivre",
		DE: "die endgültigen Terminpläne wurden versandt: es können nur endgültige folgen",
		NL: "de definitieve agenda's zijn verstuurd: alleen definitieve agenda's kunnen volgen",
	}
)

// AgendasSent is what sending agendas did.
type AgendasSent struct {
	EventID       string
	AgendaState   string
	AgendaVersion int
	Emails        int
}

// SendAgendas sends every delegate of an event their agenda by email, in
// their language (organisers): kind preliminary (meetings may still move)
// or final (every meeting becomes confirmed; a later run keeps them). The
// event's agenda version increases (the .ics SEQUENCE). The emails are
// queued in the same transaction.
func (s *Meetings) SendAgendas(ctx context.Context, actor Actor, p domain.Principal, eventID, kind string) (AgendasSent, error) {
	if kind != "preliminary" && kind != "final" {
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.kind", "invalid", msgBadAgendaKind.With())
		return AgendasSent{}, ve
	}
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return AgendasSent{}, err
	}
	var out AgendasSent
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		ev, err := tx.LockConventionEvent(ctx, a.event.ID)
		if err != nil {
			return err
		}
		if ev.AgendaState == "final" && kind == "preliminary" {
			return msgAgendaAlreadyFinal.Wrap(domain.ErrConflict)
		}
		now := s.now()
		if kind == "final" {
			if err := tx.ConfirmMeetings(ctx, ev.ID, now); err != nil {
				return err
			}
		}
		state, version, err := tx.SetAgendaState(ctx, ev.ID, kind, now)
		if err != nil {
			return err
		}
		ev.AgendaState, ev.AgendaVersion = state, version
		out = AgendasSent{EventID: ev.ID, AgendaState: state, AgendaVersion: version}
		delegates, _, err := tx.ConventionDelegates(ctx, ev.ID, store.DelegateFilter{}, "", 0)
		if err != nil {
			return err
		}
		views, _, err := tx.MeetingViews(ctx, store.MeetingQuery{EventID: ev.ID}, "", 0)
		if err != nil {
			return err
		}
		loc := eventLocation(ev)
		for _, d := range delegates {
			var meetings []map[string]any
			for _, v := range views {
				other := v.B
				switch d.ID {
				case v.A.DelegateID:
				case v.B.DelegateID:
					other = v.A
				default:
					continue
				}
				meetings = append(meetings, map[string]any{
					"Time": domain.DateMsg(v.Meeting.Start.In(loc)).With()[d.Lang] + " " + v.Meeting.Start.In(loc).Format("15:04") + "–" +
						v.Meeting.End.In(loc).Format("15:04"),
					"Table": v.Meeting.Table, "Organisation": other.OrganisationName, "Delegate": other.Name, "Country": other.Country})
			}
			if err := s.mailer.EnqueueEmail(ctx, tx, Email{To: d.Email, Name: d.Name, Kind: "agenda_sent", Lang: d.Lang,
				Data: map[string]any{"Name": d.Name, "EventName": ev.Name, "Venue": ev.Venue, "Final": kind == "final",
					"Version": version, "TimeZone": ev.TimeZone, "Meetings": meetings,
					"Link":    s.link("/workspace/convention/" + ev.ID + "/agenda"),
					"ICSLink": s.link("/api/v1/events/" + ev.ID + "/agenda.ics?delegate_id=" + d.ID)}}); err != nil {
				return err
			}
			out.Emails++
		}
		return writeAudit(ctx, tx, actor, "event.agendas_sent", "event", ev.ID, "", nil,
			map[string]any{"kind": kind, "version": version, "emails": out.Emails})
	})
	return out, err
}

// eventLocation is the event's time zone (UTC when unknown).
func eventLocation(ev store.ConventionEvent) *time.Location {
	loc, err := time.LoadLocation(ev.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}
