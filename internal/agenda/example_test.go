package agenda_test

import (
	"fmt"
	"strings"
	"time"

	"passerelle/internal/agenda"
)

func ExampleICS() {
	start := time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC)
	ics, err := agenda.ICS(agenda.Agenda{
		Event:     agenda.Event{Name: "Convention 2026", Venue: "Centre des congrès de Metz", TimeZone: "Europe/Paris"},
		Delegate:  agenda.Party{Organisation: "ESAT du Saulnois", Delegate: "Marie Kœnig", Country: "FR"},
		Lang:      "fr",
		Version:   2,
		Generated: start.Add(-72 * time.Hour),
		Meetings: []agenda.Meeting{{
			ID:    "3b0f5a4e-8d1c-4e55-9a41-6c1f0e2d7b90",
			Start: start, End: start.Add(20 * time.Minute), Table: 12,
			Other: agenda.Party{Organisation: "Commune de Val-de-Moselle", Delegate: "Élodie Lefèvre", Country: "FR"},
		}},
	})
	if err != nil {
		panic(err)
	}
	lines := strings.Split(string(ics), "\r\n")
	fmt.Println(strings.Join(lines[7:15], "\n"))
	// Output:
	// BEGIN:VEVENT
	// UID:3b0f5a4e-8d1c-4e55-9a41-6c1f0e2d7b90@passerelle
	// DTSTAMP:20261123T130000Z
	// DTSTART:20261126T130000Z
	// DTEND:20261126T132000Z
	// SEQUENCE:2
	// STATUS:TENTATIVE
	// SUMMARY:Rendez-vous avec Commune de Val-de-Moselle — table 12
}
