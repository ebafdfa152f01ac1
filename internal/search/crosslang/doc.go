// Package crosslang expands a search query written in one of Passerelle's
// four languages (fr, de, en, nl) into weighted terms in all four, so that a
// search engine can run one query per language and find listings written in
// another language than the buyer's.
//
// It is engine-independent on purpose: Bleve and Meilisearch both take the
// same Expansion. Its sources, strongest first:
//   - the procurement lexicon, aligned from the multilingual labels of CPV,
//     NACE and the product's sector catalogue (label-level: a whole label
//     maps to its translations; word-level: "reinigung" ↔ "nettoyage" from
//     co-occurrence across thousands of labels);
//   - the FreeDict bilingual dictionaries (dictd files under
//     /usr/share/dictd, Debian packages dict-freedict-*).
//
// Text analysis (tokenizer, folding, stop words, light stemmers, German and
// Dutch compound splitting, language detection) lives here too, because the
// expansion's quality depends on analysing queries and labels the same way.
package crosslang
