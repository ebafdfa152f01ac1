package billingtest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
)

// Request is one request the code under test sent to Stripe.
type Request struct {
	Method, Path string
	// Form is the decoded body (Stripe's form encoding: line_items[0][quantity]…).
	Form url.Values
	// IdempotencyKey and StripeVersion are the headers of those names.
	IdempotencyKey, StripeVersion string
}

// Recorder is a proxy in front of stripe-mock that records every request:
// stripe-mock checks them against Stripe's spec and answers, the test reads
// what was asked.
type Recorder struct {
	// URL is the proxy's base URL, for billing.Config.APIURL.
	URL string

	mu       sync.Mutex
	requests []Request
}

// StartRecorder starts stripe-mock and a recording proxy in front of it for
// this test (both stopped at cleanup).
func StartRecorder(tb testing.TB) *Recorder {
	tb.Helper()
	target, err := url.Parse(StartMock(tb))
	if err != nil {
		tb.Fatalf("billingtest: %v", err)
	}
	r := &Recorder{}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		form, _ := url.ParseQuery(string(body))
		if req.Method == http.MethodGet || req.Method == http.MethodDelete {
			form = req.URL.Query()
		}
		r.mu.Lock()
		r.requests = append(r.requests, Request{
			Method:         req.Method,
			Path:           req.URL.Path,
			Form:           form,
			IdempotencyKey: req.Header.Get("Idempotency-Key"),
			StripeVersion:  req.Header.Get("Stripe-Version"),
		})
		r.mu.Unlock()
		req.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, req)
	}))
	tb.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

// Requests returns the requests recorded so far, oldest first.
func (r *Recorder) Requests() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Request(nil), r.requests...)
}

// Find returns the recorded requests to method and path.
func (r *Recorder) Find(method, path string) []Request {
	var out []Request
	for _, q := range r.Requests() {
		if q.Method == method && q.Path == path {
			out = append(out, q)
		}
	}
	return out
}
