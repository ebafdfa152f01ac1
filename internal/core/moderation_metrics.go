package core

import (
	"context"
	"sync"
	"time"

	"passerelle/internal/domain"
)

// ModerationMetrics are the moderators' figures: what waits, by kind, and
// the median time from submission to decision over the last
// MetricsWindow, by kind (absent for a kind with no decision then).
type ModerationMetrics struct {
	Pending map[domain.QueueKind]int64
	Median  map[domain.QueueKind]time.Duration
	// Since is the start of the window of the medians.
	Since time.Time
}

// MetricsWindow is the period the medians cover.
const MetricsWindow = 30 * 24 * time.Hour

// metricsCacheFor is how long Prometheus scrapes reuse the figures: four
// counts and four medians over 30 days are cheap, but a scrape every few
// seconds by several scrapers need not repeat them.
const metricsCacheFor = 30 * time.Second

// Metrics returns the figures now, for moderators.
func (s *ModerationQueue) Metrics(ctx context.Context, p domain.Principal) (ModerationMetrics, error) {
	if err := moderator(p); err != nil {
		return ModerationMetrics{}, err
	}
	return s.metrics(ctx, time.Now())
}

func (s *ModerationQueue) metrics(ctx context.Context, now time.Time) (ModerationMetrics, error) {
	m := ModerationMetrics{Since: now.Add(-MetricsWindow)}
	var err error
	if m.Pending, err = s.st.ModerationPending(ctx); err != nil {
		return m, err
	}
	m.Median, err = s.st.ModerationMedians(ctx, m.Since)
	return m, err
}

// MetricsSnapshot returns the figures for the metrics endpoint, computed
// at most once per metricsCacheFor; ok is false when the database did not
// answer (the gauges then say -1).
func (s *ModerationQueue) MetricsSnapshot(ctx context.Context) (m ModerationMetrics, ok bool) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if time.Since(s.cache.at) < metricsCacheFor {
		return s.cache.m, s.cache.ok
	}
	m, err := s.metrics(ctx, time.Now())
	s.cache.m, s.cache.ok, s.cache.at = m, err == nil, time.Now()
	return m, err == nil
}

// metricsCache holds the last snapshot.
type metricsCache struct {
	mu sync.Mutex
	at time.Time
	m  ModerationMetrics
	ok bool
}
