package api

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"passerelle/internal/store"
)

type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "passerelle_http_requests_total",
			Help: "HTTP requests served, by route, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "passerelle_http_request_duration_seconds",
			Help:    "HTTP request latency, by route, method and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

func (m *httpMetrics) middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		labels := prometheus.Labels{"route": routeLabel(c), "method": c.Request.Method, "status": strconv.Itoa(c.Writer.Status())}
		m.requests.With(labels).Inc()
		m.duration.With(labels).Observe(time.Since(start).Seconds())
	}
}

// routeLabel is the route pattern, never the raw path: raw paths (ids,
// probes for random URLs) would make the label set unbounded.
func routeLabel(c *gin.Context) string {
	if p := c.FullPath(); p != "" {
		return p
	}
	if len(c.Request.URL.Path) >= 5 && c.Request.URL.Path[:5] == "/api/" {
		return "unmatched"
	}
	return "web"
}

// RegisterPoolMetrics exposes the database pool on reg.
func RegisterPoolMetrics(reg prometheus.Registerer, stats func() store.PoolStats) {
	gauge := func(name, help string, v func(store.PoolStats) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "passerelle_db_pool_" + name, Help: help},
			func() float64 { return v(stats()) })
	}
	counter := func(name, help string, v func(store.PoolStats) float64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "passerelle_db_pool_" + name, Help: help},
			func() float64 { return v(stats()) })
	}
	reg.MustRegister(
		gauge("max_conns", "Maximum connections of the pool.", func(s store.PoolStats) float64 { return float64(s.MaxConns) }),
		gauge("total_conns", "Open connections.", func(s store.PoolStats) float64 { return float64(s.TotalConns) }),
		gauge("idle_conns", "Idle connections.", func(s store.PoolStats) float64 { return float64(s.IdleConns) }),
		gauge("acquired_conns", "Connections in use.", func(s store.PoolStats) float64 { return float64(s.AcquiredConns) }),
		counter("acquires_total", "Connections acquired.", func(s store.PoolStats) float64 { return float64(s.AcquireCount) }),
		counter("empty_acquires_total", "Acquires that had to wait for a connection.", func(s store.PoolStats) float64 { return float64(s.EmptyAcquireCount) }),
		counter("acquire_seconds_total", "Time spent acquiring connections.", func(s store.PoolStats) float64 { return s.AcquireDuration.Seconds() }),
	)
}
