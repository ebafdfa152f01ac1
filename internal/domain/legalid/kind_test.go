package legalid

import (
	"slices"
	"testing"
)

func TestKindsFor(t *testing.T) {
	for _, c := range []struct {
		country string
		want    []Kind
	}{
		{"FR", []Kind{FRSIRET, FRSIREN, FRVAT}},
		{"fr", []Kind{FRSIRET, FRSIREN, FRVAT}},
		{"DE", []Kind{DEHandelsregister, DEVAT}},
		{"BE", []Kind{BEEnterprise, BEVAT}},
		{" lu ", []Kind{LURCS, LUVAT}},
		{"NL", nil},
		{"IT", nil},
		{"", nil},
	} {
		if got := KindsFor(c.country); !slices.Equal(got, c.want) {
			t.Errorf("KindsFor(%q) = %v, want %v", c.country, got, c.want)
		}
	}
}

func TestEveryKindBelongsToOneCountry(t *testing.T) {
	for _, k := range Kinds() {
		if !k.Valid() {
			t.Errorf("%s must be valid", k)
		}
		n := 0
		for _, c := range []string{"FR", "DE", "BE", "LU"} {
			if slices.Contains(KindsFor(c), k) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is listed for %d countries, want 1", k, n)
		}
	}
	if Kind("it_piva").Valid() {
		t.Error("unknown kinds must be invalid")
	}
}
