package bleve

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	index "github.com/blevesearch/bleve_index_api"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Match details (which field and language matched, highlighted snippets)
// of the page's hits. Bleve finds them from the term positions stored in
// the index: asked for in the main pass, it collects them for every
// matching document; asked for in a second search restricted to the
// page, it still decodes, for each of the query's hundred terms, the
// positions of every posting on the way to each hit, half of a search's
// time. The page's hits are at most MaxLimit+1 short documents whose
// stored text the highlighter loads anyway: analysing that text again
// with the field's analyzer gives the same tokens, positions and offsets
// as at indexing, and so the same locations bleve would have returned.

// detailClause is one leaf of the text query in one field: a word (one
// term at offset 0) or a phrase (terms at their offsets from the first
// word; several terms at one offset are alternatives, an offset without
// term a removed stop word).
type detailClause struct {
	terms  [][]string
	phrase bool
}

// detailClauses are the text query's leaves by field, as textQuery builds
// them, analysed by each field's analyzer.
func detailClauses(q search.Query, s search.Settings, m mapping.IndexMapping) (map[string][]detailClause, error) {
	out := map[string][]detailClause{}
	add := func(field, text string, phrase bool) error {
		a := m.AnalyzerNamed(m.AnalyzerNameForPath(field))
		if a == nil {
			return fmt.Errorf("search: no analyzer for %s", field)
		}
		tokens := a.Analyze([]byte(text))
		if len(tokens) == 0 {
			return nil
		}
		if !phrase || len(tokens) == 1 {
			// A match query ORs its words (and a one-word phrase is the
			// word).
			for _, t := range tokens {
				out[field] = append(out[field], detailClause{terms: [][]string{{string(t.Term)}}})
			}
			return nil
		}
		c := detailClause{phrase: true, terms: make([][]string, tokens[len(tokens)-1].Position-tokens[0].Position+1)}
		for _, t := range tokens {
			off := t.Position - tokens[0].Position
			c.terms[off] = append(c.terms[off], string(t.Term))
		}
		out[field] = append(out[field], c)
		return nil
	}
	if len(q.Terms) > 0 {
		for _, lt := range q.Terms {
			for _, f := range search.Fields {
				for _, t := range lt.Terms {
					if err := add(textField(f, lt.Lang), t.Text, t.Phrase); err != nil {
						return nil, err
					}
				}
			}
		}
		return out, nil
	}
	texts := []string{q.Text}
	for _, word := range strings.Fields(strings.ToLower(q.Text)) {
		texts = append(texts, s.Synonyms[word]...)
	}
	for _, lang := range domain.Languages {
		for _, f := range search.Fields {
			for _, t := range texts {
				if err := add(textField(f, lang), t, false); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// fieldLocations finds the clauses' locations in one analysed value of a
// field: every occurrence of a word, and the words of every occurrence of
// a phrase (bleve's phrase searcher reports those only).
func fieldLocations(tlm bsearch.TermLocationMap, tokens *tokenList, ap []uint64, clauses []detailClause) {
	byPos := make(map[int]int, len(tokens.toks))
	for i, t := range tokens.toks {
		byPos[int(t.pos)] = i
	}
	addLoc := func(i int) {
		t := tokens.toks[i]
		term := tokens.term(i)
		loc := &bsearch.Location{Pos: uint64(t.pos), Start: uint64(t.start), End: uint64(t.end)}
		if len(ap) > 0 {
			loc.ArrayPositions = append(bsearch.ArrayPositions(nil), ap...)
		}
		for _, l := range tlm[term] {
			if l.Pos == loc.Pos && l.ArrayPositions.Equals(loc.ArrayPositions) {
				return
			}
		}
		tlm[term] = append(tlm[term], loc)
	}
	for _, c := range clauses {
		if !c.phrase {
			for i := range tokens.toks {
				if tokens.termIs(i, c.terms[0][0]) {
					addLoc(i)
				}
			}
			continue
		}
	starts:
		for _, first := range tokens.toks {
			path := make([]int, 0, len(c.terms))
			for off, alts := range c.terms {
				if len(alts) == 0 {
					continue // a removed stop word: any word stands there
				}
				i, ok := byPos[int(first.pos)+off]
				if !ok || !slices.ContainsFunc(alts, func(a string) bool { return tokens.termIs(i, a) }) {
					continue starts
				}
				path = append(path, i)
			}
			for _, i := range path {
				addLoc(i)
			}
		}
	}
}

// detailMemo keeps the match details of one text's hits (on one
// snapshot: it lives in the text's scoredMatches), so that the pages a
// text's searches come back to are not read and analysed again.
type detailMemo struct {
	once    sync.Once
	clauses map[string][]detailClause
	err     error

	mu   sync.Mutex
	hits map[detailKey]*hitDetails
	// bytes estimates what hits hold (counted in the cache's budget).
	bytes atomic.Int64
}

// detailMemoMax bounds the hits a memo keeps (a few hundred bytes each).
const detailMemoMax = 2000

type detailKey struct {
	id        string
	highlight bool
}

// chosenLocations are the locations of the one field where the text
// matched by search.PickMatch's rule (matched): what the answer shows of
// them. A memo keeping every field's locations (each term of the
// expansion, in the four languages' titles, descriptions and labels) held
// most of the server's heap, which the collector scanned again and again:
// each of its cycles took seconds, and the answers waited.
func chosenLocations(dm *bsearch.DocumentMatch, lang domain.Language) bsearch.FieldTermLocationMap {
	f, l := matched(dm, lang)
	if f == "" {
		return nil
	}
	field := textField(f, l)
	return bsearch.FieldTermLocationMap{field: dm.Locations[field]}
}

// hitDetails are what addMatchDetails sets on a hit; shared, only read.
// Their locations are those of the field the hit reports as matched
// (chosenLocations), which matched() finds again from them alone.
type hitDetails struct {
	locations bsearch.FieldTermLocationMap
	fragments bsearch.FieldFragmentMap
	kind      string
}

func (m *detailMemo) get(k detailKey) *hitDetails {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hits[k]
}

func (m *detailMemo) put(k detailKey, d *hitDetails) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.hits == nil {
		m.hits = map[detailKey]*hitDetails{}
	}
	if _, ok := m.hits[k]; !ok && len(m.hits) < detailMemoMax {
		m.hits[k] = d
		m.bytes.Add(d.size(k))
	}
}

// size estimates what d holds, with its key.
func (d *hitDetails) size(k detailKey) int64 {
	n := 160 + len(k.id) + len(d.kind)
	for field, terms := range d.locations {
		n += 48 + len(field)
		for term, locs := range terms {
			n += 48 + len(term)
			for _, l := range locs {
				n += 64 + 8*len(l.ArrayPositions)
			}
		}
	}
	for field, frags := range d.fragments {
		n += 48 + len(field)
		for _, f := range frags {
			n += 16 + len(f)
		}
	}
	return int64(n)
}

// addMatchDetails fills the locations (which field and language matched),
// the kind and, when asked, the highlighted fragments of the page's hits.
// memo, when not nil, keeps them for the next searches of the same text.
func addMatchDetails(ctx context.Context, idx bleve.Index, q search.Query, s search.Settings, hits bsearch.DocumentMatchCollection, memo *detailMemo) error {
	var clauses map[string][]detailClause
	var err error
	if memo != nil {
		memo.once.Do(func() { memo.clauses, memo.err = detailClauses(q, s, idx.Mapping()) })
		clauses, err = memo.clauses, memo.err
	} else {
		clauses, err = detailClauses(q, s, idx.Mapping())
	}
	if err != nil {
		return err
	}
	var highlighter interface {
		BestFragmentsInField(*bsearch.DocumentMatch, index.Document, string, int) []string
	}
	if q.Highlight {
		h, err := bleve.Config.Cache.HighlighterNamed(html.Name)
		if err != nil {
			return fmt.Errorf("search: highlighter: %w", err)
		}
		highlighter = h
	}
	adv, err := idx.Advanced()
	if err != nil {
		return searchError(ctx, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return searchError(ctx, err)
	}
	defer func() { _ = r.Close() }()
	m := idx.Mapping()
	for _, dm := range hits {
		if err := ctx.Err(); err != nil {
			return err
		}
		key := detailKey{id: dm.ID, highlight: q.Highlight}
		if memo != nil {
			if d := memo.get(key); d != nil {
				dm.Locations, dm.Fragments = d.locations, d.fragments
				if d.kind != "" {
					dm.AddFieldValue(fieldKind, d.kind)
				}
				continue
			}
		}
		doc, err := r.Document(dm.ID)
		if err != nil {
			return searchError(ctx, err)
		}
		if doc == nil {
			continue // deleted since the main pass
		}
		// The fields' values, read once; each field is analysed only when
		// needed: the highlighted ones, then in matched's order until a
		// field matches (the concept labels, in four languages, are most
		// of a document's words and rarely needed).
		values := map[string][]index.Field{}
		doc.VisitFields(func(f index.Field) {
			tf, ok := f.(index.TextField)
			switch {
			case !ok:
			case f.Name() == fieldKind:
				dm.AddFieldValue(fieldKind, tf.Text())
			case len(clauses[f.Name()]) > 0:
				values[f.Name()] = append(values[f.Name()], f)
			}
		})
		locs := bsearch.FieldTermLocationMap{}
		done := map[string]bool{}
		analyse := func(field string) bool {
			if !done[field] {
				done[field] = true
				if a := m.AnalyzerNamed(m.AnalyzerNameForPath(field)); a != nil && len(values[field]) > 0 {
					tlm := bsearch.TermLocationMap{}
					for _, f := range values[field] {
						tokens := analysedTexts.analyse(a, f.(index.TextField).Text())
						fieldLocations(tlm, tokens, f.ArrayPositions(), clauses[field])
					}
					for _, ls := range tlm {
						slices.SortFunc(ls, func(a, b *bsearch.Location) int {
							if c := slices.Compare(a.ArrayPositions, b.ArrayPositions); c != 0 {
								return c
							}
							return int(a.Pos) - int(b.Pos)
						})
					}
					if len(tlm) > 0 {
						locs[field] = tlm
					}
				}
			}
			return len(locs[field]) > 0
		}
		dm.Locations = locs
		if highlighter != nil {
			for _, lang := range domain.Languages {
				for _, f := range []search.Field{search.FieldTitle, search.FieldDescription} {
					// Bleve's highlighter gives a field without a match its
					// first words: every field is asked, as bleve does.
					field := textField(f, lang)
					analyse(field)
					highlighter.BestFragmentsInField(dm, doc, field, 1)
				}
			}
		}
		// The fields are analysed in the order of the rule matched applies,
		// until one matches: the others cannot change its choice.
		search.PickMatch(q.Language, func(f search.Field, l domain.Language) bool {
			return analyse(textField(f, l))
		})
		if memo != nil {
			kind, _ := dm.Fields[fieldKind].(string)
			memo.put(key, &hitDetails{locations: chosenLocations(dm, q.Language), fragments: dm.Fragments, kind: kind})
		}
	}
	return nil
}
