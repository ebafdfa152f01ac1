package jobs

import (
	"testing"
	"time"
)

func TestEmailBackoffIsCapped(t *testing.T) {
	cases := []struct {
		attempt int
		limit   time.Duration
		jitter  float64
		want    time.Duration
	}{
		{1, 0, 0, time.Second},
		{2, 0, 0, 16 * time.Second},
		{5, 0, 0, 625 * time.Second},
		{7, 0, 0, 2401 * time.Second}, // still below the cap
		{8, 0, 0, time.Hour},          // 4096 s: capped
		{99, 0, 0, time.Hour},
		{1000, 0, 0, time.Hour}, // no overflow
		{8, 0, 0.5, time.Hour - 3*time.Minute},
		{3, 200 * time.Millisecond, 0, 200 * time.Millisecond},
		{0, time.Minute, 0, time.Second},
	}
	for _, c := range cases {
		if got := emailBackoff(c.attempt, c.limit, c.jitter); got != c.want {
			t.Errorf("emailBackoff(%d, %s, %g) = %s, want %s", c.attempt, c.limit, c.jitter, got, c.want)
		}
	}
	// The whole schedule keeps an email through an outage of days.
	var total time.Duration
	for a := 1; a < EmailMaxAttempts; a++ {
		total += emailBackoff(a, 0, 0)
	}
	if total < 72*time.Hour {
		t.Errorf("%d attempts span %s: an email would be dropped during a long weekend's outage", EmailMaxAttempts, total)
	}
}
