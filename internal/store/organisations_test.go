package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

func TestGetOrganisationsByIDMatchesGetOrganisation(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	// Children are given out of order and the organisations interleave, so
	// a batch that grouped or sorted them wrongly would show.
	specs := []domain.Organisation{
		{Descriptions: []domain.LocalizedText{{Lang: "nl", Text: "Werkplaats"}, {Lang: "de", Text: "Werkstatt"}, {Lang: "fr", Text: "Atelier"}},
			Identifiers: []domain.LegalIdentifier{{Kind: legalid.FRVAT, Value: "FR12345678901"}, {Kind: legalid.FRSIRET, Value: "12345678900011"}, {Kind: legalid.FRSIREN, Value: "123456789"}}},
		{},
		{Country: "BE", Descriptions: []domain.LocalizedText{{Lang: "fr", Text: "Entreprise"}, {Lang: "en", Text: "Enterprise"}},
			Identifiers: []domain.LegalIdentifier{{Kind: legalid.BEVAT, Value: "BE0123456789"}, {Kind: legalid.BEEnterprise, Value: "0123456789"}}},
		{Descriptions: []domain.LocalizedText{{Lang: "en", Text: "Only English"}}},
	}
	var ids []string
	err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		for i, o := range specs {
			o.Kind = domain.OrgPublicBuyer
			if o.Country == "" {
				o.Country = "FR"
			}
			o.LegalName = fmt.Sprintf("Organisation %d", i)
			created, err := tx.CreateOrganisation(ctx, o)
			if err != nil {
				return err
			}
			ids = append(ids, created.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	unknown := store.NewID()
	upper := strings.ToUpper(ids[2])
	asked := []string{ids[3], "not-a-uuid", ids[0], unknown, ids[1], ids[0], ids[2], "", upper}

	got, err := db.Store.GetOrganisationsByID(ctx, asked)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]domain.Organisation{}
	for _, id := range append(ids, upper) {
		o, err := db.Store.GetOrganisation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = o
	}
	if len(want[ids[0]].Descriptions) != 3 || len(want[ids[0]].Identifiers) != 3 {
		t.Fatalf("fixture: %+v", want[ids[0]])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GetOrganisationsByID differs from GetOrganisation:\n got %+v\nwant %+v", got, want)
	}

	none, err := db.Store.GetOrganisationsByID(ctx, []string{unknown, "nope"})
	if err != nil || len(none) != 0 {
		t.Errorf("unknown and malformed ids: %v %+v", err, none)
	}
	empty, err := db.Store.GetOrganisationsByID(ctx, nil)
	if err != nil || empty == nil || len(empty) != 0 {
		t.Errorf("no ids: %v %#v", err, empty)
	}
}
