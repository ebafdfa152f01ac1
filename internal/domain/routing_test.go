package domain

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormalizeRouteAnswer(t *testing.T) {
	tests := []struct {
		name   string
		in     RouteAnswer
		fields []string // expected field errors, in order
	}{
		{name: "interested", in: RouteAnswer{Interest: Interested}},
		{name: "not interested with reason and note", in: RouteAnswer{Interest: NotInterested, Reason: DeclineTooSmall, Note: "  trop petit  "}},
		{name: "not interested, reason only", in: RouteAnswer{Interest: NotInterested, Reason: DeclineOther}},
		{name: "unknown interest", in: RouteAnswer{Interest: "maybe"}, fields: []string{"body.answer"}},
		{name: "reason missing", in: RouteAnswer{Interest: NotInterested}, fields: []string{"body.reason"}},
		{name: "reason unknown and note too long",
			in:     RouteAnswer{Interest: NotInterested, Reason: "bored", Note: strings.Repeat("é", MaxDeclineNoteRunes+1)},
			fields: []string{"body.reason", "body.note"}},
		{name: "note of exactly the limit", in: RouteAnswer{Interest: NotInterested, Reason: DeclineOther, Note: strings.Repeat("é", MaxDeclineNoteRunes)}},
		{name: "reason with interest", in: RouteAnswer{Interest: Interested, Reason: DeclineOther}, fields: []string{"body.reason"}},
		{name: "note with interest", in: RouteAnswer{Interest: Interested, Note: "x"}, fields: []string{"body.reason"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ve := NormalizeRouteAnswer(tt.in)
			var got []string
			if ve != nil {
				for _, f := range ve.Fields {
					got = append(got, f.Field)
					for _, l := range Languages {
						if f.Messages[l] == "" || strings.Contains(f.Messages[l], "%!") {
							t.Errorf("%s: message in %s: %q", f.Field, l, f.Messages[l])
						}
					}
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
				t.Errorf("field errors %v, want %v", got, tt.fields)
			}
			if out.Note != strings.TrimSpace(out.Note) {
				t.Errorf("note not trimmed: %q", out.Note)
			}
		})
	}
	for _, r := range DeclineReasons() {
		if !r.Valid() {
			t.Errorf("%s not valid", r)
		}
	}
}

func TestIsInterestMilestone(t *testing.T) {
	var got []int
	for n := 0; n <= 26; n++ {
		if IsInterestMilestone(n) {
			got = append(got, n)
		}
	}
	want := []int{1, 2, 5, 10, 15, 20, 25}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("milestones up to 26: %v, want %v", got, want)
	}
}
