package blobtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"passerelle/internal/blob"
)

// errBodyBroken is returned by failingReader, to check that Put reports it.
var errBodyBroken = errors.New("blobtest: body broken on purpose")

// failingReader yields n bytes then fails, like a client that disconnects.
type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errBodyBroken
	}
	k := min(len(p), f.n)
	clear(p[:k])
	f.n -= k
	return k, nil
}

// prefix returns a key prefix no other test uses, ending with '/'.
func prefix(t *testing.T) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := strings.NewReplacer("/", "-", " ", "-").Replace(strings.ToLower(t.Name()))
	return name + "-" + hex.EncodeToString(b[:]) + "/"
}

// randomBytes returns n pseudo-random bytes.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// mustPut stores data under key and fails the test on error.
func mustPut(t *testing.T, s *blob.Store, key string, data []byte, contentType string) blob.Object {
	t.Helper()
	obj, err := s.Put(t.Context(), key, bytes.NewReader(data), blob.PutOptions{ContentType: contentType, Size: int64(len(data))})
	if err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
	return obj
}

// mustGet reads the object under key whole and fails the test on error.
func mustGet(t *testing.T, s *blob.Store, key string) ([]byte, blob.Object) {
	t.Helper()
	rc, obj, err := s.Get(t.Context(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("Get(%q): read: %v", key, err)
	}
	return data, obj
}

// assertGone checks that key holds no object.
func assertGone(t *testing.T, s *blob.Store, key string) {
	t.Helper()
	if obj, err := s.Stat(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat(%q) = %+v, %v; want ErrNotFound", key, obj, err)
	}
}

// assertRecent checks a server timestamp against this machine's clock,
// allowing for second precision and slow machines.
func assertRecent(t *testing.T, what string, ts time.Time) {
	t.Helper()
	if d := time.Since(ts); d < -5*time.Second || d > 2*time.Minute {
		t.Errorf("%s = %v, %v from now; want about now", what, ts, -d)
	}
}
