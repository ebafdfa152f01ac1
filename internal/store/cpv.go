package store

import (
	"context"
	"encoding/base64"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
	"passerelle/internal/taxonomy"
)

// CPVImport counts what an import of CPV codes changed.
type CPVImport struct {
	Inserted, Updated, Unchanged int
}

// UpsertCPVCodes inserts or updates codes by code8 in one statement, in the
// transaction; rows identical to what is stored are left alone. Parents may
// come after their children: the foreign key is checked at commit.
func (t *Tx) UpsertCPVCodes(ctx context.Context, codes []domain.CPVCode) (CPVImport, error) {
	p := sqlc.UpsertCPVCodesParams{}
	for _, c := range codes {
		p.Code8 = append(p.Code8, c.Code8)
		p.Code = append(p.Code, c.Code)
		p.Level = append(p.Level, int16(c.Level))
		p.Parent = append(p.Parent, c.Parent)
		p.Type = append(p.Type, string(c.Type))
		p.LabelFr = append(p.LabelFr, c.Labels.FR)
		p.LabelDe = append(p.LabelDe, c.Labels.DE)
		p.LabelEn = append(p.LabelEn, c.Labels.EN)
		p.LabelNl = append(p.LabelNl, c.Labels.NL)
		p.SearchFr = append(p.SearchFr, taxonomy.Fold(c.Labels.FR))
		p.SearchDe = append(p.SearchDe, taxonomy.Fold(c.Labels.DE))
		p.SearchEn = append(p.SearchEn, taxonomy.Fold(c.Labels.EN))
		p.SearchNl = append(p.SearchNl, taxonomy.Fold(c.Labels.NL))
	}
	changed, err := t.q.UpsertCPVCodes(ctx, p)
	if err != nil {
		return CPVImport{}, mapError(err)
	}
	n := CPVImport{Unchanged: len(codes) - len(changed)}
	for _, inserted := range changed {
		if inserted {
			n.Inserted++
		} else {
			n.Updated++
		}
	}
	return n, nil
}

// CountCPVCodes returns how many CPV codes are imported.
func (s *Store) CountCPVCodes(ctx context.Context) (int64, error) {
	n, err := s.q.CountCPVCodes(ctx)
	return n, mapError(err)
}

// GetCPVCode returns a code, named by its eight digits or in full with its
// check digit, and its parent chain from the division down; or
// domain.ErrNotFound.
func (s *Store) GetCPVCode(ctx context.Context, code string) (domain.CPVCode, []domain.CPVCode, error) {
	row, err := s.q.GetCPVCode(ctx, code)
	if err != nil {
		return domain.CPVCode{}, nil, mapError(err)
	}
	rows, err := s.q.ListCPVAncestors(ctx, row.Code8)
	if err != nil {
		return domain.CPVCode{}, nil, mapError(err)
	}
	chain := make([]domain.CPVCode, len(rows))
	for i, r := range rows {
		chain[i] = cpvFromRow(sqlc.CpvCode(r)) // same columns, a type of its own
	}
	return cpvFromRow(row), chain, nil
}

// CPVSearch is what SearchCPVCodes looks for; every part is optional.
type CPVSearch struct {
	// Prefix: codes whose eight digits begin with these digits.
	Prefix string
	// Level: codes of this level (1–7), 0 for any.
	Level int
	// Words: codes whose label in Lang contains each of these folded
	// words (see taxonomy.SearchWords).
	Words []string
	Lang  domain.Language
}

// SearchCPVCodes returns up to limit codes matching q, by code, after
// cursor (from a previous page; "" for the first); next is the cursor of
// the following page, "" after the last one.
func (s *Store) SearchCPVCodes(ctx context.Context, q CPVSearch, cursor string, limit int32) (page []domain.CPVCode, next string, err error) {
	after, err := decodeCPVCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	words := q.Words
	if words == nil {
		words = []string{}
	}
	rows, err := s.q.SearchCPVCodes(ctx, sqlc.SearchCPVCodesParams{
		Prefix: q.Prefix, Level: int32(q.Level), After: after, Words: words, Lang: string(q.Lang), RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.CpvCode) string { return encodeCPVCursor(r.Code8) })
	page = make([]domain.CPVCode, len(rows))
	for i, r := range rows {
		page[i] = cpvFromRow(r)
	}
	return page, next, nil
}

// CPVExists returns those of codes (eight digits, or full codes with their
// check digit) that are not imported, in the order given: offers and
// tenders accept a CPV code only once the list is imported and has it.
func (s *Store) CPVExists(ctx context.Context, codes []string) (missing []string, err error) {
	if len(codes) == 0 {
		return nil, nil
	}
	missing, err = s.q.MissingCPVCodes(ctx, codes)
	return missing, mapError(err)
}

func cpvFromRow(r sqlc.CpvCode) domain.CPVCode {
	return domain.CPVCode{Code: r.Code, Code8: r.Code8, Level: int(r.Level), Parent: deref(r.Parent), Type: domain.CPVType(r.Type),
		Labels: domain.Labels{FR: r.LabelFr, DE: r.LabelDe, EN: r.LabelEn, NL: r.LabelNl}}
}

// A CPV list is ordered by code, so its cursor is the last code8 of a
// page, opaque to clients like every cursor (base64url of "cpv|code8").
const cpvCursorTag = "cpv|"

func encodeCPVCursor(code8 string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cpvCursorTag + code8))
}

func decodeCPVCursor(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	code8, ok := strings.CutPrefix(string(raw), cpvCursorTag)
	if err != nil || !ok || len(code8) != 8 || strings.Trim(code8, "0123456789") != "" {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.cursor", "invalid", domain.Msg{
			EN: "this cursor was not returned by this list: start again without it",
			FR: "ce curseur ne vient pas de cette liste : recommencez sans lui",
			DE: "dieser Cursor stammt nicht aus dieser Liste: beginnen Sie ohne ihn von vorn",
			NL: "deze cursor komt niet uit deze lijst: begin opnieuw zonder",
		}.With())
		return "", ve
	}
	return code8, nil
}
