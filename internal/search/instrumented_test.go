package search_test

import (
	"context"
	"errors"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
	"passerelle/internal/search/searchtest"
)

// TestInstrumentedPassesTheSuite: the decorator changes nothing an engine
// does, so the embedded engine behind it still passes the conformance suite.
func TestInstrumentedPassesTheSuite(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Engine {
		e, err := bleve.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return search.Instrumented(e, prometheus.NewRegistry())
	})
}

// TestInstrumentedCountsCallsAndEngineErrors: every call is timed by
// operation; failures count as engine errors, a rejected query does not.
func TestInstrumentedCountsCallsAndEngineErrors(t *testing.T) {
	ctx := context.Background()
	b, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	e := search.Instrumented(b, reg)
	defer e.Close()
	if err := e.EnsureIndex(ctx, "i", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	doc := search.Document{ID: "a", Kind: search.KindOffer, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage"}}}
	if err := e.Index(ctx, "i", []search.Document{doc}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := e.Search(ctx, "i", search.Query{Text: "nettoyage"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Search(ctx, "i", search.Query{Limit: 1000}); !errors.Is(err, search.ErrInvalidQuery) {
		t.Fatalf("want an invalid query, got %v", err)
	}
	if _, err := e.Search(ctx, "missing", search.Query{}); err == nil {
		t.Fatal("want an error for a missing index")
	}
	if err := e.Index(ctx, "missing", []search.Document{doc}); err == nil {
		t.Fatal("want an error for a missing index")
	}
	for _, op := range []string{"ensure_index", "drop_index", "index", "delete", "search", "swap"} {
		if _, ok := gather(t, reg, "passerelle_search_duration_seconds", op); !ok {
			t.Errorf("no latency histogram for %s", op)
		}
	}
	errs := func(op string) float64 {
		m, _ := gather(t, reg, "passerelle_search_engine_errors_total", op)
		return m.GetCounter().GetValue()
	}
	if errs("search") != 1 || errs("index") != 1 || errs("delete") != 0 {
		t.Errorf("engine errors: search %v index %v delete %v", errs("search"), errs("index"), errs("delete"))
	}
	if m, _ := gather(t, reg, "passerelle_search_duration_seconds", "search"); m.GetHistogram().GetSampleCount() != 5 {
		t.Errorf("want 5 timed searches, got %d", m.GetHistogram().GetSampleCount())
	}
}

// gather returns the sample of metric name whose operation label is op.
func gather(t *testing.T, reg *prometheus.Registry, name, op string) (*dto.Metric, bool) {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "operation" && l.GetValue() == op {
					return m, true
				}
			}
		}
	}
	return &dto.Metric{}, false
}
