package web_test

import (
	"net/http"
	"testing"

	"passerelle/internal/store/storetest"
)

// TestOpenDataPagesAreIndexed: /statistics and /developers are public
// pages with a title in the reader's language and a canonical URL.
func TestOpenDataPagesAreIndexed(t *testing.T) {
	db := storetest.New(t)
	h := newHandler(t, db, 0)
	for path, want := range map[string]string{
		"/statistics": "Öffentliche Statistik · Passerelle",
		"/developers": "API-Dokumentation · Passerelle",
	} {
		rec := get(h, path, "de-DE")
		hd := parseHead(t, rec.Body.String())
		if rec.Code != http.StatusOK || hd.Title != want || hd.Lang != "de" || hd.Canonical != base+path ||
			hd.Alternates["fr"] != base+path+"?lang=fr" || hd.Robots != "" {
			t.Errorf("%s: %d %+v", path, rec.Code, hd)
		}
	}
}
