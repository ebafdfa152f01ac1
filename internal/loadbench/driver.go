package loadbench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Request is one request of the mix.
type Request struct {
	// Kind is what the report groups by: search, listing or write.
	Kind   string
	Method string
	// Path is relative to the base URL, with its query string.
	Path string
	// Body is sent as JSON when not nil.
	Body []byte
	// Session signs the request in (writes); nil for anonymous ones.
	Session *Session
	// Language is the Accept-Language of the request.
	Language string
	// Seen is called with a successful answer's body (cursors, ids);
	// nil when the body is not needed.
	Seen func(body []byte)
}

// Session is a signed-in user of the pool.
type Session struct {
	Email          string
	OrganisationID string
	// Supplier tells a supplier's member from a buyer's.
	Supplier bool
	Cookies  []*http.Cookie
}

// NewClient is the HTTP client of the load: keep-alive connections to one
// host, as many as the requests in flight.
func NewClient(maxConns int) *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:        maxConns,
			MaxIdleConnsPerHost: maxConns,
			MaxConnsPerHost:     0,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Driver sends requests to base.
type Driver struct {
	Client *http.Client
	Base   string
	// MaxInFlight bounds the requests waiting for an answer; beyond it a
	// scheduled request is not sent and counts as an error ("client
	// saturated"), so that a stalled server cannot exhaust the driver.
	MaxInFlight int
}

// Outcome is one answered (or failed) request.
type Outcome struct {
	Kind    string
	Latency time.Duration
	// At is when the request was due, from the start of the run.
	At time.Duration
	// Status is the HTTP status, or 0 for a transport error.
	Status int
	Err    string
}

// do sends req and measures from scheduled (the time it was due to leave,
// so that a late sender does not hide the server's queueing).
func (d *Driver) do(ctx context.Context, req Request, scheduled time.Time) Outcome {
	out := Outcome{Kind: req.Kind}
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.Method, d.Base+req.Path, body)
	if err != nil {
		out.Err = err.Error()
		return out
	}
	hr.Header.Set("Accept", "application/json")
	if req.Language != "" {
		hr.Header.Set("Accept-Language", req.Language)
	}
	if req.Body != nil {
		hr.Header.Set("Content-Type", "application/json")
		// What a browser on Passerelle's own pages sends.
		hr.Header.Set("Origin", d.Base)
		hr.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if req.Session != nil {
		for _, c := range req.Session.Cookies {
			hr.AddCookie(c)
		}
	}
	resp, err := d.Client.Do(hr)
	if err != nil {
		out.Latency = time.Since(scheduled)
		out.Err = err.Error()
		return out
	}
	var b []byte
	if req.Seen != nil && resp.StatusCode < 300 {
		b, err = io.ReadAll(resp.Body)
	} else {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	_ = resp.Body.Close()
	out.Latency = time.Since(scheduled)
	out.Status = resp.StatusCode
	if err != nil {
		out.Err = err.Error()
		return out
	}
	if req.Seen != nil && resp.StatusCode < 300 {
		req.Seen(b)
	}
	return out
}

// Results are the outcomes of a run, by kind.
type Results struct {
	Elapsed time.Duration
	// Late counts requests the driver itself sent more than 10 ms after
	// their time (a saturated client, not a slow server).
	Late  int
	Kinds map[string][]Outcome
}

// RunConstantRate sends next()'s requests at rate per second for d, each
// on schedule whatever the earlier ones' fate (an open model: a slow server
// meets the same arrivals, as it would on the Internet).
func (d *Driver) RunConstantRate(ctx context.Context, rate float64, dur time.Duration, next func() Request) Results {
	var mu sync.Mutex
	res := Results{Kinds: map[string][]Outcome{}}
	record := func(o Outcome) {
		mu.Lock()
		res.Kinds[o.Kind] = append(res.Kinds[o.Kind], o)
		mu.Unlock()
	}
	inFlight := make(chan struct{}, max(d.MaxInFlight, 1))
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; ; i++ {
		due := start.Add(time.Duration(float64(i) / rate * float64(time.Second)))
		if due.Sub(start) >= dur || ctx.Err() != nil {
			break
		}
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		} else if wait < -10*time.Millisecond {
			res.Late++
		}
		req := next()
		select {
		case inFlight <- struct{}{}:
		default:
			record(Outcome{Kind: req.Kind, Err: "client saturated: too many requests in flight"})
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-inFlight }()
			o := d.do(ctx, req, due)
			o.At = due.Sub(start)
			record(o)
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// RunMaxRate sends next()'s requests from workers clients, each sending
// the next as soon as it has the answer (a closed model): the ceiling.
func (d *Driver) RunMaxRate(ctx context.Context, workers int, dur time.Duration, next func() Request) Results {
	var mu sync.Mutex
	res := Results{Kinds: map[string][]Outcome{}}
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []Outcome
			for ctx.Err() == nil {
				o := d.do(context.WithoutCancel(ctx), next(), time.Now())
				mine = append(mine, o)
			}
			mu.Lock()
			for _, o := range mine {
				res.Kinds[o.Kind] = append(res.Kinds[o.Kind], o)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// Figures summarise the outcomes of one kind.
type Figures struct {
	Kind          string
	Requests      int
	PerSecond     float64
	P50, P95, P99 time.Duration
	Max           time.Duration
	// Errors counts the outcomes that are not 2xx or 3xx, by status
	// ("503", or "transport" with the first message).
	Errors map[string]int
	// FirstError is one error message, to say what went wrong.
	FirstError string
}

// ErrorCount is the number of failed requests.
func (f Figures) ErrorCount() int {
	n := 0
	for _, c := range f.Errors {
		n += c
	}
	return n
}

// Summarise computes the figures of outcomes over elapsed.
func Summarise(kind string, outcomes []Outcome, elapsed time.Duration) Figures {
	f := Figures{Kind: kind, Requests: len(outcomes), Errors: map[string]int{}}
	lat := make([]time.Duration, 0, len(outcomes))
	for _, o := range outcomes {
		switch {
		case o.Err != "" && o.Status == 0:
			f.Errors["transport"]++
			if f.FirstError == "" {
				f.FirstError = o.Err
			}
			continue
		case o.Status >= 400 || o.Status < 200:
			f.Errors[fmt.Sprint(o.Status)]++
		}
		lat = append(lat, o.Latency)
	}
	slices.Sort(lat)
	f.P50, f.P95, f.P99 = percentile(lat, 0.50), percentile(lat, 0.95), percentile(lat, 0.99)
	if len(lat) > 0 {
		f.Max = lat[len(lat)-1]
	}
	if elapsed > 0 {
		f.PerSecond = float64(len(outcomes)-f.Errors["transport"]) / elapsed.Seconds()
	}
	return f
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// String is one line of the report.
func (f Figures) String() string {
	errs := "0 errors"
	if n := f.ErrorCount(); n > 0 {
		var parts []string
		for _, k := range sortedKeys(f.Errors) {
			parts = append(parts, fmt.Sprintf("%s×%d", k, f.Errors[k]))
		}
		errs = fmt.Sprintf("%d ERRORS (%s)", n, strings.Join(parts, ", "))
		if f.FirstError != "" {
			errs += ": " + f.FirstError
		}
	}
	return fmt.Sprintf("%-8s %6d req  %7.1f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %s",
		f.Kind, f.Requests, f.PerSecond, ms(f.P50), ms(f.P95), ms(f.P99), ms(f.Max), errs)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
