package searchtest

import (
	"errors"
	"testing"

	"passerelle/internal/search"
)

// testListIDs: ListIDs lists every document once with its kind, deeper
// than a query may page, in batches of at most ListIDsBatch; an error of
// the callback stops the walk and comes back; an unknown index is
// ErrIndexNotFound.
func testListIDs(t *testing.T, e search.Engine) {
	name := newIndex(t, e, search.Settings{})
	docs := synthetic(2*search.ListIDsBatch + 5)
	index(t, e, name, docs)
	seen := map[string]search.Kind{}
	batches := 0
	err := e.ListIDs(ctx(t), name, func(hits []search.Hit) error {
		batches++
		if len(hits) == 0 || len(hits) > search.ListIDsBatch {
			t.Errorf("batch of %d ids", len(hits))
		}
		for _, h := range hits {
			if _, twice := seen[h.ID]; twice {
				t.Errorf("%s listed twice", h.ID)
			}
			seen[h.ID] = h.Kind
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(docs) || batches != 3 {
		t.Fatalf("listed %d of %d documents in %d batches", len(seen), len(docs), batches)
	}
	for _, d := range docs {
		if seen[d.ID] != d.Kind {
			t.Errorf("%s listed as %q, want %q", d.ID, seen[d.ID], d.Kind)
		}
	}
	stop := errors.New("stop")
	calls := 0
	if err := e.ListIDs(ctx(t), name, func([]search.Hit) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("a callback error must stop the walk: %v after %d calls", err, calls)
	}
	empty := newIndex(t, e, search.Settings{})
	if err := e.ListIDs(ctx(t), empty, func([]search.Hit) error { t.Error("called on an empty index"); return nil }); err != nil {
		t.Errorf("empty index: %v", err)
	}
	if err := e.ListIDs(ctx(t), "no_such_index", func([]search.Hit) error { return nil }); !errors.Is(err, search.ErrIndexNotFound) {
		t.Errorf("unknown index: %v", err)
	}
}
