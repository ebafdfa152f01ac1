package s3server_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/blob/s3server"
)

func start(t *testing.T, dir string) *s3server.Server {
	t.Helper()
	srv, err := s3server.Start(t.Context(), s3server.Options{Dir: dir})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close(context.Background()) })
	return srv
}

func store(t *testing.T, srv *s3server.Server) *blob.Store {
	t.Helper()
	s, err := blob.New(t.Context(), blob.Config{
		Endpoint: srv.Endpoint(), Bucket: "files", AccessKey: "any", SecretKey: "any",
		UsePathStyle: true, CreateBucket: true, TempDir: t.TempDir(),
	})
	if err != nil {
		t.Fatalf("blob.New: %v", err)
	}
	return s
}

func TestPersistsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	first := start(t, dir)
	if _, err := store(t, first).Put(t.Context(), "a/b.txt", strings.NewReader("kept"),
		blob.PutOptions{ContentType: "text/plain", Size: 4}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if err := first.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := first.Close(ctx); err != nil {
		t.Fatalf("second Close: %v", err)
	}

	rc, obj, err := store(t, start(t, dir)).Get(t.Context(), "a/b.txt")
	if err != nil {
		t.Fatalf("Get after restart: %v", err)
	}
	defer rc.Close()
	data, _ := io.ReadAll(rc)
	if string(data) != "kept" || obj.ContentType != "text/plain" {
		t.Errorf("after restart: %q, %+v; want \"kept\" as text/plain", data, obj)
	}
}

func TestRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "192.0.2.1:0", "[::]:0", "example.com:0"} {
		if srv, err := s3server.Start(t.Context(), s3server.Options{Dir: t.TempDir(), Addr: addr}); err == nil {
			_ = srv.Close(context.Background())
			t.Errorf("Start(Addr %q) succeeded, want a refusal", addr)
		}
	}
	srv := start(t, t.TempDir())
	if !strings.HasPrefix(srv.Endpoint(), "http://127.0.0.1:") {
		t.Errorf("Endpoint() = %q, want http://127.0.0.1:PORT", srv.Endpoint())
	}
}

// TestKeyLengthLimit checks that keys over MaxKeyLength are refused
// cleanly, leaving nothing behind, and that the longest allowed one works.
func TestKeyLengthLimit(t *testing.T) {
	s := store(t, start(t, t.TempDir()))
	longest := "dir/" + strings.Repeat("k", s3server.MaxKeyLength-4)
	if _, err := s.Put(t.Context(), longest, bytes.NewReader([]byte("ok")), blob.PutOptions{Size: 2}); err != nil {
		t.Fatalf("Put(%d-byte key): %v", len(longest), err)
	}
	if _, err := s.Stat(t.Context(), longest); err != nil {
		t.Errorf("Stat(%d-byte key): %v", len(longest), err)
	}
	tooLong := longest + "x"
	_, err := s.Put(t.Context(), tooLong, bytes.NewReader([]byte("no")), blob.PutOptions{Size: 2})
	if err == nil || !strings.Contains(err.Error(), "KeyTooLongError") {
		t.Errorf("Put(%d-byte key): %v, want KeyTooLongError", len(tooLong), err)
	}
	if _, err := s.Stat(t.Context(), tooLong); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat(%d-byte key) after refusal: %v, want ErrNotFound", len(tooLong), err)
	}
}
