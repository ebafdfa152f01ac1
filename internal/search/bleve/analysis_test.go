package bleve_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/search/bleve"
)

// TestSnippetsMarkTheMatchedWordsAfterAccents: accents are folded without
// moving the offsets, so a word after "ö" or "é" is marked whole (a char
// filter folding the text before the tokenizer marked "wöchentlich<mark>e
// Reinigu</mark>ng").
func TestSnippetsMarkTheMatchedWordsAfterAccents(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	if err := e.EnsureIndex(ctx, "listings", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	docs := []search.Document{
		{ID: "de", Kind: search.KindOffer, PublishedAt: time.Now(), Text: map[domain.Language]search.Text{
			domain.LangDE: {Title: "Büroreinigung", Description: "Wöchentliche Reinigung Ihrer Büros und Säle"}}},
		{ID: "fr", Kind: search.KindOffer, PublishedAt: time.Now(), Text: map[domain.Language]search.Text{
			domain.LangFR: {Title: "Entretien", Description: "Propreté des bâtiments, électricité et nettoyage des bureaux"}}},
	}
	if err := e.Index(ctx, "listings", docs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text  string
		lang  domain.Language
		field string
		want  []string
	}{
		{"Reinigung Büros", domain.LangDE, "description_de", []string{"<mark>Reinigung</mark>", "<mark>Büros</mark>"}},
		{"nettoyage bureaux electricite", domain.LangFR, "description_fr", []string{"<mark>nettoyage</mark>", "<mark>bureaux</mark>", "<mark>électricité</mark>"}},
	} {
		res, err := e.Search(ctx, "listings", search.Query{Text: c.text, Language: c.lang, Highlight: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 {
			t.Fatalf("%q: %d hits", c.text, len(res.Hits))
		}
		snippet := res.Hits[0].Snippets[c.field]
		for _, w := range c.want {
			if !strings.Contains(snippet, w) {
				t.Errorf("%q: snippet %q lacks %q", c.text, snippet, w)
			}
		}
	}
}

// TestIndexOfAnOlderMappingStartsAfresh: an index built before the current
// analysis (its registry entry records an older mapping version) is
// replaced by an empty one when ensured, so that no document stays
// analysed the old way; reconciliation then fills it again.
func TestIndexOfAnOlderMappingStartsAfresh(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	e, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.EnsureIndex(ctx, "listings", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	doc := search.Document{ID: "a", Kind: search.KindSupplier, PublishedAt: time.Now(),
		Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Werkstatt"}}}
	if err := e.Index(ctx, "listings", []search.Document{doc}); err != nil {
		t.Fatal(err)
	}
	count := func(e *bleve.Engine) int {
		t.Helper()
		res, err := e.Search(ctx, "listings", search.Query{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	// Reopened as it is, the index keeps its documents.
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if e, err = bleve.Open(dir); err != nil {
		t.Fatal(err)
	}
	if err := e.EnsureIndex(ctx, "listings", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	if n := count(e); n != 1 {
		t.Fatalf("same mapping: %d documents, want 1", n)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	// The registry as an older version wrote it: no mapping version.
	path := filepath.Join(dir, "indexes.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var reg map[string]map[string]any
	if err := json.Unmarshal(b, &reg); err != nil {
		t.Fatal(err)
	}
	delete(reg["listings"], "mapping")
	old, _ := reg["listings"]["dir"].(string)
	if b, err = json.Marshal(reg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o640); err != nil {
		t.Fatal(err)
	}
	if e, err = bleve.Open(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	if n := count(e); n != 1 {
		t.Fatalf("before EnsureIndex: %d documents, want the old one", n)
	}
	if err := e.EnsureIndex(ctx, "listings", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	if n := count(e); n != 0 {
		t.Fatalf("older mapping: %d documents, want a fresh index", n)
	}
	if _, err := os.Stat(filepath.Join(dir, old)); !os.IsNotExist(err) {
		t.Fatalf("the old index's folder %s is still there: %v", old, err)
	}
}
