package jobs

import (
	"testing"
	"time"
)

func TestDailyAtFiresOnceADayAtTheHour(t *testing.T) {
	d := dailyAt{hour: 6}
	cases := []struct{ now, want string }{
		{"2026-11-26T05:59:59Z", "2026-11-26T06:00:00Z"},
		{"2026-11-26T06:00:00Z", "2026-11-27T06:00:00Z"}, // strictly after: no second run at the same instant
		{"2026-11-26T23:30:00+01:00", "2026-11-27T06:00:00Z"},
		{"2026-12-31T07:00:00Z", "2027-01-01T06:00:00Z"},
	}
	for _, c := range cases {
		now, _ := time.Parse(time.RFC3339, c.now)
		if got := d.Next(now).Format(time.RFC3339); got != c.want {
			t.Errorf("Next(%s) = %s, want %s", c.now, got, c.want)
		}
	}
}

// The saved-search alerts run at 05:30, half an hour before the digest
// they join.
func TestDailyAtTheMinute(t *testing.T) {
	d := dailyAt{hour: SavedSearchAlertHourUTC, minute: SavedSearchAlertMinuteUTC}
	for _, c := range []struct{ now, want string }{
		{"2026-11-26T05:29:59Z", "2026-11-26T05:30:00Z"},
		{"2026-11-26T05:30:00Z", "2026-11-27T05:30:00Z"},
		{"2026-11-26T05:45:00Z", "2026-11-27T05:30:00Z"},
	} {
		now, _ := time.Parse(time.RFC3339, c.now)
		if got := d.Next(now).Format(time.RFC3339); got != c.want {
			t.Errorf("Next(%s) = %s, want %s", c.now, got, c.want)
		}
	}
}
