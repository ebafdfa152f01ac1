package event

import (
	"testing"
	"time"
)

func at(hhmm string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", "2027-01-14 "+hhmm)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func starts(slots []Slot) []string {
	out := make([]string, len(slots))
	for i, s := range slots {
		out[i] = s.SessionID + "@" + s.Start.Format("15:04") + "-" + s.End.Format("15:04")
	}
	return out
}

func TestSlots(t *testing.T) {
	tests := []struct {
		name     string
		sessions []Session
		want     []string
	}{
		{
			name:     "no break: whole slots only, the last ending by the end",
			sessions: []Session{{ID: "a", Start: at("14:00"), End: at("15:10"), MeetingMinutes: 20}},
			want:     []string{"a@14:00-14:20", "a@14:20-14:40", "a@14:40-15:00"},
		},
		{
			name: "a break on the grid removes its slot",
			sessions: []Session{{ID: "a", Start: at("14:00"), End: at("15:20"), MeetingMinutes: 20,
				Breaks: []Break{{Start: at("14:40"), End: at("15:00")}}}},
			want: []string{"a@14:00-14:20", "a@14:20-14:40", "a@15:00-15:20"},
		},
		{
			name: "a break off the grid: slots resume at its end",
			sessions: []Session{{ID: "a", Start: at("14:00"), End: at("15:30"), MeetingMinutes: 20,
				Breaks: []Break{{Start: at("14:30"), End: at("14:45")}}}},
			want: []string{"a@14:00-14:20", "a@14:45-15:05", "a@15:05-15:25"},
		},
		{
			name: "overlapping breaks, given out of order",
			sessions: []Session{{ID: "a", Start: at("09:00"), End: at("10:30"), MeetingMinutes: 30,
				Breaks: []Break{{Start: at("09:40"), End: at("10:00")}, {Start: at("09:30"), End: at("09:45")}}}},
			want: []string{"a@09:00-09:30", "a@10:00-10:30"},
		},
		{
			name: "a break touching the end of a slot does not remove it",
			sessions: []Session{{ID: "a", Start: at("09:00"), End: at("09:40"), MeetingMinutes: 20,
				Breaks: []Break{{Start: at("09:20"), End: at("09:20")}}}},
			want: []string{"a@09:00-09:20", "a@09:20-09:40"},
		},
		{
			name: "sessions given out of order come out sorted by start",
			sessions: []Session{
				{ID: "pm", Start: at("14:00"), End: at("14:40"), MeetingMinutes: 20},
				{ID: "am", Start: at("09:00"), End: at("09:20"), MeetingMinutes: 20},
			},
			want: []string{"am@09:00-09:20", "pm@14:00-14:20", "pm@14:20-14:40"},
		},
		{
			name:     "a session shorter than one meeting has no slot",
			sessions: []Session{{ID: "a", Start: at("09:00"), End: at("09:15"), MeetingMinutes: 20}},
			want:     []string{},
		},
		{
			name:     "an empty or reversed session has no slot",
			sessions: []Session{{ID: "a", Start: at("09:00"), End: at("08:00"), MeetingMinutes: 20}, {ID: "b", Start: at("09:00"), End: at("10:00")}},
			want:     []string{},
		},
		{
			name: "a break covering the whole session",
			sessions: []Session{{ID: "a", Start: at("09:00"), End: at("10:00"), MeetingMinutes: 20,
				Breaks: []Break{{Start: at("08:00"), End: at("11:00")}}}},
			want: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := starts(Slots(tt.sessions))
			if len(got) != len(tt.want) {
				t.Fatalf("Slots = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("Slots = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSlotsConventionAfternoon(t *testing.T) {
	// The seed's afternoon: 14:00–18:00, 20-minute meetings, coffee 16:00–16:20.
	s := Session{ID: "pm", Start: at("14:00"), End: at("18:00"), MeetingMinutes: 20,
		Breaks: []Break{{Start: at("16:00"), End: at("16:20")}}}
	slots := Slots([]Session{s})
	if len(slots) != 11 {
		t.Fatalf("got %d slots, want 11: %v", len(slots), starts(slots))
	}
	for i, sl := range slots {
		if sl.End.Sub(sl.Start) != 20*time.Minute {
			t.Errorf("slot %d lasts %s", i, sl.End.Sub(sl.Start))
		}
		if sl.Start.Before(at("16:20")) && sl.End.After(at("16:00")) {
			t.Errorf("slot %d overlaps the break", i)
		}
		if i > 0 && sl.Start.Before(slots[i-1].End) {
			t.Errorf("slot %d overlaps slot %d", i, i-1)
		}
	}
}
