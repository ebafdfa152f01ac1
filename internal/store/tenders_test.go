package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestTenderDocumentsAndDeletions: the database refuses another
// organisation's document on a tender or a response, and the deletion of
// an attached document; deleting a supplier, then a buyer, removes their
// responses, tenders, links and documents together.
func TestTenderDocumentsAndDeletions(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now()
	buyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	supplier := db.Organisation(t, storetest.OrganisationOptions{})
	doc := func(orgID string, purpose domain.DocumentPurpose) domain.Document {
		var d domain.Document
		err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
			id := store.NewID()
			d, err = tx.CreateDocument(ctx, domain.Document{ID: id, OrganisationID: orgID, Purpose: purpose, Filename: "a.pdf",
				ContentType: domain.TypePDF, SizeBytes: 10, SHA256: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
				ObjectKey: "orgs/" + orgID + "/documents/" + id})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var tender domain.Tender
	var lot domain.TenderLot
	var response domain.Response
	err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
		tender, err = tx.CreateTender(ctx, domain.Tender{OrganisationID: buyer.ID, Kind: domain.TenderSourcing, OriginalLanguage: domain.LangNL,
			PlaceNUTS: "BE335", PlaceTown: "Eupen", QuestionsDeadline: now.Add(time.Hour), ResponsesDeadline: now.Add(2 * time.Hour),
			ResponseLanguages: []domain.Language{domain.LangNL, domain.LangDE},
			Texts:             []domain.TenderText{{Language: domain.LangNL, Title: "Catering", Original: true}}}, now)
		if err != nil {
			return err
		}
		if lot, err = tx.CreateTenderLot(ctx, domain.TenderLot{TenderID: tender.ID, Position: 1, Title: "Lunch", Currency: "EUR",
			Clauses: domain.LotClauses{ReservedParticipation: "res-ws", LegalBases: []domain.LegalBasis{"BE_2016_ART15"}}}, now); err != nil {
			return err
		}
		response, err = tx.CreateResponse(ctx, domain.Response{TenderID: tender.ID, LotID: lot.ID, OrganisationID: supplier.ID,
			Message: "Wij koken.", Currency: "EUR"}, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	inTx := func(fn func(tx *store.Tx) error) error { return db.Store.WithTx(ctx, fn) }
	attachTender := func(d domain.Document) error {
		return inTx(func(tx *store.Tx) error { _, err := tx.AttachTenderDocument(ctx, tender, d.ID, now); return err })
	}
	attachResponse := func(d domain.Document) error {
		return inTx(func(tx *store.Tx) error { _, err := tx.AttachResponseDocument(ctx, response, d.ID, now); return err })
	}
	if err := attachTender(doc(supplier.ID, domain.DocTenderDocument)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("another organisation's document on a tender: %v", err)
	}
	if err := attachTender(doc(buyer.ID, domain.DocLogo)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("a logo as tender document: %v", err)
	}
	if err := attachResponse(doc(buyer.ID, domain.DocResponseDocument)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("the buyer's document on a response: %v", err)
	}
	tenderDoc, responseDoc := doc(buyer.ID, domain.DocTenderDocument), doc(supplier.ID, domain.DocResponseDocument)
	if err := attachTender(tenderDoc); err != nil {
		t.Fatal(err)
	}
	if err := attachResponse(responseDoc); err != nil {
		t.Fatal(err)
	}
	for _, d := range []domain.Document{tenderDoc, responseDoc} {
		err := inTx(func(tx *store.Tx) error { _, err := tx.DeleteDocument(ctx, d.ID); return err })
		if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "detach it") {
			t.Errorf("deleting an attached %s: %v", d.Purpose, err)
		}
	}
	got, err := db.Store.GetTender(ctx, tender.ID)
	if err != nil || len(got.DocumentIDs) != 1 || len(got.Lots) != 1 || !slices.Equal(got.Lots[0].Clauses.LegalBases, []domain.LegalBasis{"BE_2016_ART15"}) {
		t.Fatalf("tender read back: %+v %v", got, err)
	}

	if _, err := db.Pool.Exec(ctx, "DELETE FROM organisations WHERE id = $1", supplier.ID); err != nil {
		t.Fatalf("deleting a supplier with a response: %v", err)
	}
	if _, err := db.Store.GetResponse(ctx, response.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the supplier's response survived it: %v", err)
	}
	if _, err := db.Pool.Exec(ctx, "DELETE FROM organisations WHERE id = $1", buyer.ID); err != nil {
		t.Fatalf("deleting a buyer with a tender: %v", err)
	}
	var left int
	if err := db.Pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM tenders) + (SELECT count(*) FROM tender_documents) + (SELECT count(*) FROM documents)").Scan(&left); err != nil || left != 0 {
		t.Errorf("rows left after deleting both organisations: %d %v", left, err)
	}
}
