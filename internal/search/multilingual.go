package search

import (
	"context"
	"strings"
	"sync"

	"passerelle/internal/domain"
	"passerelle/internal/search/crosslang"
	"passerelle/internal/taxonomy"
)

// Multilingual searches an index across languages: it expands the user's
// text with crosslang into weighted terms in the four languages and runs
// them as one engine query (Query.Terms), so that a buyer typing in French
// finds listings written in German. Scores come from the engine; the
// expansion decides the weights: words the user typed weigh 1, translations
// less (and the other languages can be boosted below the query's own,
// crosslang.Options.TranslationBoost), so that exact and same-language
// matches rank first; every term names the words of the query it stands
// for (TermQuery.Groups), so that an engine can score a word and its
// translations as one. It is engine-independent: any Engine runs it.
type Multilingual struct {
	Engine   Engine
	Index    string
	Expander *crosslang.Expander
	// Options tune the expansion; Off searches the query's own language
	// only (the baseline cross-language help is measured against). Zero
	// TranslationBoost and MaxTerms take the defaults below.
	Options crosslang.Options

	// memo keeps the expansions of recent texts (expandMemo).
	memo expandMemo
}

// expansion is what Search takes from an expansion: shared between the
// searches of one text, only read.
type expansion struct {
	lang     domain.Language
	detected bool
	terms    []LanguageTerms
	codes    []CodeTerm
}

// expandMemoMax bounds the texts whose expansion is kept, per generation:
// a text and its expansion are a few kilobytes.
const expandMemoMax = 4096

// expandMemo keeps the expansions of the texts searched recently, in two
// generations (a full one becomes the previous; a text found there comes
// back): a search page sends one text again and again (filters, pages),
// and expanding it is a twentieth of a search's time. Options and the
// expander do not change once searching has begun.
type expandMemo struct {
	mu       sync.Mutex
	cur, old map[expandKey]*expansion
}

type expandKey struct {
	text string
	lang domain.Language
}

// expanded returns the expansion of text typed in lang (empty: detected).
func (m *Multilingual) expanded(text string, lang domain.Language) *expansion {
	k := expandKey{text, lang}
	m.memo.mu.Lock()
	e, ok := m.memo.cur[k]
	if !ok {
		if e, ok = m.memo.old[k]; ok {
			m.memo.addLocked(k, e)
		}
	}
	m.memo.mu.Unlock()
	if ok {
		return e
	}
	exp := m.Expand(text, lang)
	e = &expansion{lang: exp.Lang, detected: exp.Detected, terms: languageTerms(exp), codes: m.Codes(exp)}
	m.memo.mu.Lock()
	m.memo.addLocked(k, e)
	m.memo.mu.Unlock()
	return e
}

func (c *expandMemo) addLocked(k expandKey, e *expansion) {
	if c.cur == nil || len(c.cur) >= expandMemoMax {
		c.old, c.cur = c.cur, make(map[expandKey]*expansion)
	}
	c.cur[k] = e
}

// Defaults of Multilingual, tuned on the dev set (shared/bench/search) with
// `passerelle search-eval`. The expansion is searched as a structured
// query (every term names the query words it stands for, and Bleve scores
// each word by its best alternative), so a word's translations no longer
// add up and the languages the query was translated into need no boost
// below its own: 1 rather than 0.8 gains 0.02 known-item MRR@10 and costs
// the same-language queries nothing, typed words still outweighing every
// translation through the term weights (1 against at most 0.9). Keeping
// up to the query's cap of terms per language rather than 24 gains 0.05
// (long titles translate into many terms).
const (
	DefaultTranslationBoost = 1
	DefaultMaxTerms         = MaxTermsPerLanguage
)

// MultilingualResult is a page of hits with what the expansion decided.
type MultilingualResult struct {
	Result
	// Language is the query's language, given or detected.
	Language domain.Language
	// Detected reports that Language was guessed from the text.
	Detected bool
	// Translated says, per hit (same order as Hits), that the text matched
	// through a translation and not the typed words (Hit.Translated): in
	// another language than Language (a translation of the query, or a
	// name carried across languages), or only through concept labels in a
	// language the listing is not written in (a translation of its
	// classification).
	Translated []bool
}

