package faulttest

import (
	"context"
	"testing"
	"time"
)

// TestPostgresRestartUnderTraffic stops PostgreSQL for two seconds, starts
// it again, then restarts it three times in a row, while clients read and
// write through the API, and checks that: every request answered within
// requestBound (no hang), with 2xx or
// a 503 problem+json in the client's language (never a 500); the server
// recovered by itself (its pool reconnected, River kept working: jobs
// inserted after the restart ran); and every offer write is whole or
// absent, its index job present iff the offer is.
func TestPostgresRestartUnderTraffic(t *testing.T) {
	a := newApp(t, appOptions{log: testLog(t)})
	w := a.world()
	tr := startTraffic(a, w, 8)
	fail := func(err error) {
		tr.end()
		t.Fatal(err)
	}

	time.Sleep(time.Second)
	if err := a.pg.Stop(); err != nil {
		fail(err)
	}
	time.Sleep(2 * time.Second)
	if err := a.pg.Start(a.pg.Port); err != nil {
		fail(err)
	}
	// Traffic goes on until writes succeed again; then quick restarts
	// ("fast" mode ends the sessions, transactions in flight included)
	// catch requests in the middle of their transactions.
	tr.writesAgain(t, time.Now())
	for range 3 {
		time.Sleep(300 * time.Millisecond)
		if err := a.pg.Restart(); err != nil {
			fail(err)
		}
	}
	tr.writesAgain(t, time.Now())
	time.Sleep(time.Second)
	outcomes := tr.end()
	checkAnswers(t, outcomes)

	// No write half done: every offer has its texts, its audit entry and
	// its index job; every offer acknowledged exists; every index job
	// names an existing offer.
	a.checkOffersWhole(t, w.supplierOrg.ID, outcomes)

	// The server recovered by itself: River runs jobs inserted after the
	// restart (a tender published now is indexed and found).
	tender := w.publishTender(t, "Espaces verts après redémarrage")
	eventually(t, 30*time.Second, "tender published after the restart findable", func() bool {
		return findable(w.buyer, "espaces verts", tender)
	})
}

func (a *app) checkOffersWhole(t *testing.T, orgID string, outcomes []outcome) {
	t.Helper()
	ctx := context.Background()
	rows, err := a.db.Pool.Query(ctx, `
		SELECT o.id::text, t.title,
		       (SELECT count(*) FROM offer_texts x WHERE x.offer_id = o.id),
		       (SELECT count(*) FROM audit_log l WHERE l.subject_id::text = o.id::text AND l.action = 'offer.created'),
		       (SELECT count(*) FROM river_job j WHERE j.kind = 'index_listings' AND j.args::text LIKE '%' || o.id::text || '%')
		FROM offers o JOIN offer_texts t ON t.offer_id = o.id AND t.is_original
		WHERE o.organisation_id = $1`, orgID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]string{} // title → id
	for rows.Next() {
		var id, title string
		var texts, audits, jobs int
		if err := rows.Scan(&id, &title, &texts, &audits, &jobs); err != nil {
			t.Fatal(err)
		}
		stored[title] = id
		if texts != 2 || audits != 1 || jobs != 1 {
			t.Errorf("offer %s (%s): %d texts, %d audit entries, %d index jobs; want 2, 1, 1", id, title, texts, audits, jobs)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	attempted := 0
	for _, o := range outcomes {
		if o.what != "create offer" {
			continue
		}
		attempted++
		if o.id != "" && stored[o.title] != o.id {
			t.Errorf("offer %q acknowledged as %s but stored as %q", o.title, o.id, stored[o.title])
		}
	}
	var orphanJobs int
	if err := a.db.Pool.QueryRow(ctx, `
		SELECT count(*) FROM river_job j, jsonb_array_elements(j.args->'refs') r
		WHERE j.kind = 'index_listings' AND r->>'kind' = 'offer'
		  AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.id::text = r->>'id')`).Scan(&orphanJobs); err != nil {
		t.Fatal(err)
	}
	if orphanJobs != 0 {
		t.Errorf("%d index jobs name an offer that does not exist", orphanJobs)
	}
	t.Logf("%d offer writes attempted, %d stored whole", attempted, len(stored))
}

// TestPostgresFrozenUnderTraffic freezes PostgreSQL (every process of it
// stopped: connections are accepted, nothing answers) for longer than a
// client waits, under the same traffic: requests still answer in time,
// with a localized 503 once their deadline passes, and the server
// recovers by itself when PostgreSQL runs again.
func TestPostgresFrozenUnderTraffic(t *testing.T) {
	a := newApp(t, appOptions{log: testLog(t), requestTimeout: 2 * time.Second, clientBound: 6 * time.Second})
	w := a.world()
	tr := startTraffic(a, w, 8)
	time.Sleep(time.Second)
	if err := a.pg.Pause(); err != nil {
		tr.end()
		t.Fatal(err)
	}
	resumed := false
	resume := func() {
		if !resumed {
			resumed = true
			if err := a.pg.Resume(); err != nil {
				t.Error(err)
			}
		}
	}
	defer resume()
	time.Sleep(8 * time.Second)
	resume()
	tr.writesAgain(t, time.Now())
	time.Sleep(time.Second)
	outcomes := tr.end()
	checkAnswers(t, outcomes)
	a.checkOffersWhole(t, w.supplierOrg.ID, outcomes)
}
