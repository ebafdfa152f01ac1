package loadbench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// TestRunConstantRateIsAnOpenModel: requests leave on schedule whatever
// the answers: all 60 of a run arrive while the server has answered none
// (a closed-loop driver would stall at its number of clients).
func TestRunConstantRateIsAnOpenModel(t *testing.T) {
	var arrived atomic.Int64
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived.Add(1)
		<-release
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	d := &Driver{Client: NewClient(100), Base: srv.URL, MaxInFlight: 100}
	var n atomic.Int64
	next := func() Request {
		path := "/ok"
		if n.Add(1)%10 == 0 {
			path = "/missing"
		}
		return Request{Kind: "search", Method: "GET", Path: path}
	}
	done := make(chan Results, 1)
	go func() { done <- d.RunConstantRate(context.Background(), 200, 300*time.Millisecond, next) }()
	deadline := time.After(20 * time.Second)
	for arrived.Load() < 60 {
		select {
		case <-deadline:
			close(release)
			t.Fatalf("%d of the 60 requests reached the server while it answered none", arrived.Load())
		case <-time.After(5 * time.Millisecond):
		}
	}
	close(release)
	res := <-done
	f := Summarise("search", res.Kinds["search"], res.Elapsed)
	if f.Requests != 60 || f.Errors["404"] != 6 || f.ErrorCount() != 6 {
		t.Fatalf("%d requests, errors %v: want 60 with 6 × 404", f.Requests, f.Errors)
	}
}

// TestRunConstantRateBoundsWhatIsInFlight: beyond MaxInFlight a request is
// not sent and counts as an error.
func TestRunConstantRateBoundsWhatIsInFlight(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	d := &Driver{Client: NewClient(10), Base: srv.URL, MaxInFlight: 5}
	done := make(chan Results, 1)
	go func() {
		done <- d.RunConstantRate(context.Background(), 100, 200*time.Millisecond, func() Request {
			return Request{Kind: "listing", Method: "GET", Path: "/"}
		})
	}()
	var res Results
	select {
	case res = <-done:
		t.Fatal("the run ended while 5 requests were unanswered")
	case <-time.After(100 * time.Millisecond):
		close(release)
		res = <-done
	}
	f := Summarise("listing", res.Kinds["listing"], res.Elapsed)
	if f.Requests != 20 || f.Errors["transport"] < 1 || f.FirstError == "" {
		t.Fatalf("%d requests, errors %v (%q): want 20, the ones beyond 5 in flight refused", f.Requests, f.Errors, f.FirstError)
	}
}

func TestSummarise(t *testing.T) {
	var outs []Outcome
	for i := 1; i <= 100; i++ {
		outs = append(outs, Outcome{Kind: "write", Status: 201, Latency: time.Duration(i) * time.Millisecond})
	}
	outs = append(outs, Outcome{Kind: "write", Status: 302, Latency: time.Millisecond},
		Outcome{Kind: "write", Status: 409, Latency: time.Millisecond},
		Outcome{Kind: "write", Status: 503, Latency: 900 * time.Millisecond},
		Outcome{Kind: "write", Err: "connection refused"})
	f := Summarise("write", outs, 2*time.Second)
	if f.Requests != 104 || f.ErrorCount() != 3 || f.Errors["409"] != 1 || f.Errors["503"] != 1 || f.Errors["transport"] != 1 {
		t.Fatalf("requests %d, errors %v", f.Requests, f.Errors)
	}
	if f.PerSecond != 51.5 {
		t.Errorf("%.2f req/s, want 103 answered in 2 s", f.PerSecond)
	}
	if f.P50 != 50*time.Millisecond || f.P99 != 100*time.Millisecond || f.Max != 900*time.Millisecond {
		t.Errorf("p50 %s p99 %s max %s", f.P50, f.P99, f.Max)
	}
}
