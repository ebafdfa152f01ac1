package core

import (
	"context"
	"errors"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// ImportCPV stores CPV codes (read by taxonomy.ReadCPV), inserting new
// codes and updating changed ones in one transaction with an audit entry;
// running it again with the same file changes nothing. Codes missing from
// the file are kept: offers and tenders may still name them.
func ImportCPV(ctx context.Context, st *store.Store, codes []domain.CPVCode) (store.CPVImport, error) {
	var n store.CPVImport
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if n, err = tx.UpsertCPVCodes(ctx, codes); err != nil {
			return err
		}
		if n.Inserted == 0 && n.Updated == 0 {
			return nil
		}
		return tx.Audit(ctx, domain.AuditEntry{Action: "cpv_codes.imported", SubjectType: "cpv_codes", SubjectID: "all",
			After: map[string]any{"inserted": n.Inserted, "updated": n.Updated, "unchanged": n.Unchanged}})
	})
	return n, err
}

// Taxonomy serves the CPV codes imported by `passerelle import-cpv`. (The
// sector catalogue needs no use case: it is package taxonomy's data.)
type Taxonomy struct {
	st *store.Store
}

// NewTaxonomy builds the taxonomy use cases.
func NewTaxonomy(st *store.Store) *Taxonomy {
	return &Taxonomy{st: st}
}

// CPVQuery is a search of the CPV list; every part is optional.
type CPVQuery struct {
	// Text is either words looked for in the labels of Lang (all of them,
	// in any order, case and accents ignored) or, when it is a code or the
	// beginning of one ("9091", "90911200-8"), a code prefix.
	Text string
	// Prefix: codes beginning with these digits (1 to 8).
	Prefix string
	// Level: 1 (divisions) to 7; 0 for any.
	Level int
	Lang  domain.Language
}

// MaxCPVQuery bounds the search text.
const MaxCPVQuery = 200

// SearchCPV returns a page of codes matching q, by code; an empty query
// lists the whole vocabulary. Anyone may search.
func (t *Taxonomy) SearchCPV(ctx context.Context, q CPVQuery, cursor string, limit int32) ([]domain.CPVCode, string, error) {
	ve := &domain.ValidationError{}
	prefix := strings.TrimSpace(q.Prefix)
	if !isCodePrefix(prefix) {
		ve.AddLocalized("query.prefix", "invalid", domain.Msg{
			EN: "the prefix must be 1 to 8 digits of a CPV code (e.g. 9091)",
			FR: "le préfixe doit compter de 1 à 8 chiffres d'un code CPV (p. ex. 9091)",
			DE: "das Präfix muss aus 1 bis 8 Ziffern eines CPV-Codes bestehen (z. B. 9091)",
			NL: "het voorvoegsel moet uit 1 tot 8 cijfers van een CPV-code bestaan (bv. 9091)",
		}.With())
	}
	if q.Level < 0 || q.Level > 7 {
		ve.AddLocalized("query.level", "invalid", domain.Msg{
			EN: "the level must be 1 (divisions) to 7",
			FR: "le niveau doit être compris entre 1 (divisions) et 7",
			DE: "die Ebene muss zwischen 1 (Abteilungen) und 7 liegen",
			NL: "het niveau moet tussen 1 (afdelingen) en 7 liggen",
		}.With())
	}
	if len([]rune(q.Text)) > MaxCPVQuery {
		ve.AddLocalized("query.q", "too_long", domain.Msg{
			EN: "the search text must be at most %d characters",
			FR: "le texte recherché ne doit pas dépasser %d caractères",
			DE: "der Suchtext darf höchstens %d Zeichen haben",
			NL: "de zoektekst mag hoogstens %d tekens hebben",
		}.With(MaxCPVQuery))
	}
	if err := ve.Err(); err != nil {
		return nil, "", err
	}
	search := store.CPVSearch{Prefix: prefix, Level: q.Level, Lang: q.Lang}
	text := strings.TrimSpace(q.Text)
	if code, ok := textAsCode(text); ok {
		// A code typed in the search box narrows the prefix; one that
		// contradicts the prefix parameter finds nothing.
		switch {
		case strings.HasPrefix(code, prefix):
			search.Prefix = code
		case !strings.HasPrefix(prefix, code):
			return []domain.CPVCode{}, "", nil
		}
	} else {
		search.Words = taxonomy.SearchWords(text)
	}
	return t.st.SearchCPVCodes(ctx, search, cursor, limit)
}

// CPV returns a code, named by its eight digits or in full with its check
// digit, with its parent chain from the division down. A malformed code or
// a wrong check digit is a field error; a well-formed code that is not
// imported is domain.ErrNotFound.
func (t *Taxonomy) CPV(ctx context.Context, code string) (domain.CPVCode, []domain.CPVCode, error) {
	code8, ok := taxonomy.NormalizeCPV(code)
	if !ok {
		ve := &domain.ValidationError{}
		ve.AddLocalized("path.code", "invalid", domain.Msg{
			EN: "%q is not a CPV code: 8 digits, then a hyphen and the right check digit (e.g. 90911200-8)",
			FR: "%q n'est pas un code CPV : 8 chiffres, puis un tiret et le bon chiffre de contrôle (p. ex. 90911200-8)",
			DE: "%q ist kein CPV-Code: 8 Ziffern, dann ein Bindestrich und die richtige Prüfziffer (z. B. 90911200-8)",
			NL: "%q is geen CPV-code: 8 cijfers, dan een koppelteken en het juiste controlecijfer (bv. 90911200-8)",
		}.With(code))
		return domain.CPVCode{}, nil, ve
	}
	c, chain, err := t.st.GetCPVCode(ctx, code8)
	if errors.Is(err, domain.ErrNotFound) {
		return c, nil, domain.Msg{
			EN: "The CPV code %s is not in the imported list.",
			FR: "Le code CPV %s ne figure pas dans la liste importée.",
			DE: "Der CPV-Code %s ist nicht in der importierten Liste.",
			NL: "De CPV-code %s staat niet in de geïmporteerde lijst.",
		}.Wrap(domain.ErrNotFound, taxonomy.FullCPV(code8))
	}
	return c, chain, err
}

// isCodePrefix reports whether s is "" or 1 to 8 digits.
func isCodePrefix(s string) bool {
	return len(s) <= 8 && strings.Trim(s, "0123456789") == ""
}

// textAsCode reads a search text that is a CPV code or its beginning:
// digits, possibly a full code with its check digit (which is dropped).
func textAsCode(text string) (string, bool) {
	if code8, ok := taxonomy.NormalizeCPV(text); ok && len(text) > 8 {
		return code8, true
	}
	if text != "" && isCodePrefix(text) {
		return text, true
	}
	return "", false
}
