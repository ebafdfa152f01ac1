package mailtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// summary is an entry of Mailpit's message list.
type summary struct {
	ID        string
	MessageID string
	From      Address
	To        []Address
	Cc        []Address
	Subject   string
	Username  string
	Created   time.Time
}

// detail is Mailpit's GET /api/v1/message/{ID}.
type detail struct {
	Text string
	HTML string
}

// Messages returns the messages addressed to `to` (in To or Cc), newest
// first. Like every method here, it must run on the test's goroutine: it
// fails the test when the API does.
func (s *Server) Messages(tb testing.TB, to string) []Message {
	tb.Helper()
	return s.details(tb, s.search(tb, to))
}

// WaitFor polls until at least n messages to `to` have arrived and returns
// them all, newest first; it fails the test after timeout.
func (s *Server) WaitFor(tb testing.TB, to string, n int, timeout time.Duration) []Message {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		found := s.search(tb, to)
		if len(found) >= n {
			return s.details(tb, found)
		}
		if time.Now().After(deadline) {
			tb.Fatalf("mailtest: %d message(s) to %s after %s, want at least %d", len(found), to, timeout, n)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// DeleteAll empties the mailbox of the whole server, other tests'
// messages included: do not call it from a parallel test.
func (s *Server) DeleteAll(tb testing.TB) {
	tb.Helper()
	s.call(tb, http.MethodDelete, "/api/v1/messages", nil, nil)
}

// search lists the messages to `to`. Mailpit's to: filter matches
// substrings (to:"b@x" also finds "ab@x"), so results are filtered again
// on the exact address.
func (s *Server) search(tb testing.TB, to string) []summary {
	tb.Helper()
	if strings.ContainsAny(to, `" `) || to == "" {
		tb.Fatalf("mailtest: %q is not a searchable address", to)
	}
	const page = 250
	var found []summary
	for start := 0; ; start += page {
		var res struct {
			Total    int
			Messages []summary
		}
		q := url.Values{"query": {`to:"` + to + `"`}, "start": {fmt.Sprint(start)}, "limit": {fmt.Sprint(page)}}
		s.call(tb, http.MethodGet, "/api/v1/search?"+q.Encode(), nil, &res)
		for _, m := range res.Messages {
			if addressedTo(m, to) {
				found = append(found, m)
			}
		}
		if len(res.Messages) < page {
			break
		}
	}
	slices.SortStableFunc(found, func(a, b summary) int { return b.Created.Compare(a.Created) })
	return found
}

func addressedTo(m summary, to string) bool {
	for _, a := range append(m.To, m.Cc...) {
		if strings.EqualFold(a.Address, to) {
			return true
		}
	}
	return false
}

// details fetches the bodies and headers of each message.
func (s *Server) details(tb testing.TB, list []summary) []Message {
	tb.Helper()
	out := make([]Message, 0, len(list))
	for _, m := range list {
		var d detail
		s.call(tb, http.MethodGet, "/api/v1/message/"+url.PathEscape(m.ID), nil, &d)
		var raw map[string][]string
		s.call(tb, http.MethodGet, "/api/v1/message/"+url.PathEscape(m.ID)+"/headers", nil, &raw)
		headers := make(map[string][]string, len(raw))
		for k, v := range raw {
			key := textproto.CanonicalMIMEHeaderKey(k)
			headers[key] = append(headers[key], v...)
		}
		out = append(out, Message{
			ID: m.ID, MessageID: m.MessageID, From: m.From, To: m.To, Subject: m.Subject,
			Text: d.Text, HTML: d.HTML, Headers: headers, Username: m.Username, Created: m.Created,
		})
	}
	return out
}

// call sends a request to the API, with body as JSON when non-nil, and
// decodes a JSON answer into out when non-nil.
func (s *Server) call(tb testing.TB, method, path string, body, out any) {
	tb.Helper()
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			tb.Fatalf("mailtest: %v", err)
		}
		reader = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, s.APIURL+path, reader)
	if err != nil {
		tb.Fatalf("mailtest: %v", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.http.Do(req)
	if err != nil {
		tb.Fatalf("mailtest: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("mailtest: %s %s: %v", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("mailtest: %s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(data))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			tb.Fatalf("mailtest: %s %s: %v", method, path, err)
		}
	}
}
