package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestSavedSearchAlertLocksOnlyUnchanged: the alert of a saved search
// locks it only if it is as its search saw it; once alerted or edited
// meanwhile, the alert skips it.
func TestSavedSearchAlertLocksOnlyUnchanged(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	u := db.User(t, storetest.UserOptions{})
	var saved domain.SavedSearch
	err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
		saved, err = tx.InsertSavedSearch(ctx, domain.SavedSearch{UserID: u.ID, Name: "Vélos", Query: "q=velo",
			Lang: domain.LangFR, Alerts: true}, now.Add(-time.Hour))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lock := func(seen domain.SavedSearch) bool {
		t.Helper()
		var ok bool
		if err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
			ok, err = tx.LockSavedSearchUnchanged(ctx, seen)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	seen, due, err := db.Store.SavedSearchDue(ctx, saved.ID, now)
	if err != nil || !due {
		t.Fatalf("due: %v %v", due, err)
	}
	if !lock(seen) {
		t.Fatal("an unchanged saved search is not locked")
	}
	// Edited meanwhile (the name only: its window stays).
	edited := seen
	edited.Name = "Vélos cargo"
	if err := db.Store.WithTx(ctx, func(tx *store.Tx) (err error) {
		_, err = tx.UpdateSavedSearch(ctx, edited, now.Add(-time.Minute))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if lock(seen) {
		t.Error("a saved search edited meanwhile is locked for an alert")
	}
	// Alerted meanwhile by another run.
	seen, _, _ = db.Store.SavedSearchDue(ctx, saved.ID, now)
	if err := db.Store.WithTx(ctx, func(tx *store.Tx) error { return tx.SetSavedSearchAlerted(ctx, saved.ID, now) }); err != nil {
		t.Fatal(err)
	}
	if lock(seen) {
		t.Error("a saved search alerted meanwhile is locked again")
	}
	if _, due, err := db.Store.SavedSearchDue(ctx, saved.ID, now); err != nil || due {
		t.Errorf("still due after its alert: %v %v", due, err)
	}
}
