package domain

import "testing"

func TestLabelsIn(t *testing.T) {
	l := Labels{EN: "Building-cleaning services", FR: "Services de nettoyage de bâtiments", DE: "Gebäudereinigung", NL: ""}
	for lang, want := range map[Language]string{
		LangEN: "Building-cleaning services", LangFR: "Services de nettoyage de bâtiments", LangDE: "Gebäudereinigung",
		LangNL: "Building-cleaning services", // missing: English
		"es":   "Building-cleaning services",
	} {
		if got := l.In(lang); got != want {
			t.Errorf("In(%s) = %q, want %q", lang, got, want)
		}
	}
}

func TestCPVTypeValid(t *testing.T) {
	for typ, want := range map[CPVType]bool{CPVSupplies: true, CPVServices: true, CPVWorks: true, "goods": false, "": false, "Services": false} {
		if got := typ.Valid(); got != want {
			t.Errorf("%q.Valid() = %v", typ, got)
		}
	}
}