// Search runs q: q.Text is expanded from q.Language (detected when empty)
// into q.Terms; every other part of q (filters, sort, facets, cursor)
// passes unchanged. A query without text, or whose words are all stop
// words, runs as it is.
func (m *Multilingual) Search(ctx context.Context, q Query) (MultilingualResult, error) {
	var out MultilingualResult
	q.Terms, q.Codes = nil, nil
	if q.Text != "" && len(q.Text) <= MaxQueryTextLen {
		e := m.expanded(q.Text, q.Language)
		out.Language, out.Detected = e.lang, e.detected
		q.Language = e.lang
		q.Terms, q.Codes = e.terms, e.codes
	}
	res, err := m.Engine.Search(ctx, m.Index, q)
	if err != nil {
		return MultilingualResult{}, err
	}
	out.Result = res
	out.Translated = make([]bool, len(res.Hits))
	for i, h := range res.Hits {
		out.Translated[i] = h.Translated(out.Language)
	}
	return out, nil
}

// Expand is the expansion Search runs for text typed in lang (detected
// when empty), with the defaults filled in: what a diagnostic prints to
// show why a query finds what it finds.
func (m *Multilingual) Expand(text string, lang domain.Language) crosslang.Expansion {
	opts := m.Options
	if opts.TranslationBoost <= 0 {
		opts.TranslationBoost = DefaultTranslationBoost
	}
	if opts.MaxTerms <= 0 {
		opts.MaxTerms = DefaultMaxTerms
	}
	return m.Expander.Expand(text, lang, opts)
}

// Codes converts the concepts the expansion matched into the codes
// documents carry: a CPV code as it is; a sector as its own code and the
// CPV codes it covers (so that a listing classified by CPV only is found
// by the sector's name). NACE activities classify no listing (they only
// feed the lexicon), nor do the catalogue's groups of sectors.
// Search sends them as Query.Codes; exported for diagnostics.
func (m *Multilingual) Codes(exp crosslang.Expansion) []CodeTerm {
	var out []CodeTerm
	words := 0
	for _, lq := range exp.Queries {
		for _, t := range lq.Terms {
			for _, g := range t.Groups {
				words = max(words, g)
			}
		}
	}
	seen := map[string]bool{}
	add := func(f CodeField, code string, groups []int, weight float64) {
		if len(out) == MaxCodeTerms || code == "" || len(code) > MaxCodeLen || seen[string(f)+":"+code] || words == 0 {
			return
		}
		seen[string(f)+":"+code] = true
		// A code named by the whole query is its topic; one named by a
		// word of a long title is a detail of it.
		share := float64(len(groups)) / float64(words)
		w := share * share * weight
		out = append(out, CodeTerm{Field: f, Code: code, Weight: min(w, 1), Groups: groups[:min(len(groups), MaxTermGroups)]})
	}
	for _, c := range exp.Concepts {
		kind, code, _ := strings.Cut(c.ID, ":")
		switch CodeField(kind) {
		case CodeCPV:
			add(CodeCPV, code, c.Groups, c.Weight)
		case CodeSector:
			s, ok := taxonomy.Sector(code)
			if !ok {
				continue
			}
			add(CodeSector, code, c.Groups, c.Weight)
			for _, cpv := range s.CPV {
				if code8, ok := taxonomy.NormalizeCPV(cpv); ok {
					add(CodeCPV, code8, c.Groups, c.Weight)
				}
			}
		}
	}
	return out
}

// languageTerms converts an expansion into the engine's terms, keeping
// within the query bounds.
func languageTerms(exp crosslang.Expansion) []LanguageTerms {
	var out []LanguageTerms
	for _, lq := range exp.Queries {
		lt := LanguageTerms{Lang: lq.Lang, Boost: min(lq.Boost, MaxLanguageBoost)}
		for _, t := range lq.Terms {
			if len(lt.Terms) == MaxTermsPerLanguage {
				break
			}
			if t.Weight <= 0 || len(t.Text) > MaxQueryTextLen {
				continue
			}
			lt.Terms = append(lt.Terms, TermQuery{Text: t.Text, Phrase: t.Phrase, Weight: min(t.Weight, 1), Groups: t.Groups[:min(len(t.Groups), MaxTermGroups)]})
		}
		if len(lt.Terms) > 0 && lt.Boost > 0 {
			out = append(out, lt)
		}
	}
	return out
}
