package domain

// SectorGroup is a family of sectors of Passerelle's catalogue
// (package taxonomy), e.g. "cleaning".
type SectorGroup struct {
	Code    string
	Labels  Labels
	Sectors []Sector
}

// Sector is what a supplier does, in the words buyers look for it with:
// one entry of Passerelle's sector catalogue (package taxonomy).
type Sector struct {
	// Code is stable and namespaced by its group: "cleaning.offices".
	Code string
	// Group is the code of its group: "cleaning".
	Group  string
	Labels Labels
	// CPV are the CPV 2008 codes, in full ("90919200-4"), whose subtrees the
	// sector covers.
	CPV []string
}
