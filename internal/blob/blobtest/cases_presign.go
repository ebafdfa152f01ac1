package blobtest

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"passerelle/internal/blob"
)

func testPresignGet(t *testing.T, s *blob.Store) {
	key := prefix(t) + "report (final).pdf"
	data := randomBytes(64 * 1024)
	mustPut(t, s, key, data, "application/pdf")
	url, err := s.PresignGet(t.Context(), key, time.Minute)
	if err != nil {
		t.Fatalf("PresignGet: %v", err)
	}
	status, header, body := httpDo(t, http.MethodGet, url, "", nil)
	if status != http.StatusOK || !bytes.Equal(body, data) {
		t.Fatalf("GET presigned URL = %d, %d bytes; want 200 and the object (%d bytes)", status, len(body), len(data))
	}
	if ct := header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("GET presigned URL Content-Type = %q, want application/pdf", ct)
	}
}

func testPresignPut(t *testing.T, s *blob.Store) {
	key := prefix(t) + "photo.png"
	url, err := s.PresignPut(t.Context(), key, "image/png", time.Minute)
	if err != nil {
		t.Fatalf("PresignPut: %v", err)
	}
	data := randomBytes(100 * 1024)
	status, _, body := httpDo(t, http.MethodPut, url, "image/png", data)
	if status != http.StatusOK {
		t.Fatalf("PUT presigned URL = %d %s, want 200", status, body)
	}
	got, obj := mustGet(t, s, key)
	if !bytes.Equal(got, data) || obj.ContentType != "image/png" {
		t.Errorf("Get after presigned PUT = %d bytes, %+v; want %d bytes of image/png", len(got), obj, len(data))
	}
}

// testPresignExpiry checks that the server refuses presigned URLs once
// their lifetime (1 s, so that the test stays short) is over.
func testPresignExpiry(t *testing.T, s *blob.Store) {
	p := prefix(t)
	key := p + "short-lived"
	mustPut(t, s, key, []byte("soon gone"), "text/plain")
	getURL, err := s.PresignGet(t.Context(), key, time.Second)
	if err != nil {
		t.Fatalf("PresignGet: %v", err)
	}
	putURL, err := s.PresignPut(t.Context(), p+"late-upload", "text/plain", time.Second)
	if err != nil {
		t.Fatalf("PresignPut: %v", err)
	}
	// X-Amz-Date has second precision: 2 s is past the expiry in all cases.
	time.Sleep(2 * time.Second)
	if status, _, _ := httpDo(t, http.MethodGet, getURL, "", nil); status != http.StatusForbidden {
		t.Errorf("GET expired presigned URL = %d, want 403", status)
	}
	if status, _, _ := httpDo(t, http.MethodPut, putURL, "text/plain", []byte("late")); status != http.StatusForbidden {
		t.Errorf("PUT expired presigned URL = %d, want 403", status)
	}
	assertGone(t, s, p+"late-upload")
}

func testPresignExpiryBounds(t *testing.T, s *blob.Store) {
	key := prefix(t) + "any"
	for _, d := range []time.Duration{0, -time.Minute, 999 * time.Millisecond, blob.MaxPresignExpiry + time.Second} {
		if _, err := s.PresignGet(t.Context(), key, d); !errors.Is(err, blob.ErrInvalidExpiry) {
			t.Errorf("PresignGet(expiry %v): %v, want ErrInvalidExpiry", d, err)
		}
		if _, err := s.PresignPut(t.Context(), key, "text/plain", d); !errors.Is(err, blob.ErrInvalidExpiry) {
			t.Errorf("PresignPut(expiry %v): %v, want ErrInvalidExpiry", d, err)
		}
	}
	for _, d := range []time.Duration{blob.MinPresignExpiry, blob.MaxPresignExpiry} {
		if _, err := s.PresignGet(t.Context(), key, d); err != nil {
			t.Errorf("PresignGet(expiry %v): %v", d, err)
		}
	}
}

// httpDo sends one request with a plain http.Client, as a browser would.
func httpDo(t *testing.T, method, url, contentType string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, url, rd)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	client := &http.Client{Timeout: time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header, respBody
}
