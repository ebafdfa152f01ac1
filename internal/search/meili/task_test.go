package meili_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"passerelle/internal/search"
	"passerelle/internal/search/meili"
)

// TestFailedTaskIsAnError answers like a Meilisearch server whose task
// fails. It is a stand-in, not a server (none can run on these machines):
// it checks only that the adapter reads a failed task as an error, which
// WaitForTask alone does not. The conformance suite covers the rest on a
// real server.
func TestFailedTaskIsAnError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/indexes/listings":
			_, _ = w.Write([]byte(`{"uid":"listings","primaryKey":"id"}`))
		case r.Method == http.MethodGet && r.URL.Path == "/indexes/missing":
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"message":"Index missing not found.","code":"index_not_found","type":"invalid_request","link":""}`))
		case r.Method == http.MethodPost && r.URL.Path == "/indexes/listings/documents":
			w.WriteHeader(http.StatusAccepted)
			_, _ = w.Write([]byte(`{"taskUid":7,"indexUid":"listings","status":"enqueued","type":"documentAdditionOrUpdate","enqueuedAt":"2026-01-01T00:00:00Z"}`))
		case r.Method == http.MethodGet && r.URL.Path == "/tasks/7":
			_, _ = w.Write([]byte(`{"uid":7,"indexUid":"listings","status":"failed","type":"documentAdditionOrUpdate","error":{"message":"disk full","code":"no_space_left_on_device","type":"system","link":""},"enqueuedAt":"2026-01-01T00:00:00Z"}`))
		default:
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	e := meili.New(srv.URL, "")
	defer func() { _ = e.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	doc := search.Document{ID: "a", Kind: search.KindOffer, PublishedAt: time.Now()}
	err := e.Index(ctx, "listings", []search.Document{doc})
	var te *meili.TaskError
	if !errors.As(err, &te) || te.Code != "no_space_left_on_device" || !errors.Is(err, search.ErrEngine) {
		t.Errorf("Index with a failed task: %v, want a TaskError wrapping ErrEngine", err)
	}
	if err := e.Index(ctx, "missing", []search.Document{doc}); !errors.Is(err, search.ErrIndexNotFound) {
		t.Errorf("Index on a missing index: %v, want ErrIndexNotFound (no implicit creation)", err)
	}
}

// TestDownServer checks that an unreachable server is an engine error, which
// the indexing jobs retry.
func TestDownServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	e := meili.New(url, "")
	defer func() { _ = e.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := e.Search(ctx, "listings", search.Query{}); !errors.Is(err, search.ErrEngine) {
		t.Errorf("Search on a down server: %v, want ErrEngine", err)
	}
}
