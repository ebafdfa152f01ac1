package taxonomy

import (
	"slices"
	"strings"
	"sync"

	"passerelle/internal/domain"
)

// sectors is the catalogue with its index, built once on first use.
var sectors = sync.OnceValue(func() sectorIndex {
	groups := catalogue()
	idx := sectorIndex{groups: groups, byCode: map[string]domain.Sector{}}
	for _, g := range groups {
		for _, s := range g.Sectors {
			idx.byCode[s.Code] = s
			idx.prefixes = append(idx.prefixes, sectorPrefixes{code: s.Code, prefixes: CPVPrefixes(s)})
		}
	}
	return idx
})

type sectorIndex struct {
	groups []domain.SectorGroup
	byCode map[string]domain.Sector
	// prefixes are every sector's CPVPrefixes, in catalogue order.
	prefixes []sectorPrefixes
}

type sectorPrefixes struct {
	code     string
	prefixes []string
}

// group builds a group of the catalogue, namespacing its sectors' codes.
func group(code string, labels domain.Labels, members ...domain.Sector) domain.SectorGroup {
	for i := range members {
		members[i].Group = code
		members[i].Code = code + "." + members[i].Code
	}
	return domain.SectorGroup{Code: code, Labels: labels, Sectors: members}
}

// sector builds a sector of the catalogue; group sets its full code.
func sector(code string, labels domain.Labels, cpv ...string) domain.Sector {
	return domain.Sector{Code: code, Labels: labels, CPV: cpv}
}

// SectorGroups returns the sector catalogue: about twenty groups of
// sectors, in the order buyers browse them. The result is the caller's to
// change.
func SectorGroups() []domain.SectorGroup {
	groups := slices.Clone(sectors().groups)
	for i := range groups {
		groups[i].Sectors = slices.Clone(groups[i].Sectors)
		for j := range groups[i].Sectors {
			groups[i].Sectors[j].CPV = slices.Clone(groups[i].Sectors[j].CPV)
		}
	}
	return groups
}

// Sector returns the sector of the catalogue with code ("cleaning.offices").
func Sector(code string) (domain.Sector, bool) {
	s, ok := sectors().byCode[code]
	s.CPV = slices.Clone(s.CPV)
	return s, ok
}

// SectorsForCPV returns the sectors that cover a CPV code (eight digits or
// in full with its check digit), in catalogue order: those with a CPV code
// of which it is the code itself or a descendant. "90919200-4" (office
// cleaning) falls in cleaning.offices; the broader "90910000-9" (cleaning
// services) in none, since it does not say which kind. nil for a code that
// is not well-formed.
func SectorsForCPV(code string) []domain.Sector {
	codes := SectorCodesForCPV(code)
	if codes == nil {
		return nil
	}
	out := make([]domain.Sector, len(codes))
	for i, c := range codes {
		out[i], _ = Sector(c)
	}
	return out
}

// SectorCodesForCPV returns the codes of SectorsForCPV(code), in the same
// order, without copying the sectors: the search reads them for every CPV
// code of every hit.
func SectorCodesForCPV(code string) []string {
	code8, ok := NormalizeCPV(code)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range sectors().prefixes {
		for _, p := range s.prefixes {
			if strings.HasPrefix(code8, p) {
				out = append(out, s.code)
				break
			}
		}
	}
	return out
}

// CPVPrefixes returns the digits that begin every CPV code a sector covers
// ("90919200-4" → "909192"): what a database search of codes by sector
// looks for with LIKE 'prefix%'.
func CPVPrefixes(s domain.Sector) []string {
	out := make([]string, 0, len(s.CPV))
	for _, c := range s.CPV {
		if len(c) >= 8 {
			out = append(out, cpvStem(c[:8]))
		}
	}
	return out
}
