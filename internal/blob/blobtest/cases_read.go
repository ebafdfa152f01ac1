package blobtest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"passerelle/internal/blob"
)

func testStat(t *testing.T, s *blob.Store) {
	key := prefix(t) + "image.png"
	data := randomBytes(4096)
	put := mustPut(t, s, key, data, "image/png")
	obj, err := s.Stat(t.Context(), key)
	if err != nil {
		t.Fatalf("Stat: %v", err)
	}
	if obj.Key != key || obj.Size != 4096 || obj.ContentType != "image/png" || obj.ETag != put.ETag {
		t.Errorf("Stat = %+v, want key %q, size 4096, image/png, ETag %s", obj, key, put.ETag)
	}
	assertRecent(t, "Stat LastModified", obj.LastModified)
}

func testDelete(t *testing.T, s *blob.Store) {
	p := prefix(t)
	key := p + "to-delete"
	mustPut(t, s, key, []byte("bye"), "text/plain")
	if err := s.Delete(t.Context(), key); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	assertGone(t, s, key)
	if _, _, err := s.Get(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := s.Delete(t.Context(), key); err != nil {
		t.Errorf("Delete again: %v, want nil", err)
	}
	if err := s.Delete(t.Context(), p+"never-existed/x"); err != nil {
		t.Errorf("Delete of a key that never existed: %v, want nil", err)
	}
}

func testMissing(t *testing.T, s *blob.Store) {
	key := prefix(t) + "missing"
	if _, _, err := s.Get(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Get: %v, want ErrNotFound", err)
	}
	if _, err := s.Stat(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat: %v, want ErrNotFound", err)
	}
}

// testList lists more keys than fit in a page (7 per request), among
// siblings that share the prefix's first letters.
func testList(t *testing.T, s *blob.Store) {
	p := prefix(t)
	var want []string
	for i := range 30 {
		key := fmt.Sprintf("%sfile-%02d", p, i)
		if i%4 == 0 {
			key = fmt.Sprintf("%ssub/deeper/file-%02d", p, i)
		}
		want = append(want, key)
		mustPut(t, s, key, []byte(strings.Repeat("x", i)), "text/plain")
	}
	slices.Sort(want)
	siblings := []string{strings.TrimSuffix(p, "/") + "-other/file", strings.TrimSuffix(p, "/") + "x"}
	for _, key := range siblings {
		mustPut(t, s, key, []byte("not mine"), "text/plain")
	}

	paged := s.WithListPageSize(7)
	objs, err := paged.List(t.Context(), p)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var got []string
	for _, o := range objs {
		got = append(got, o.Key)
		var i int
		if _, err := fmt.Sscanf(o.Key[strings.LastIndex(o.Key, "-")+1:], "%d", &i); err != nil || o.Size != int64(i) || o.ETag == "" {
			t.Errorf("List entry %+v: want size %d and an ETag", o, i)
		}
		assertRecent(t, "List LastModified", o.LastModified)
	}
	if !slices.Equal(got, want) {
		t.Errorf("List(%q) =\n%q\nwant\n%q", p, got, want)
	}

	sub, err := paged.List(t.Context(), p+"sub/")
	if err != nil || len(sub) != 8 {
		t.Errorf("List(sub/) = %d objects, %v; want 8", len(sub), err)
	}
	none, err := s.List(t.Context(), p+"nothing-here/")
	if err != nil || len(none) != 0 {
		t.Errorf("List(empty prefix) = %v, %v; want no objects", none, err)
	}
}

// testUnusualKeys round-trips keys with spaces, accents, URL-special
// characters, and a long one.
func testUnusualKeys(t *testing.T, s *blob.Store) {
	p := prefix(t)
	// A long key, but within the embedded server's limit (222 bytes):
	// backend-specific tests cover longer ones.
	long := p + strings.Repeat("l", 100) + "/"
	long += strings.Repeat("e", 200-len(long))
	keys := []string{
		p + "dossiers/été 2025/offre (1).pdf",
		p + "a+b=c&d;e,f@g$h!i'j",
		p + "percent%20and%2Fslash",
		p + "日本語/ключ/Straße",
		p + "tilde~star*",
		long,
	}
	for i, key := range keys {
		data := []byte(fmt.Sprintf("object %d", i))
		mustPut(t, s, key, data, "text/plain")
		if got, _ := mustGet(t, s, key); string(got) != string(data) {
			t.Errorf("Get(%q) = %q, want %q", key, got, data)
		}
	}
	objs, err := s.List(t.Context(), p)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var got []string
	for _, o := range objs {
		got = append(got, o.Key)
	}
	want := slices.Sorted(slices.Values(keys))
	if !slices.Equal(got, want) {
		t.Errorf("List =\n%q\nwant\n%q", got, want)
	}
	for _, key := range keys {
		if err := s.Delete(t.Context(), key); err != nil {
			t.Errorf("Delete(%q): %v", key, err)
		}
		assertGone(t, s, key)
	}
}
