package faulttest

import (
	"fmt"
	"net/http"
	"slices"
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
	at        time.Time
}

// traffic is clients reading and writing through the API until stopped:
// signed-in offer writes (several rows and a job each), public and
// signed-in lists, searches; each client in one of the four languages.
type traffic struct {
	a    *app
	mu   sync.Mutex
	outs []outcome
	stop atomic.Bool
	wg   sync.WaitGroup
}

func startTraffic(a *app, w *world, clients int) *traffic {
	tr := &traffic{a: a}
	offersPath := "/api/v1/organisations/" + w.supplierOrg.ID + "/offers"
	langs := []string{"en", "fr", "de", "nl"}
	var seq atomic.Int64
	for i := range clients {
		tr.wg.Add(1)
		go func() {
			defer tr.wg.Done()
			lang := langs[i%len(langs)]
			for n := 0; !tr.stop.Load(); n++ {
				start := time.Now()
				switch (n + i) % 5 {
				case 0, 4:
					title := fmt.Sprintf("Nettoyage n°%d", seq.Add(1))
					r := w.supplier.do("POST", offersPath, offerInput(title), lang)
					o := outcome{what: "create offer", lang: lang, title: title}
					if r.status == http.StatusCreated {
						o.id, _ = r.body["id"].(string)
					}
					tr.record(o, r, start)
				case 1:
					tr.record(outcome{what: "list tenders", lang: lang}, a.anonymous().do("GET", "/api/v1/tenders", nil, lang), start)
				case 2:
					tr.record(outcome{what: "own offers", lang: lang}, w.supplier.do("GET", offersPath, nil, lang), start)
				case 3:
					tr.record(outcome{what: "search", lang: lang}, w.buyer.do("GET", "/api/v1/search?q=nettoyage", nil, lang), start)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	return tr
}

func (tr *traffic) record(o outcome, r response, start time.Time) {
	o.status, o.err, o.took, o.at = r.status, r.err, time.Since(start), start
	o.detail, _ = r.body["detail"].(string)
	o.ctype = r.header.Get("Content-Type")
	tr.mu.Lock()
	tr.outs = append(tr.outs, o)
	tr.mu.Unlock()
}

// end stops the clients and returns what every request got.
func (tr *traffic) end() []outcome {
	tr.stop.Store(true)
	tr.wg.Wait()
	return tr.outs
}

// writesAgain waits (bounded) until an offer write started after `after`
// succeeded.
func (tr *traffic) writesAgain(t *testing.T, after time.Time) {
	t.Helper()
	eventually(t, 30*time.Second, "writes succeed again", func() bool {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		for _, o := range slices.Backward(tr.outs) {
			if o.what == "create offer" && o.status == http.StatusCreated && o.at.After(after) {
				return true
			}
		}
		return false
	})
}

// checkAnswers checks that every request answered within requestBound
// with 2xx or a 503 problem+json saying in the client's language that a
// service is unavailable, and that some met the outage.
func checkAnswers(t *testing.T, outcomes []outcome) {
	t.Helper()
	counts := map[string]int{}
	var slowest time.Duration
	unavailable := 0
	for _, o := range outcomes {
		counts[fmt.Sprintf("%s %d", o.what, o.status)]++
		slowest = max(slowest, o.took)
		switch {
		case o.err != nil:
			t.Errorf("%s (%s): no answer after %s: %v", o.what, o.lang, o.took.Round(time.Millisecond), o.err)
		case o.status == http.StatusOK || o.status == http.StatusCreated:
		case o.status == http.StatusServiceUnavailable:
			unavailable++
			if o.ctype != "application/problem+json" || (o.detail != genericUnavailable[o.lang] && o.detail != sessionUnavailable[o.lang] &&
				o.detail != searchUnavailable[o.lang]) {
				t.Errorf("%s (%s): 503 %q (%s), want a problem+json saying in that language that a service is unavailable", o.what, o.lang, o.detail, o.ctype)
			}
		default:
			t.Errorf("%s (%s): status %d %q, want 2xx or 503", o.what, o.lang, o.status, o.detail)
		}
	}
	t.Logf("%d requests, slowest %s: %v", len(outcomes), slowest.Round(time.Millisecond), counts)
	if unavailable == 0 {
		t.Error("no request met the outage: the test proved nothing")
	}
}
