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

// TestSSEStatusTypesMatchSchema keeps the migration's list of types in step
// with the domain's: every known type can be stored, an unknown one cannot.
func TestSSEStatusTypesMatchSchema(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	org := db.Organisation(t, storetest.OrganisationOptions{})
	until := domain.Day(time.Now().AddDate(1, 0, 0))
	for _, typ := range domain.SSEStatusTypes() {
		err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateSSEStatus(ctx, domain.SSEStatus{OrganisationID: org.ID, Type: typ, RegistrationNumber: "N-1", ValidUntil: until}, time.Now())
			return err
		})
		if err != nil {
			t.Errorf("%s: %v", typ, err)
		}
	}
	err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.CreateSSEStatus(ctx, domain.SSEStatus{OrganisationID: org.ID, Type: "fr_unknown", RegistrationNumber: "N-1", ValidUntil: until}, time.Now())
		return err
	})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("an unknown type must be refused by the schema, got %v", err)
	}
}

// TestSSEEvidenceSameOrganisationAndPurpose checks that the database
// itself refuses evidence of another organisation or purpose, and the
// deletion of a document that is evidence.
func TestSSEEvidenceSameOrganisationAndPurpose(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	org := db.Organisation(t, storetest.OrganisationOptions{})
	other := db.Organisation(t, storetest.OrganisationOptions{})
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
	var status domain.SSEStatus
	err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
		status, err = tx.CreateSSEStatus(ctx, domain.SSEStatus{OrganisationID: org.ID, Type: domain.SSEFrEA, RegistrationNumber: "EA-1",
			ValidUntil: domain.Day(time.Now().AddDate(1, 0, 0))}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	attach := func(d domain.Document) error {
		return db.Store.WithTx(ctx, func(tx *store.Tx) error {
			_, err := tx.AttachSSEEvidence(ctx, status, d.ID, time.Now())
			return err
		})
	}
	if err := attach(doc(other.ID, domain.DocSSEEvidence)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("evidence of another organisation: want ErrConflict, got %v", err)
	}
	if err := attach(doc(org.ID, domain.DocLogo)); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("a logo as evidence: want ErrConflict, got %v", err)
	}
	evidence := doc(org.ID, domain.DocSSEEvidence)
	if err := attach(evidence); err != nil {
		t.Fatal(err)
	}
	err = db.Store.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.DeleteDocument(ctx, evidence.ID)
		return err
	})
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("deleting evidence: want ErrConflict, got %v", err)
	}
	got, err := db.Store.GetSSEStatus(ctx, status.ID)
	if err != nil || len(got.EvidenceIDs) != 1 || got.EvidenceIDs[0] != evidence.ID {
		t.Fatalf("status after refused deletion: %+v %v", got, err)
	}

	// Deleting the organisation removes statuses, links and documents together.
	if _, err := db.Pool.Exec(ctx, "DELETE FROM organisations WHERE id = $1", org.ID); err != nil {
		t.Fatalf("deleting an organisation with evidence: %v", err)
	}
}
