package storetest

import (
	"context"
	"strings"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// CPVCodes stores the given CPV codes (in full, "90911200-8", or as eight
// digits) with every ancestor their digits imply, so that a test can name
// them in offers or tenders without importing the official list. Labels are
// placeholders ("CPV 90911200-8" in every language) and the type is
// services, except for the 45 division (works) and divisions below 45
// (supplies), as in the real vocabulary; a test about labels imports the
// real file instead (taxonomytest.DataFile).
func (db *DB) CPVCodes(tb testing.TB, codes ...string) {
	tb.Helper()
	byCode8 := map[string]domain.CPVCode{}
	for _, code := range codes {
		code8, ok := taxonomy.NormalizeCPV(code)
		if !ok {
			tb.Fatalf("storetest: %q is not a valid CPV code", code)
		}
		// The code, then each shorter stem padded with zeros, up to its division.
		for stem := code8[:taxonomy.CPVLevel(code8)+1]; len(stem) >= 2; stem = stem[:len(stem)-1] {
			c8 := stem + strings.Repeat("0", 8-len(stem))
			if _, seen := byCode8[c8]; seen {
				continue
			}
			level := taxonomy.CPVLevel(c8)
			c := domain.CPVCode{Code: taxonomy.FullCPV(c8), Code8: c8, Level: level, Type: cpvTypeOf(c8)}
			if level > 1 {
				parentStem := c8[:level] // one digit shorter than the code's own stem
				c.Parent = parentStem + strings.Repeat("0", 8-len(parentStem))
			}
			label := "CPV " + c.Code
			c.Labels = domain.Labels{EN: label, FR: label, DE: label, NL: label}
			byCode8[c8] = c
		}
	}
	list := make([]domain.CPVCode, 0, len(byCode8))
	for _, c := range byCode8 {
		list = append(list, c)
	}
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.UpsertCPVCodes(context.Background(), list)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: CPV codes: %v", err)
	}
}

// cpvTypeOf follows the vocabulary's layout: divisions below 45 are
// supplies, 45 is works, those above services.
func cpvTypeOf(code8 string) domain.CPVType {
	switch {
	case code8[:2] < "45":
		return domain.CPVSupplies
	case code8[:2] == "45":
		return domain.CPVWorks
	}
	return domain.CPVServices
}
