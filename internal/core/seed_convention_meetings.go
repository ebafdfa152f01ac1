package core

import (
	"context"
	"fmt"
	"time"

	"passerelle/internal/domain"
)

// demoMeetingSuppliers and demoMeetingBuyers are the registered
// organisations (by their owner's demo user) whose delegates ask each
// other for meetings in the demonstration.
var (
	demoMeetingSuppliers = []string{"aci.moselle", "inklusion.pfalz", "eta.ardennes", "maatwerk.brug", "atelier.suremoselle",
		"esat.previert", "wfbm.trier"}
	demoMeetingBuyers = []string{"achats.bettsud", "rse.logiwal", "achats.valdorne", "einkauf.moselwerk"}
)

// seedConventionMeetings fills the demonstration event's meetings: each
// supplier's first delegate asks two buyers' first delegates for a
// meeting; most requests are accepted (with varied priorities, so weights
// 1 to 3), some left pending, one declined; then the organisers run the
// scheduler and send the preliminary agendas, so that the demonstration
// shows requests, a schedule and agendas. Deterministic: the same pairs,
// priorities and answers every time.
func seedConventionMeetings(ctx context.Context, w *demoWorld) error {
	if w.convention == nil {
		return nil
	}
	m := NewMeetings(w.st, demoEventJobs{}, nil, time.Now, MeetingsConfig{})
	eventID := w.convention.event.ID
	first := func(user string) (string, error) {
		r, ok := w.convention.registrations[user]
		if !ok || len(r.Delegates) == 0 {
			return "", fmt.Errorf("demo meetings: %s is not registered", user)
		}
		return r.Delegates[0].ID, nil
	}
	priorities := []domain.MeetingPriority{domain.PriorityMustMeet, domain.PriorityWouldLike}
	answers := []domain.MeetingPriority{domain.PriorityOK, domain.PriorityWouldLike, domain.PriorityMustMeet}
	requests := 0
	for i, s := range demoMeetingSuppliers {
		from, err := first(s)
		if err != nil {
			return err
		}
		for j := 0; j < 2; j++ {
			b := demoMeetingBuyers[(i+j)%len(demoMeetingBuyers)]
			to, err := first(b)
			if err != nil {
				return err
			}
			actor, p := w.orgs[s].owner()
			v, err := m.RequestMeeting(ctx, actor, p, eventID, MeetingRequestInput{FromDelegateID: from, ToDelegateID: to,
				Priority: priorities[(i+j)%len(priorities)], Message: demoMeetingMessage(w.orgs[s].demo.lang)})
			if err != nil {
				return fmt.Errorf("demo meeting request %s → %s: %w", s, b, err)
			}
			requests++
			buyer, bp := w.orgs[b].owner()
			switch (i*2 + j) % 7 {
			case 5: // left pending: the buyer's inbox has something to answer
				continue
			case 6:
				_, err = m.DeclineMeetingRequest(ctx, buyer, bp, eventID, v.Request.ID, "")
			default:
				_, err = m.AcceptMeetingRequest(ctx, buyer, bp, eventID, v.Request.ID, answers[(i+j)%len(answers)])
			}
			if err != nil {
				return fmt.Errorf("demo meeting answer %s → %s: %w", s, b, err)
			}
		}
	}
	run, err := m.RunSchedule(ctx, w.modActor, w.moderator, eventID)
	if err != nil {
		return fmt.Errorf("demo schedule: %w", err)
	}
	if _, err := m.SendAgendas(ctx, w.modActor, w.moderator, eventID, "preliminary"); err != nil {
		return fmt.Errorf("demo agendas: %w", err)
	}
	w.count("convention meeting requests", requests)
	w.count("convention meetings", run.Run.Meetings)
	return nil
}

// demoMeetingMessage is a supplier's message with a request, in its language.
func demoMeetingMessage(lang domain.Language) string {
	return domain.Msg{
		EN: "We would like to present our services and hear about your coming purchases.",
		FR: "Nous aimerions vous présenter nos prestations et connaître vos prochains achats.",
		DE: "Wir würden Ihnen gern unsere Leistungen vorstellen und von Ihren nächsten Einkäufen hören.",
		NL: "Wij stellen graag onze diensten voor en horen graag over uw komende aankopen.",
	}.With()[lang]
}
