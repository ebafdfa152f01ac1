package core

import (
	"context"
	"sync"
	"time"

	"passerelle/internal/store"
)

// statisticsCache keeps the last computed statistics for the TTL: the
// public page is read by anyone, and the figures need not be fresher.
type statisticsCache struct {
	mu       sync.Mutex
	at       time.Time
	value    store.Statistics
	computed bool
}

// Statistics returns the public aggregates (store.Statistics), computed at
// most once per StatisticsTTL, and when they were computed.
func (o *OpenData) Statistics(ctx context.Context) (store.Statistics, time.Time, error) {
	o.stats.mu.Lock()
	defer o.stats.mu.Unlock()
	now := o.now()
	if o.stats.computed && now.Sub(o.stats.at) < o.cfg.StatisticsTTL {
		return o.stats.value, o.stats.at, nil
	}
	v, err := o.st.Statistics(ctx, now.In(clusterLocation()), ClusterTimeZone)
	if err != nil {
		return store.Statistics{}, time.Time{}, err
	}
	o.stats.value, o.stats.at, o.stats.computed = v, now, true
	return v, now, nil
}
