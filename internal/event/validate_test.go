package event

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
)

func validEvent() Event {
	return Event{Name: "Rencontres", Lang: "fr", Venue: "Metz", TimeZone: "Europe/Paris", Tables: 30, Languages: []string{"fr", "de"},
		RegistrationDeadline: at("09:00").Add(-48 * time.Hour), CancellationCutoff: at("09:00").Add(-7 * 24 * time.Hour), RequestExpiryDays: 7,
		Sessions: []Session{
			{Start: at("09:00"), End: at("12:00"), MeetingMinutes: 20, Breaks: []Break{{Start: at("10:30"), End: at("10:50")}}},
			{Start: at("14:00"), End: at("17:00"), MeetingMinutes: 20},
		},
		Types: DefaultTypes()}
}

func fields(ve *domain.ValidationError) []string {
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field)
	}
	slices.Sort(out)
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Event)
		want   []string
	}{
		{"valid", func(*Event) {}, nil},
		{"sessions overlapping", func(e *Event) { e.Sessions[1].Start = at("11:30") }, []string{"body.sessions[1].starts_at"}},
		{"break outside its session", func(e *Event) { e.Sessions[0].Breaks[0].End = at("12:10") }, []string{"body.sessions[0].breaks[0].ends_at"}},
		{"break before its session", func(e *Event) { e.Sessions[0].Breaks[0].Start = at("08:50") }, []string{"body.sessions[0].breaks[0].starts_at"}},
		{"session ending before it starts", func(e *Event) { e.Sessions[1].End = at("13:00") }, []string{"body.sessions[1].ends_at"}},
		{"session without a slot", func(e *Event) { e.Sessions[1].End = at("14:15") }, []string{"body.sessions[1].meeting_minutes"}},
		{"deadline after the start", func(e *Event) { e.RegistrationDeadline = at("09:01") }, []string{"body.registration_deadline"}},
		{"cut-off after the start", func(e *Event) { e.CancellationCutoff = at("10:00") }, []string{"body.cancellation_cutoff"}},
		{"deadline at the start is fine", func(e *Event) { e.RegistrationDeadline = at("09:00") }, nil},
		{"no tables", func(e *Event) { e.Tables = 0 }, []string{"body.tables"}},
		{"too many tables", func(e *Event) { e.Tables = 2001 }, []string{"body.tables"}},
		{"no session", func(e *Event) { e.Sessions = nil }, []string{"body.sessions"}},
		{"no type", func(e *Event) { e.Types = nil }, []string{"body.participation_types"}},
		{"type without a Dutch name, fee below Stripe's minimum", func(e *Event) {
			e.Types[0].Names = map[string]string{"fr": "a", "de": "b", "en": "c"}
			e.Types[0].FeeCents = 10
		}, []string{"body.participation_types[0].fee_cents", "body.participation_types[0].names.nl"}},
		{"unknown time zone and language", func(e *Event) { e.TimeZone = "Mars/Olympus"; e.Languages = []string{"fr", "es"} },
			[]string{"body.languages[1]", "body.time_zone"}},
		{"blank name and venue", func(e *Event) { e.Name, e.Venue = " ", "" }, []string{"body.name", "body.venue"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent()
			tt.change(&e)
			got := fields(Validate(e, "body"))
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("fields %v, want %v", got, tt.want)
			}
		})
	}
}

func TestValidateDelegate(t *testing.T) {
	sessions := validEvent().Sessions
	ok := Delegate{Name: "Claire Martin", Email: "claire@example.org", Lang: "fr", ProfileLang: "fr",
		Availability: []Window{{Start: at("09:00"), End: at("12:00")}}}
	tests := []struct {
		name   string
		change func(*Delegate)
		want   []string
	}{
		{"valid", func(*Delegate) {}, nil},
		{"bad email", func(d *Delegate) { d.Email = "Claire <claire@example.org>" }, []string{"d.email"}},
		{"window outside the event", func(d *Delegate) { d.Availability[0] = Window{Start: at("18:00"), End: at("19:00")} }, []string{"d.availability[0].starts_at"}},
		{"windows overlapping", func(d *Delegate) {
			d.Availability = append(d.Availability, Window{Start: at("11:00"), End: at("15:00")})
		}, []string{"d.availability[1].starts_at"}},
		{"window ending before it starts", func(d *Delegate) { d.Availability[0].End = at("08:00") }, []string{"d.availability[0].ends_at"}},
		{"no name, unknown language", func(d *Delegate) { d.Name, d.Lang = "", "es" }, []string{"d.lang", "d.name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ok
			d.Availability = append([]Window(nil), ok.Availability...)
			tt.change(&d)
			ve := &domain.ValidationError{}
			ValidateDelegate(ve, d, sessions, "d")
			if got := fields(ve); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("fields %v, want %v", got, tt.want)
			}
		})
	}
}

func TestForKindAndRefundable(t *testing.T) {
	if !ForBuyer.Allows("private_buyer") || ForBuyer.Allows("sse_supplier") || !ForSSESupplier.Allows("sse_supplier") || !ForAny.Allows("cluster") {
		t.Error("ForKind.Allows")
	}
	e := validEvent()
	paid := at("08:00").Add(-30 * 24 * time.Hour)
	r := Registration{State: Confirmed, FeeCents: 9000, PaidAt: &paid}
	if !r.Refundable(e, e.CancellationCutoff.Add(-time.Second)) || r.Refundable(e, e.CancellationCutoff) {
		t.Error("refundable exactly until the cut-off")
	}
	r.PaidAt = nil
	if r.Refundable(e, paid) {
		t.Error("an unpaid registration is not refundable")
	}
}
