package domain

// Labels is a name written in each supported language.
type Labels struct {
	EN, FR, DE, NL string
}

// In returns the label in l, the English one when l has none.
func (l Labels) In(lang Language) string {
	var s string
	switch lang {
	case LangFR:
		s = l.FR
	case LangDE:
		s = l.DE
	case LangNL:
		s = l.NL
	}
	if s == "" {
		return l.EN
	}
	return s
}

// CPVType is what a CPV code classifies: supplies, services or works
// (public procurement's three kinds of contract).
type CPVType string

// The CPV types.
const (
	CPVSupplies CPVType = "supplies"
	CPVServices CPVType = "services"
	CPVWorks    CPVType = "works"
)

// Valid reports whether t is one of the three types.
func (t CPVType) Valid() bool {
	return t == CPVSupplies || t == CPVServices || t == CPVWorks
}

// CPVCode is one code of the Common Procurement Vocabulary 2008 (main
// vocabulary), as imported from the EU's multilingual list.
type CPVCode struct {
	// Code is the full code with its check digit, "90911200-8".
	Code string
	// Code8 is the eight digits without the check digit, "90911200": the
	// key other records use.
	Code8 string
	// Level runs from 1 (division, XX000000) to 7 (the most precise codes).
	Level int
	// Parent is the Code8 of the code one level up ("" for a division).
	Parent string
	Type   CPVType
	Labels Labels
}
