package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/prometheus/client_golang/prometheus"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// ModerationMetricsInput asks for the moderation figures.
type ModerationMetricsInput struct{}

// ModerationKindMetrics are the figures of one kind of the queue.
type ModerationKindMetrics struct {
	Kind                  string   `json:"kind" enum:"offer,tender,sse_status,report" example:"offer"`
	Pending               int64    `json:"pending" doc:"Waiting for a moderator now" example:"12"`
	MedianDecisionSeconds *float64 `json:"median_decision_seconds" doc:"Median time from submission (a report: its filing) to decision over the window; null when none was decided" example:"86400"`
}

// ModerationMetricsOutput are the moderation figures.
type ModerationMetricsOutput struct {
	Body struct {
		Since time.Time               `json:"since" doc:"Start of the window of the medians (the last 30 days)" example:"2026-10-27T09:30:00Z"`
		Kinds []ModerationKindMetrics `json:"kinds"`
	}
}

func registerModerationMetrics(r *routes, q *core.ModerationQueue) {
	handle(r, Rule{Action: domain.ActModerate}, huma.Operation{OperationID: "moderation-metrics", Method: http.MethodGet,
		Path: "/api/v1/moderation/metrics", Tags: []string{"Moderation"}, Summary: "Moderation figures",
		Description: "Moderators. Per kind (offers, tenders, SSE statuses, reports): how many wait now, and the median time to a decision " +
			"over the last 30 days. The same figures are Prometheus gauges at /metrics (passerelle_moderation_pending, " +
			"passerelle_moderation_decision_median_seconds), refreshed at most every 30 seconds."},
		func(ctx context.Context, _ *ModerationMetricsInput) (*ModerationMetricsOutput, error) {
			m, err := q.Metrics(ctx, authFrom(ctx).principal)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &ModerationMetricsOutput{}
			out.Body.Since = m.Since
			for _, k := range domain.QueueKinds() {
				km := ModerationKindMetrics{Kind: string(k), Pending: m.Pending[k]}
				if d, ok := m.Median[k]; ok {
					s := d.Seconds()
					km.MedianDecisionSeconds = &s
				}
				out.Body.Kinds = append(out.Body.Kinds, km)
			}
			return out, nil
		})
}

// registerModerationGauges exposes the moderation figures on reg, from
// the queue's cached snapshot: -1 when the database did not answer or,
// for a median, when nothing was decided in the window.
func registerModerationGauges(reg prometheus.Registerer, q *core.ModerationQueue) {
	snapshot := func() (core.ModerationMetrics, bool) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return q.MetricsSnapshot(ctx)
	}
	for _, k := range domain.QueueKinds() {
		labels := prometheus.Labels{"kind": string(k)}
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "passerelle_moderation_pending",
			Help: "Items waiting for a moderator, by kind.", ConstLabels: labels}, func() float64 {
			m, ok := snapshot()
			if !ok {
				return -1
			}
			return float64(m.Pending[k])
		}))
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "passerelle_moderation_decision_median_seconds",
			Help: "Median time from submission to decision over the last 30 days, by kind (-1: none decided).", ConstLabels: labels}, func() float64 {
			m, ok := snapshot()
			d, decided := m.Median[k]
			if !ok || !decided {
				return -1
			}
			return d.Seconds()
		}))
	}
}
