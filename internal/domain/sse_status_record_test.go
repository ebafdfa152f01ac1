package domain

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSSEStatusCounts(t *testing.T) {
	until := day("2026-06-30")
	cases := []struct {
		state VerificationState
		at    time.Time
		want  bool
	}{
		{VerificationVerified, day("2026-01-01"), true},
		{VerificationVerified, time.Date(2026, 6, 30, 23, 59, 59, 0, time.UTC), true},
		{VerificationVerified, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), false},
		// 00:30 on 1 July in Paris is still 30 June in UTC: the day is UTC's.
		{VerificationVerified, time.Date(2026, 7, 1, 0, 30, 0, 0, time.FixedZone("CEST", 2*3600)), true},
		{VerificationPending, day("2026-01-01"), false},
		{VerificationRejected, day("2026-01-01"), false},
		{VerificationUnverified, day("2026-01-01"), false},
	}
	for _, c := range cases {
		s := SSEStatus{State: c.state, ValidUntil: until}
		if got := s.Counts(c.at); got != c.want {
			t.Errorf("%s status valid until %s, at %s: counts %v, want %v", c.state, until.Format(time.DateOnly), c.at, got, c.want)
		}
	}
}

func TestValidateSSEStatus(t *testing.T) {
	today := day("2026-03-15")
	share := func(v float64) *float64 { return &v }
	date := func(s string) *time.Time { d := day(s); return &d }
	good := SSEStatusFields{Type: SSEFrEA, RegistrationNumber: "EA-57-2021-004", ValidUntil: day("2027-12-31"),
		DisabledShare: share(62.5), ShareMeasuredOn: date("2025-12-31")}
	cases := []struct {
		name    string
		country string
		edit    func(*SSEStatusFields)
		field   string
		code    string
	}{
		{"valid", "FR", func(*SSEStatusFields) {}, "", ""},
		{"valid without share", "fr", func(f *SSEStatusFields) { f.DisabledShare, f.ShareMeasuredOn = nil, nil }, "", ""},
		{"valid until today", "FR", func(f *SSEStatusFields) { f.ValidUntil = today }, "", ""},
		{"no type", "FR", func(f *SSEStatusFields) { f.Type = "" }, "body.type", "required"},
		{"unknown type", "FR", func(f *SSEStatusFields) { f.Type = "fr_whatever" }, "body.type", "invalid"},
		{"type of another country", "LU", func(*SSEStatusFields) {}, "body.type", "wrong_country"},
		{"buyer abroad", "IT", func(*SSEStatusFields) {}, "body.type", "wrong_country"},
		{"no number", "FR", func(f *SSEStatusFields) { f.RegistrationNumber = "" }, "body.registration_number", "required"},
		{"no valid-until", "FR", func(f *SSEStatusFields) { f.ValidUntil = time.Time{} }, "body.valid_until", "required"},
		{"expired", "FR", func(f *SSEStatusFields) { f.ValidUntil = day("2026-03-14") }, "body.valid_until", "expired"},
		{"share without date", "FR", func(f *SSEStatusFields) { f.ShareMeasuredOn = nil }, "body.share_measured_on", "required"},
		{"date without share", "FR", func(f *SSEStatusFields) { f.DisabledShare = nil }, "body.disabled_share", "required"},
		{"share over 100", "FR", func(f *SSEStatusFields) { f.DisabledShare = share(100.5) }, "body.disabled_share", "out_of_range"},
		{"negative share", "FR", func(f *SSEStatusFields) { f.DisabledShare = share(-1) }, "body.disabled_share", "out_of_range"},
		{"three decimals", "FR", func(f *SSEStatusFields) { f.DisabledShare = share(50.125) }, "body.disabled_share", "out_of_range"},
		{"measured in the future", "FR", func(f *SSEStatusFields) { f.ShareMeasuredOn = date("2026-03-16") }, "body.share_measured_on", "in_future"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := good
			c.edit(&f)
			ve := ValidateSSEStatus(f.Normalize(), c.country, today, "body.")
			if c.field == "" {
				if err := ve.Err(); err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if len(ve.Fields) != 1 || ve.Fields[0].Field != c.field || ve.Fields[0].Code != c.code {
				t.Fatalf("want one error %s/%s, got %+v", c.field, c.code, ve.Fields)
			}
			for _, l := range Languages {
				if ve.Fields[0].Messages[l] == "" {
					t.Errorf("no %s message", l)
				}
			}
		})
	}
}

func TestSSEStatusChanged(t *testing.T) {
	share := 40.0
	a := SSEStatusFields{Type: SSELuAtelierProtege, RegistrationNumber: "AP-12", ValidUntil: day("2027-01-01"), DisabledShare: &share, ShareMeasuredOn: &time.Time{}}
	b := a
	other := 40.0
	b.DisabledShare = &other // same value, another pointer
	if SSEStatusChanged(a, b) {
		t.Error("equal statements reported as changed")
	}
	b.RegistrationNumber = "AP-13"
	if !SSEStatusChanged(a, b) {
		t.Error("a new number must count as a change")
	}
	c := a
	c.DisabledShare, c.ShareMeasuredOn = nil, nil
	if !SSEStatusChanged(a, c) {
		t.Error("removing the share must count as a change")
	}
}

func TestValidateRejectionReason(t *testing.T) {
	if ve := ValidateRejectionReason("  ", "body.reason"); len(ve.Fields) != 1 || ve.Fields[0].Code != "required" {
		t.Errorf("blank reason: %+v", ve.Fields)
	}
	if err := ValidateRejectionReason("The agreement number does not match the attached decision.", "body.reason").Err(); err != nil {
		t.Errorf("good reason refused: %v", err)
	}
}
