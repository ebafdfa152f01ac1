package core

import (
	"context"
	"fmt"
	"slices"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// Offers and tenders are classified by the product's sectors
// (taxonomy.Sector) and by CPV codes. A CPV code is accepted only with the
// check digit of the official list (taxonomy.ValidCPV, which knows the
// codes published with another digit) and only once the list is imported
// (`passerelle import-cpv`): "offers and tenders may carry CPV codes once
// imported".

// canonicalCPV writes each readable CPV code in full ("90911200",
// "909112008" → "90911200-8"), leaving unreadable ones as sent so that the
// field error quotes them.
func canonicalCPV(codes []string) []string {
	out := slices.Clone(codes)
	for i, c := range out {
		if code8, ok := taxonomy.NormalizeCPV(c); ok {
			out[i] = taxonomy.FullCPV(code8)
		}
	}
	return out
}

// checkClassification adds to ve a field error for each sector that is
// not in the catalogue and each CPV code that has a wrong check digit or
// is not in the imported list; sectorsField and cpvField are the JSON
// paths of the lists ("body.sectors").
func checkClassification(ctx context.Context, st *store.Store, ve *domain.ValidationError,
	sectorsField string, sectors []string, cpvField string, cpv []string) error {
	for i, s := range sectors {
		if _, ok := taxonomy.Sector(s); !ok {
			ve.AddLocalized(fmt.Sprintf("%s[%d]", sectorsField, i), "unknown", msgUnknownSector.With(s))
		}
	}
	var known []string
	at := map[string][]int{}
	for i, c := range cpv {
		if !taxonomy.ValidCPV(c) {
			ve.AddLocalized(fmt.Sprintf("%s[%d]", cpvField, i), "invalid", msgCPVCheckDigit.With(c))
			continue
		}
		if _, seen := at[c]; !seen {
			known = append(known, c)
		}
		at[c] = append(at[c], i)
	}
	missing, err := st.CPVExists(ctx, known)
	if err != nil {
		return err
	}
	for _, m := range missing {
		for _, i := range at[m] {
			ve.AddLocalized(fmt.Sprintf("%s[%d]", cpvField, i), "unknown", msgUnknownCPV.With(m))
		}
	}
	return nil
}

var (
	msgUnknownSector = domain.Msg{
		EN: "%q is not a sector of the catalogue (GET /api/v1/sectors)",
		FR: "%q n'est pas un secteur du catalogue (GET /api/v1/sectors)",
		DE: "%q ist keine Branche des Katalogs (GET /api/v1/sectors)",
		NL: "%q is geen sector van de catalogus (GET /api/v1/sectors)"}
	msgCPVCheckDigit = domain.Msg{
		EN: "%q is not a CPV code with its right check digit (e.g. 90911200-8)",
		FR: "%q n'est pas un code CPV avec son chiffre de contrôle correct (par ex. 90911200-8)",
		DE: "%q ist kein CPV-Code mit seiner richtigen Prüfziffer (z. B. 90911200-8)",
		NL: "%q is geen CPV-code met het juiste controlecijfer (bv. 90911200-8)"}
	msgUnknownCPV = domain.Msg{
		EN: "%q is not in the CPV list loaded on Passerelle",
		FR: "%q ne figure pas dans la liste CPV chargée sur Passerelle",
		DE: "%q ist nicht in der auf Passerelle geladenen CPV-Liste",
		NL: "%q staat niet in de CPV-lijst die op Passerelle is geladen"}
)
