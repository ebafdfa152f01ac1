package store_test

import (
	"strings"
	"testing"

	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

func TestCPVCodesFactoryAndLookups(t *testing.T) {
	db := storetest.New(t)
	db.CPVCodes(t, "90911200-8", "45000000", "30192121-5", "90911300-9")
	if n, err := db.Store.CountCPVCodes(t.Context()); err != nil || n != 14 {
		// 90911200 and 90911300 with their 4 shared ancestors; 45000000;
		// 30192121 with its 6 ancestors.
		t.Fatalf("%d codes (%v), want 14", n, err)
	}
	c, chain, err := db.Store.GetCPVCode(t.Context(), "90911200-8")
	if err != nil || c.Code8 != "90911200" || c.Level != 5 || c.Type != "services" {
		t.Fatalf("%+v %v", c, err)
	}
	var got []string
	for _, p := range chain {
		got = append(got, p.Code)
	}
	if strings.Join(got, " ") != "90000000-7 90900000-6 90910000-9 90911000-6" {
		t.Errorf("chain %v", got)
	}
	missing, err := db.Store.CPVExists(t.Context(), []string{"45000000-7", "30192121", "45100000-8"})
	if err != nil || strings.Join(missing, ",") != "45100000-8" {
		t.Errorf("missing %v %v", missing, err)
	}
	page, next, err := db.Store.SearchCPVCodes(t.Context(), store.CPVSearch{Prefix: "9091", Words: []string{"cpv"}, Lang: "de"}, "", 2)
	if err != nil || len(page) != 2 || page[0].Code8 != "90910000" || next == "" {
		t.Fatalf("page %+v next %q %v", page, next, err)
	}
	page, next, err = db.Store.SearchCPVCodes(t.Context(), store.CPVSearch{Prefix: "9091", Lang: "de"}, next, 2)
	if err != nil || len(page) != 2 || page[0].Code8 != "90911200" || next != "" {
		t.Fatalf("second page %+v next %q %v", page, next, err)
	}
	if _, _, err := db.Store.SearchCPVCodes(t.Context(), store.CPVSearch{}, "not-a-cursor", 2); err == nil || !strings.Contains(err.Error(), "query.cursor") {
		t.Errorf("bad cursor: %v", err)
	}
}
