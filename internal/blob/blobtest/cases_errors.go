package blobtest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/blob"
)

// testInvalidKeys checks that every operation rejects bad keys with
// ErrInvalidKey before reaching the server.
func testInvalidKeys(t *testing.T, s *blob.Store) {
	ctx := t.Context()
	bad := []string{
		"",
		"/leading-slash",
		"a/../escape",
		"..",
		"a/./b",
		"double//slash",
		"trailing/",
		"nul\x00byte",
		"new\nline",
		"bad-utf8-\xff",
		strings.Repeat("k", blob.MaxKeyLength+1),
		"long/" + strings.Repeat("s", blob.MaxSegmentLength+1) + "/segment",
	}
	for _, key := range bad {
		errs := map[string]error{}
		_, errs["Put"] = s.Put(ctx, key, bytes.NewReader([]byte("x")), blob.PutOptions{Size: 1})
		_, _, errs["Get"] = s.Get(ctx, key)
		_, errs["Stat"] = s.Stat(ctx, key)
		errs["Delete"] = s.Delete(ctx, key)
		_, errs["PresignGet"] = s.PresignGet(ctx, key, time.Minute)
		_, errs["PresignPut"] = s.PresignPut(ctx, key, "text/plain", time.Minute)
		for op, err := range errs {
			if !errors.Is(err, blob.ErrInvalidKey) {
				t.Errorf("%s(%q): %v, want ErrInvalidKey", op, key, err)
			}
		}
	}
	if _, err := s.List(ctx, "/rooted"); !errors.Is(err, blob.ErrInvalidKey) {
		t.Errorf("List(\"/rooted\"): %v, want ErrInvalidKey", err)
	}
}

// testMaxSize checks the size limit on each path of Put, and that nothing
// is stored when it trips.
func testMaxSize(t *testing.T, s *blob.Store) {
	p := prefix(t)
	for _, c := range []struct {
		name            string
		size, declared  int64
		maxSize         int64
		wantErrTooLarge bool
	}{
		{"known-over", 2000, 2000, 1000, true},
		{"known-at", 1000, 1000, 1000, false},
		{"unknown-over", 2000, -1, 1000, true},
		{"unknown-at", 1000, -1, 1000, false},
		{"unknown-spooled-over", 10 * mib, -1, 9 * mib, true},
		{"unknown-spooled-at", 9 * mib, -1, 9 * mib, false},
	} {
		key := p + c.name
		_, err := s.Put(t.Context(), key, NewRandomReader(1, c.size),
			blob.PutOptions{Size: c.declared, MaxSize: c.maxSize})
		if c.wantErrTooLarge {
			if !errors.Is(err, blob.ErrTooLarge) {
				t.Errorf("%s: Put: %v, want ErrTooLarge", c.name, err)
			}
			assertGone(t, s, key)
			continue
		}
		if err != nil {
			t.Errorf("%s: Put: %v", c.name, err)
		} else if obj, err := s.Stat(t.Context(), key); err != nil || obj.Size != c.size {
			t.Errorf("%s: Stat = %+v, %v; want size %d", c.name, obj, err, c.size)
		}
	}
	// Over the single-PutObject limit, refused before any byte is read.
	_, err := s.Put(t.Context(), p+"huge", &failingReader{}, blob.PutOptions{Size: blob.MaxPutSize + 1})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Errorf("Put(5 GiB + 1): %v, want ErrTooLarge", err)
	}
}

// testConcurrent runs puts and gets from several goroutines, for the race
// detector and for servers that serialize writes.
func testConcurrent(t *testing.T, s *blob.Store) {
	p := prefix(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			key := fmt.Sprintf("%sworker-%d", p, i)
			data := randomBytes(256*1024 + i)
			declared := int64(len(data))
			if i%2 == 1 {
				declared = -1
			}
			if _, err := s.Put(t.Context(), key, readerOnly{bytes.NewReader(data)}, blob.PutOptions{Size: declared}); err != nil {
				errs <- err
				return
			}
			rc, _, err := s.Get(t.Context(), key)
			if err != nil {
				errs <- err
				return
			}
			defer rc.Close()
			if n, _ := Digest(rc); n != int64(len(data)) {
				errs <- fmt.Errorf("%s: read back %d bytes, want %d", key, n, len(data))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if objs, err := s.List(t.Context(), p); err != nil || len(objs) != 8 {
		t.Errorf("List = %d objects, %v; want 8", len(objs), err)
	}
}
