package core

import (
	"errors"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
)

func preparedEventFixture() event.Event {
	at := func(hhmm string) time.Time {
		t, err := time.Parse("2006-01-02 15:04", "2027-01-14 "+hhmm)
		if err != nil {
			panic(err)
		}
		return t.UTC()
	}
	// The afternoon first: sessions come in the order the organiser typed them.
	return event.Event{Name: "  Rencontres  ", Lang: "fr", Venue: " Metz ", Tables: 30,
		RegistrationDeadline: at("09:00").Add(-48 * time.Hour), CancellationCutoff: at("09:00").Add(-7 * 24 * time.Hour),
		Sessions: []event.Session{
			{Name: "afternoon", Start: at("14:00"), End: at("17:00"), MeetingMinutes: 20},
			{Name: "morning", Start: at("09:00"), End: at("12:00"), MeetingMinutes: 20,
				Breaks: []event.Break{{Start: at("10:30"), End: at("10:50")}}},
		}}
}

func TestPrepareEventOnlyForOrganisers(t *testing.T) {
	for _, role := range []domain.PlatformRole{"user", ""} {
		_, err := prepareEvent(domain.Principal{UserID: "u1", PlatformRole: role}, preparedEventFixture())
		if !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("role %q: err = %v, want forbidden", role, err)
		}
	}
	// Refused before validation: a stranger learns nothing of the rules.
	bad := preparedEventFixture()
	bad.Name = ""
	if _, err := prepareEvent(domain.Principal{UserID: "u1", PlatformRole: "user"}, bad); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("an invalid event from a non-organiser: err = %v, want forbidden", err)
	}
}

func TestPrepareEventNormalizesValidatesThenSorts(t *testing.T) {
	for _, role := range []domain.PlatformRole{domain.PlatformModerator, domain.PlatformAdmin} {
		e, err := prepareEvent(domain.Principal{UserID: "m1", PlatformRole: role}, preparedEventFixture())
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		if e.Name != "Rencontres" || e.Venue != "Metz" || e.TimeZone != "Europe/Paris" || e.RequestExpiryDays != 7 || len(e.Types) == 0 {
			t.Errorf("%s: not normalized: %+v", role, e)
		}
		if e.Sessions[0].Name != "morning" || e.Sessions[1].Name != "afternoon" {
			t.Errorf("%s: sessions not in time order: %s, %s", role, e.Sessions[0].Name, e.Sessions[1].Name)
		}
	}
}

func TestPrepareEventNamesTheSessionsAsGiven(t *testing.T) {
	e := preparedEventFixture()
	e.Sessions[1].Breaks[0].End = e.Sessions[1].End.Add(10 * time.Minute) // the morning's break, second as typed
	_, err := prepareEvent(domain.Principal{UserID: "m1", PlatformRole: domain.PlatformModerator}, e)
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	if len(ve.Fields) != 1 || ve.Fields[0].Field != "body.sessions[1].breaks[0].ends_at" {
		t.Fatalf("fields = %+v, want body.sessions[1].breaks[0].ends_at (the order given, not the sorted one)", ve.Fields)
	}
}
