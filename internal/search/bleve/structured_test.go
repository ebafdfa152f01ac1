package bleve_test

import (
	"context"
	"slices"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// TestStructuredQuery checks how grouped terms score on the embedded
// engine: a word's alternatives count once (a document matching three
// translations of one word does not beat one matching two different
// words), documents matching more words rank first, term locations of
// every matched alternative are reported, and pages follow each other.
func TestStructuredQuery(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t)
	if err := e.EnsureIndex(ctx, "t", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	title := func(id string, lang domain.Language, s string) search.Document {
		return search.Document{ID: id, Kind: search.KindTender, Text: map[domain.Language]search.Text{lang: {Title: s}}}
	}
	docs := []search.Document{
		// Three translations of "nettoyage", none of "bureaux".
		title("many", domain.LangDE, "Reinigung Säuberung Putzen"),
		// One translation of each word.
		title("both", domain.LangDE, "Reinigung Büro"),
		title("none", domain.LangDE, "Straßenbau"),
	}
	for i := range 8 {
		docs = append(docs, title("other"+string(rune('a'+i)), domain.LangDE, "Reinigung"))
	}
	if err := e.Index(ctx, "t", docs); err != nil {
		t.Fatal(err)
	}
	terms := []search.LanguageTerms{
		{Lang: domain.LangFR, Boost: 1, Terms: []search.TermQuery{
			{Text: "nettoyage", Weight: 1, Groups: []int{1}},
			{Text: "bureaux", Weight: 1, Groups: []int{2}},
		}},
		{Lang: domain.LangDE, Boost: 0.8, Terms: []search.TermQuery{
			{Text: "reinigung", Weight: 0.7, Groups: []int{1}},
			{Text: "säuberung", Weight: 0.7, Groups: []int{1}},
			{Text: "putzen", Weight: 0.7, Groups: []int{1}},
			{Text: "büro", Weight: 0.5, Groups: []int{2}},
		}},
	}
	res, err := e.Search(ctx, "t", search.Query{Language: domain.LangFR, Terms: terms, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	if len(ids) != 10 || ids[0] != "both" || ids[1] != "many" || slices.Contains(ids, "none") {
		t.Fatalf("hits %v, want both first, then many, then the others, never none", ids)
	}
	if h := res.Hits[0]; h.MatchedLanguage != domain.LangDE || h.MatchedField != search.FieldTitle {
		t.Errorf("first hit matched %s in %s, want the German title", h.MatchedField, h.MatchedLanguage)
	}
	// Ungrouped, the same terms add up: "many" matches three clauses and
	// wins, which is what the groups are for.
	flat := make([]search.LanguageTerms, len(terms))
	for i, lt := range terms {
		flat[i] = lt
		flat[i].Terms = nil
		for _, tq := range lt.Terms {
			tq.Groups = nil
			flat[i].Terms = append(flat[i].Terms, tq)
		}
	}
	res, err = e.Search(ctx, "t", search.Query{Language: domain.LangFR, Terms: flat, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "many" {
		t.Errorf("ungrouped first hit %v, want many (the sum the groups avoid)", res.Hits)
	}
	// Pages of a structured query cover the same hits as one page.
	var paged []string
	q := search.Query{Language: domain.LangFR, Terms: terms, Limit: 3}
	for {
		res, err := e.Search(ctx, "t", q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			paged = append(paged, h.ID)
		}
		if res.NextCursor == "" {
			break
		}
		q.Cursor = res.NextCursor
	}
	if !slices.Equal(paged, ids) {
		t.Errorf("pages %v, want %v", paged, ids)
	}
}

// TestStructuredQueryCodes checks Query.Codes on the embedded engine: a
// document classified under a code the query names (or under a
// descendant) is found whatever its text, and ranks below one that has the
// code and the words; a code standing for no word of the query is ignored.
func TestStructuredQueryCodes(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t)
	if err := e.EnsureIndex(ctx, "t", search.Settings{}); err != nil {
		t.Fatal(err)
	}
	docs := []search.Document{
		{ID: "words", Kind: search.KindTender, CPV: search.CPVAncestors("90919200"), Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage des bureaux"}}},
		{ID: "code", Kind: search.KindTender, CPV: search.CPVAncestors("90919200"), Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Los 3"}}},
		{ID: "elsewhere", Kind: search.KindTender, CPV: search.CPVAncestors("45233140"), Text: map[domain.Language]search.Text{domain.LangDE: {Title: "Los 4"}}},
	}
	if err := e.Index(ctx, "t", docs); err != nil {
		t.Fatal(err)
	}
	terms := []search.LanguageTerms{{Lang: domain.LangFR, Boost: 1, Terms: []search.TermQuery{
		{Text: "nettoyage", Weight: 1, Groups: []int{1}},
		{Text: "bureaux", Weight: 1, Groups: []int{2}},
	}}}
	ids := func(codes []search.CodeTerm) []string {
		t.Helper()
		res, err := e.Search(ctx, "t", search.Query{Language: domain.LangFR, Terms: terms, Codes: codes})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	// 90910000 (cleaning services) is an ancestor of the documents' code.
	if got := ids([]search.CodeTerm{{Field: search.CodeCPV, Code: "90910000", Weight: 1, Groups: []int{1, 2}}}); !slices.Equal(got, []string{"words", "code"}) {
		t.Errorf("with the code: %v, want [words code]", got)
	}
	if got := ids([]search.CodeTerm{{Field: search.CodeCPV, Code: "90910000", Weight: 1, Groups: []int{7}}}); !slices.Equal(got, []string{"words"}) {
		t.Errorf("a code of no word: %v, want [words]", got)
	}
}
