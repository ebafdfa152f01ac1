package faulttest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// sessionUnavailable is the detail of a 503 when the session cannot be
// read (the database is down as the request arrives).
var sessionUnavailable = map[string]string{
	"en": "Your session could not be checked; try again shortly.",
	"fr": "Votre session n'a pas pu être vérifiée ; réessayez dans un instant.",
	"de": "Ihre Sitzung konnte nicht geprüft werden; versuchen Sie es gleich noch einmal.",
	"nl": "Uw sessie kon niet worden gecontroleerd; probeer het zo opnieuw.",
}

// outcome is one request of the traffic.
type outcome struct {
	what, lang string
	status     int
	took       time.Duration
	detail     string
	ctype      string
	err        error
	// title is the unique title of an offer write; id is set when it
	// answered 201.
	title, id string
}

// TestPostgresRestartUnderTraffic stops PostgreSQL for two seconds, starts
// it again, then restarts it three times in a row, while clients read and write through the API, and checks
// that: every request answered within requestBound (no hang), with 2xx or
// a 503 problem+json in the client's language (never a 500); the server
// recovered by itself (its pool reconnected, River kept working: jobs
// inserted after the restart ran); and every offer write is whole or
// absent, its index job present iff the offer is.
func TestPostgresRestartUnderTraffic(t *testing.T) {
	a := newApp(t, appOptions{log: testLog(t)})
	w := a.world()
	offersPath := "/api/v1/organisations/" + w.supplierOrg.ID + "/offers"
	langs := []string{"en", "fr", "de", "nl"}

	var (
		mu       sync.Mutex
		outcomes []outcome
		seq      atomic.Int64
		stop     atomic.Bool
		wg       sync.WaitGroup
	)
	record := func(o outcome, r response, start time.Time) {
		o.status, o.err, o.took = r.status, r.err, time.Since(start)
		o.detail, _ = r.body["detail"].(string)
		o.ctype = r.header.Get("Content-Type")
		mu.Lock()
		outcomes = append(outcomes, o)
		mu.Unlock()
	}
	const clients = 8
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := langs[i%len(langs)]
			for n := 0; !stop.Load(); n++ {
				start := time.Now()
				switch (n + i) % 5 {
				case 0, 4: // a signed-in write of several rows and a job
					title := fmt.Sprintf("Nettoyage n°%d", seq.Add(1))
					r := w.supplier.do("POST", offersPath, offerInput(title), lang)
					o := outcome{what: "create offer", lang: lang, title: title}
					if r.status == http.StatusCreated {
						o.id, _ = r.body["id"].(string)
					}
					record(o, r, start)
				case 1:
					record(outcome{what: "list tenders", lang: lang}, a.anonymous().do("GET", "/api/v1/tenders", nil, lang), start)
				case 2:
					record(outcome{what: "own offers", lang: lang}, w.supplier.do("GET", offersPath, nil, lang), start)
				case 3:
					record(outcome{what: "search", lang: lang}, w.buyer.do("GET", "/api/v1/search?q=nettoyage", nil, lang), start)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}

	time.Sleep(time.Second)
	if err := a.pg.Stop(); err != nil {
		stop.Store(true)
		wg.Wait()
		t.Fatal(err)
	}
	downAt := time.Now()
	time.Sleep(2 * time.Second)
	if err := a.pg.Start(a.pg.Port); err != nil {
		stop.Store(true)
		wg.Wait()
		t.Fatal(err)
	}
	upAt := time.Now()
	writesAgain := func(after time.Time) {
		t.Helper()
		eventually(t, 30*time.Second, "writes succeed again after the restart", func() bool {
			mu.Lock()
			defer mu.Unlock()
			for _, o := range slices.Backward(outcomes) {
				if o.what == "create offer" && o.status == http.StatusCreated && o.id != "" && a.offerCreatedAfter(o.id, after) {
					return true
				}
			}
			return false
		})
	}
	// Traffic goes on until writes succeed again; then quick restarts
	// ("fast" mode ends the sessions, transactions in flight included)
	// catch requests in the middle of their transactions.
	writesAgain(upAt)
	for range 3 {
		time.Sleep(300 * time.Millisecond)
		if err := a.pg.Restart(); err != nil {
			stop.Store(true)
			wg.Wait()
			t.Fatal(err)
		}
	}
	writesAgain(time.Now())
	time.Sleep(time.Second)
	stop.Store(true)
	wg.Wait()

	// Every request answered, in time, with success or a localized 503.
	counts := map[string]int{}
	var slowest time.Duration
	for _, o := range outcomes {
		counts[fmt.Sprintf("%s %d", o.what, o.status)]++
		slowest = max(slowest, o.took)
		switch {
		case o.err != nil:
			t.Errorf("%s (%s): no answer within %s: %v", o.what, o.lang, requestBound, o.err)
		case o.status == http.StatusOK || o.status == http.StatusCreated:
		case o.status == http.StatusServiceUnavailable:
			if o.ctype != "application/problem+json" || (o.detail != genericUnavailable[o.lang] && o.detail != sessionUnavailable[o.lang] &&
				o.detail != searchUnavailable[o.lang]) {
				t.Errorf("%s (%s): 503 %q (%s), want a problem+json saying in that language that a service is unavailable", o.what, o.lang, o.detail, o.ctype)
			}
		default:
			t.Errorf("%s (%s): status %d %q, want 2xx or 503", o.what, o.lang, o.status, o.detail)
		}
	}
	t.Logf("outage %s; %d requests, slowest %s: %v", upAt.Sub(downAt).Round(time.Millisecond), len(outcomes), slowest.Round(time.Millisecond), counts)
	unavailable := 0
	for k, n := range counts {
		if strings.HasSuffix(k, " 503") {
			unavailable += n
		}
	}
	if unavailable == 0 {
		t.Error("no request met the outage: the test proved nothing")
	}

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

// offerCreatedAfter reports whether offer id was created after at.
func (a *app) offerCreatedAfter(id string, at time.Time) bool {
	var created time.Time
	err := a.db.Pool.QueryRow(context.Background(), "SELECT created_at FROM offers WHERE id = $1", id).Scan(&created)
	return err == nil && created.After(at)
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
