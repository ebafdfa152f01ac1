package blobtest

import (
	"bytes"
	"errors"
	"testing"

	"passerelle/internal/blob"
)

const (
	mib = 1 << 20
	// largeSize is over the first chunk that Put keeps in memory, so an
	// unknown-length body of this size goes through the spool file.
	largeSize = 20 * mib
	// firstChunk mirrors blob's in-memory limit for unknown lengths.
	firstChunk = 8 * mib
)

func testPing(t *testing.T, s *blob.Store) {
	if err := s.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

func testPutGetKnownSmall(t *testing.T, s *blob.Store) {
	key := prefix(t) + "notes.txt"
	data := []byte("Bonjour, Grüß Gott, hello, hallo\n")
	obj := mustPut(t, s, key, data, "text/plain; charset=utf-8")
	checkPut(t, obj, key, int64(len(data)), "text/plain; charset=utf-8")

	got, gotObj := mustGet(t, s, key)
	if !bytes.Equal(got, data) {
		t.Errorf("Get content = %q, want %q", got, data)
	}
	if gotObj.Size != int64(len(data)) || gotObj.ContentType != "text/plain; charset=utf-8" || gotObj.ETag != obj.ETag {
		t.Errorf("Get object = %+v, want size %d, type text/plain; charset=utf-8, etag %s", gotObj, len(data), obj.ETag)
	}
	assertRecent(t, "Get LastModified", gotObj.LastModified)
}

func testPutGetUnknownSmall(t *testing.T, s *blob.Store) {
	roundTrip(t, s, 100*1024, -1)
}

func testPutGetKnownLarge(t *testing.T, s *blob.Store) {
	roundTrip(t, s, largeSize, largeSize)
}

func testPutGetUnknownLarge(t *testing.T, s *blob.Store) {
	roundTrip(t, s, largeSize, -1)
}

func testPutUnknownExactlyFirstChunk(t *testing.T, s *blob.Store) {
	roundTrip(t, s, firstChunk, -1)
	roundTrip(t, s, firstChunk+1, -1)
}

// roundTrip puts size pseudo-random bytes declared as declared (-1 for
// unknown) and checks size and SHA-256 streamed back.
func roundTrip(t *testing.T, s *blob.Store, size, declared int64) {
	t.Helper()
	key := prefix(t) + "data.bin"
	seed := uint64(size)
	obj, err := s.Put(t.Context(), key, NewRandomReader(seed, size),
		blob.PutOptions{ContentType: "application/pdf", Size: declared})
	if err != nil {
		t.Fatalf("Put(%d bytes, declared %d): %v", size, declared, err)
	}
	checkPut(t, obj, key, size, "application/pdf")

	rc, gotObj, err := s.Get(t.Context(), key)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	defer rc.Close()
	n, sum := Digest(rc)
	if n != size || sum != RandomSHA256(seed, size) {
		t.Errorf("Get streamed %d bytes (sha256 %s), want %d (sha256 %s)", n, sum, size, RandomSHA256(seed, size))
	}
	if gotObj.Size != size || gotObj.ContentType != "application/pdf" {
		t.Errorf("Get object = %+v, want size %d and type application/pdf", gotObj, size)
	}
}

// checkPut checks what Put reported.
func checkPut(t *testing.T, obj blob.Object, key string, size int64, contentType string) {
	t.Helper()
	if obj.Key != key || obj.Size != size || obj.ContentType != contentType || obj.ETag == "" {
		t.Errorf("Put = %+v, want key %q, size %d, type %q and an ETag", obj, key, size, contentType)
	}
	assertRecent(t, "Put LastModified", obj.LastModified)
}

func testPutEmpty(t *testing.T, s *blob.Store) {
	p := prefix(t)
	for _, declared := range []int64{0, -1} {
		key := p + "empty"
		obj, err := s.Put(t.Context(), key, readerOnly{bytes.NewReader(nil)}, blob.PutOptions{Size: declared})
		if err != nil {
			t.Fatalf("Put(empty, declared %d): %v", declared, err)
		}
		checkPut(t, obj, key, 0, "application/octet-stream")
		if got, _ := mustGet(t, s, key); len(got) != 0 {
			t.Errorf("Get = %d bytes, want 0", len(got))
		}
	}
}

func testPutZeroSizeWithData(t *testing.T, s *blob.Store) {
	key := prefix(t) + "forgot-size"
	_, err := s.Put(t.Context(), key, bytes.NewReader([]byte("data")), blob.PutOptions{})
	if err == nil {
		t.Fatal("Put with Size 0 and a non-empty body succeeded, want an error")
	}
	assertGone(t, s, key)
}

func testDefaultContentType(t *testing.T, s *blob.Store) {
	key := prefix(t) + "untyped"
	obj := mustPut(t, s, key, []byte{1, 2, 3}, "")
	if obj.ContentType != "application/octet-stream" {
		t.Errorf("Put ContentType = %q, want application/octet-stream", obj.ContentType)
	}
	if st, err := s.Stat(t.Context(), key); err != nil || st.ContentType != "application/octet-stream" {
		t.Errorf("Stat = %+v, %v; want ContentType application/octet-stream", st, err)
	}
}

func testOverwrite(t *testing.T, s *blob.Store) {
	key := prefix(t) + "doc"
	mustPut(t, s, key, []byte("first version, longer"), "text/plain")
	second := mustPut(t, s, key, []byte("second"), "text/markdown")
	got, obj := mustGet(t, s, key)
	if string(got) != "second" || obj.ContentType != "text/markdown" || obj.ETag != second.ETag {
		t.Errorf("Get after overwrite = %q, %+v; want \"second\", text/markdown, ETag %s", got, obj, second.ETag)
	}
}

// testFailedOverwriteKeepsOld checks that an upload cut short leaves the
// previous object intact, for a body of known and of unknown length.
func testFailedOverwriteKeepsOld(t *testing.T, s *blob.Store) {
	key := prefix(t) + "precious"
	old := mustPut(t, s, key, []byte("old content"), "text/plain")
	for _, declared := range []int64{5 * mib, -1} {
		_, err := s.Put(t.Context(), key, &failingReader{n: 3 * mib}, blob.PutOptions{Size: declared})
		if err == nil {
			t.Fatalf("Put of a failing body (declared %d) succeeded", declared)
		}
		got, obj := mustGet(t, s, key)
		if string(got) != "old content" || obj.ETag != old.ETag {
			t.Errorf("after failed overwrite (declared %d): Get = %d bytes, %+v; want the old object", declared, len(got), obj)
		}
	}
}

// testBodyErrorStoresNothing checks that a body error is reported (wrapped,
// when Put reads the body itself) and that no object appears.
func testBodyErrorStoresNothing(t *testing.T, s *blob.Store) {
	p := prefix(t)
	for _, c := range []struct {
		name     string
		n        int
		declared int64
	}{
		{"unknown-small", mib, -1},
		{"unknown-spooled", firstChunk + mib, -1},
		{"known", 2 * mib, 4 * mib},
	} {
		key := p + c.name
		_, err := s.Put(t.Context(), key, &failingReader{n: c.n}, blob.PutOptions{Size: c.declared})
		if err == nil {
			t.Errorf("%s: Put of a failing body succeeded", c.name)
		} else if c.declared < 0 && !errors.Is(err, errBodyBroken) {
			t.Errorf("%s: Put error = %v, want it to wrap the body's error", c.name, err)
		}
		assertGone(t, s, key)
	}
}
