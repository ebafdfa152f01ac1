package bleve

import (
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// The shape of a structured query, tuned on the dev set
// (shared/bench/search) with `passerelle search-eval`, every measure and
// language pair checked at each step.
const (
	// wordTie is what the other alternatives of a word add to the best
	// one within a field and language: 0 would be a pure dis-max; a
	// little more rewards a document naming the concept in two ways
	// ("Reinigung" and "Büroreinigung").
	wordTie = 0.5
	// coordPower shapes the coordination factor (words matched / words of
	// the query), which ranks documents matching more of the words first.
	// Over plain sums of the words' scores, the factor gained 0.18
	// known-item MRR@10 (a document matching one rare word of a long title
	// no longer outranks the one matching most of them); powers from 0.75
	// to 2 moved every measure by less than 0.01 once codes were named,
	// so it is the plain factor of a bleve disjunction.
	coordPower = 1
	// codeBoost weighs a classification code the query names (see
	// search.Query.Codes) against a word matched in a title (3): a
	// listing classified under what the buyer typed is about it, whatever
	// its title says. It is shared among the words the code stands for,
	// so that a code named by a four-word label does not count four
	// times. 16 lifted topic nDCG@10 by 0.1 and cross-language
	// recall@100 by 0.02 over no codes, for 0.002 of known-item MRR@10;
	// 20 cost same-language queries.
	codeBoost = 16
)

// structuredFieldBoost weighs the text fields in a structured query. The
// concept labels weigh more than in a plain text query: they are the
// same in every language (the bridge a listing gets from its CPV codes),
// and each word of the query now counts once, so that the labels no
// longer gain from matching many translations.
var structuredFieldBoost = map[search.Field]float64{
	search.FieldTitle:              3,
	search.FieldConcepts:           2,
	search.FieldDescription:        1,
	search.FieldTranslatedConcepts: 2 * translatedConceptsShare,
}

// translatedConceptsShare weighs the concept labels in a language a
// listing is not written in against its own labels: they bridge
// languages (a German buyer finds a French listing through the German
// label of its CPV code) but are a translation of its classification, so
// they weigh what a translation does, below the listing's own words. They
// are what carries a topic across languages: 0.9 costs topic nDCG@10
// 0.003 against 1 (with exactBoost), 0.75 costs 0.015, 0.5 costs 0.04 and
// takes it below the target.
const translatedConceptsShare = 0.9

// grouped reports whether any term names the query words it stands for.
func grouped(terms []search.LanguageTerms) bool {
	for _, lt := range terms {
		for _, t := range lt.Terms {
			if len(t.Groups) > 0 {
				return true
			}
		}
	}
	return false
}

// structuredQuery searches expanded terms as a structured query (Pirkola):
//
//   - for each word of the query, field and language, one dis-max over the
//     word's alternatives there (its typed form, compound parts,
//     translations, labels), so that a word counts once whatever the
//     number of its translations;
//   - a word's score is the sum of those over fields and languages (a
//     title and a concept label matching are two pieces of evidence; the
//     concept labels exist in every language);
//   - the query's score is the sum over its words times (words matched /
//     words)^coordPower, so that documents matching more of the words
//     rank first.
//
// Terms without a group are words of their own. Each leaf clause is
// weighted by field boost × language boost × term weight, so that typed
// words outweigh translations. A code (CPV code or sector the query
// names) is one more piece of evidence for each of the words it stands
// for, weighted by codeBoost × its weight.
func structuredQuery(terms []search.LanguageTerms, codes []search.CodeTerm) query.Query {
	type unit struct {
		field search.Field
		lang  domain.Language
	}
	words := map[int]map[unit][]query.Query{}
	memo := &analysisMemo{}
	next := 0 // the pseudo-groups of ungrouped terms, below zero
	for _, lt := range terms {
		for _, f := range search.Fields {
			for _, t := range lt.Terms {
				groups := t.Groups
				if len(groups) == 0 {
					next--
					groups = []int{next}
				}
				for _, g := range groups {
					if words[g] == nil {
						words[g] = map[unit][]query.Query{}
					}
					u := unit{f, lt.Lang}
					words[g][u] = append(words[g][u], termClause(t, f, lt.Lang, structuredFieldBoost[f]*lt.Boost, memo))
				}
			}
		}
	}
	for _, c := range codes {
		field := fieldCPV
		if c.Field == search.CodeSector {
			field = fieldSector
		}
		for _, g := range c.Groups {
			if words[g] == nil {
				continue // a code scores with the words it names, never alone
			}
			tq := bleve.NewTermQuery(c.Code)
			tq.SetField(field)
			tq.SetBoost(codeBoost * c.Weight / float64(len(c.Groups)))
			u := unit{search.Field("code:" + field), ""}
			words[g][u] = append(words[g][u], tq)
		}
	}
	ids := make([]int, 0, len(words))
	for g := range words {
		ids = append(ids, g)
	}
	sort.Ints(ids)
	var should []query.Query
	for _, g := range ids {
		units := make([]unit, 0, len(words[g]))
		for u := range words[g] {
			units = append(units, u)
		}
		sort.Slice(units, func(i, j int) bool {
			if units[i].field != units[j].field {
				return units[i].field < units[j].field
			}
			return units[i].lang < units[j].lang
		})
		var sum []query.Query
		for _, u := range units {
			if cs := words[g][u]; len(cs) == 1 {
				sum = append(sum, cs[0])
			} else {
				sum = append(sum, &disMaxQuery{clauses: cs, tie: wordTie})
			}
		}
		should = append(should, &disMaxQuery{clauses: sum, tie: 1})
	}
	return &disMaxQuery{clauses: should, tie: 1, coord: coordPower}
}

// termClause is the leaf query of one term in one language's field.
func termClause(t search.TermQuery, f search.Field, lang domain.Language, boost float64, memo *analysisMemo) query.Query {
	if t.Phrase {
		return &phraseQuery{text: t.Text, field: textField(f, lang), boost: boost * t.Weight}
	}
	return &wordQuery{text: t.Text, field: textField(f, lang), boost: boost * t.Weight, memo: memo}
}
