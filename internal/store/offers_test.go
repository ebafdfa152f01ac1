package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestOfferSchema keeps the migration's lists in step with the domain's
// and checks what the database itself refuses: documents of another
// organisation or purpose, unknown regions, the deletion of a shown
// document; deleting the organisation removes everything together.
func TestOfferSchema(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	org := db.Organisation(t, storetest.OrganisationOptions{})
	other := db.Organisation(t, storetest.OrganisationOptions{})
	write := func(fn func(tx *store.Tx) error) error { return db.Store.WithTx(ctx, fn) }
	fields := domain.OfferFields{Type: domain.OfferWorks, Language: domain.LangNL, Title: "Schilderwerken", Description: "Binnen en buiten.",
		Translations: []domain.OfferText{{Lang: domain.LangFR, Title: "Peinture", Description: "Intérieur et extérieur."}},
		Area:         domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: 25}}
	var offer domain.Offer
	if err := write(func(tx *store.Tx) (err error) {
		offer, err = tx.CreateOffer(ctx, domain.Offer{OrganisationID: org.ID, OfferFields: fields}, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if offer.State != domain.OfferDraft || offer.Title != "Schilderwerken" || len(offer.Translations) != 1 || offer.Area.RadiusKM != 25 {
		t.Fatalf("created: %+v", offer)
	}
	for _, st := range domain.OfferStates() {
		o := offer
		now := time.Now()
		o.State, o.SubmittedAt, o.PublishedAt = st, &now, &now
		switch st {
		case domain.OfferRejected, domain.OfferChangesRequested:
			o.DecisionReason = "reason"
		case domain.OfferArchived:
			o.ArchivedAt = &now
		}
		if err := write(func(tx *store.Tx) error { _, err := tx.SaveOffer(ctx, o, now); return err }); err != nil {
			t.Errorf("state %s: %v", st, err)
		}
	}
	for name, change := range map[string]func(*domain.Offer){
		"unknown state":       func(o *domain.Offer) { o.State = "sold" },
		"unknown type":        func(o *domain.Offer) { o.Type = "goods" },
		"radius without km":   func(o *domain.Offer) { o.Area = domain.OfferArea{Mode: domain.AreaRadius} },
		"unknown region":      func(o *domain.Offer) { o.Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: []string{"FRZ99"}} },
		"rejected, no reason": func(o *domain.Offer) { o.State, o.DecisionReason, o.ArchivedAt = domain.OfferRejected, "", nil },
	} {
		o := offer
		change(&o)
		err := write(func(tx *store.Tx) error { _, err := tx.SaveOffer(ctx, o, time.Now()); return err })
		var ve *domain.ValidationError
		if !errors.As(err, &ve) && !errors.Is(err, domain.ErrConflict) {
			t.Errorf("%s: stored (%v)", name, err)
		}
	}

	doc := func(orgID string, purpose domain.DocumentPurpose) domain.Document {
		var d domain.Document
		if err := write(func(tx *store.Tx) (err error) {
			id := store.NewID()
			d, err = tx.CreateDocument(ctx, domain.Document{ID: id, OrganisationID: orgID, Purpose: purpose, Filename: "a.png",
				ContentType: domain.TypePNG, SizeBytes: 10, SHA256: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
				ObjectKey: "orgs/" + orgID + "/documents/" + id})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	attach := func(d domain.Document) error {
		return write(func(tx *store.Tx) error { _, err := tx.AttachOfferDocument(ctx, offer, d, time.Now()); return err })
	}
	if err := attach(doc(other.ID, domain.DocOfferPhoto)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("a photo of another organisation: %v", err)
	}
	if err := attach(doc(org.ID, domain.DocLogo)); err == nil {
		t.Error("a logo attached to an offer")
	}
	photo, sheet := doc(org.ID, domain.DocOfferPhoto), doc(org.ID, domain.DocOther)
	if err := attach(photo); err != nil {
		t.Fatal(err)
	}
	if err := attach(sheet); err != nil {
		t.Fatal(err)
	}
	got, err := db.Store.GetOffer(ctx, offer.ID)
	if err != nil || len(got.Documents) != 2 || got.Documents[0].DocumentID != photo.ID || got.Documents[1].Position != 1 {
		t.Fatalf("documents: %+v %v", got.Documents, err)
	}
	err = write(func(tx *store.Tx) error { _, err := tx.DeleteDocument(ctx, photo.ID); return err })
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("deleting a shown photo: %v", err)
	}
	if _, err := db.Pool.Exec(ctx, "DELETE FROM organisations WHERE id = $1", org.ID); err != nil {
		t.Fatalf("deleting an organisation with offers: %v", err)
	}
	if _, err := db.Store.GetOffer(ctx, offer.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the offer outlived its organisation: %v", err)
	}
}
