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

func TestMain(m *testing.M) { storetest.Main(m) }

func TestEmailUniqueIgnoringCase(t *testing.T) {
	db := storetest.New(t)
	db.User(t, storetest.UserOptions{Email: "Anne@Example.test"})
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.CreateUser(context.Background(), domain.User{Email: "anne@example.TEST", DisplayName: "Anne"}, "")
		return err
	})
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("want ErrConflict, got %v", err)
	}
	u, err := db.Store.GetUserByEmail(context.Background(), "ANNE@example.test")
	if err != nil || u.Email != "Anne@Example.test" {
		t.Fatalf("lookup ignoring case: %v %+v", err, u)
	}
}

func TestConstraints(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	cases := map[string]func(tx *store.Tx) error{
		"unknown organisation kind": func(tx *store.Tx) error {
			_, err := tx.CreateOrganisation(ctx, domain.Organisation{Kind: "buyer", Country: "FR", LegalName: "X"})
			return err
		},
		"lower-case country": func(tx *store.Tx) error {
			_, err := tx.CreateOrganisation(ctx, domain.Organisation{Kind: domain.OrgPublicBuyer, Country: "fr", LegalName: "X"})
			return err
		},
		"blank legal name": func(tx *store.Tx) error {
			_, err := tx.CreateOrganisation(ctx, domain.Organisation{Kind: domain.OrgPublicBuyer, Country: "FR", LegalName: "  "})
			return err
		},
		"unknown language": func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, domain.User{Email: "a@b.test", DisplayName: "A", Language: "it"}, "")
			return err
		},
		"bad audit action": func(tx *store.Tx) error {
			return tx.Audit(ctx, domain.AuditEntry{Action: "Nope", SubjectType: "organisation", SubjectID: "x"})
		},
	}
	for name, fn := range cases {
		t.Run(name, func(t *testing.T) {
			err := db.Store.WithTx(ctx, fn)
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a validation error, got %v", err)
			}
		})
	}
	t.Run("membership of a missing organisation", func(t *testing.T) {
		u := db.User(t, storetest.UserOptions{})
		err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
			return tx.AddMembership(ctx, store.NewID(), u.ID, domain.RoleOwner)
		})
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("want ErrConflict, got %v", err)
		}
	})
}

func TestAuditRecordsBeforeAndAfter(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	u := db.User(t, storetest.UserOptions{})
	org := db.Organisation(t, storetest.OrganisationOptions{})
	err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
		return tx.Audit(ctx, domain.AuditEntry{
			ActorUserID: u.ID, Action: "organisation.renamed", SubjectType: "organisation", SubjectID: org.ID,
			OrganisationID: org.ID, Before: map[string]string{"legal_name": "A"}, After: map[string]string{"legal_name": "B"},
			RequestID: "req-1",
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Store.ListAudit(ctx, "organisation", org.ID, 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("got %v %v", rows, err)
	}
	if string(rows[0].Before) != `{"legal_name": "A"}` || string(rows[0].After) != `{"legal_name": "B"}` || rows[0].ActorKind != "user" {
		t.Fatalf("unexpected row %+v (before %s after %s)", rows[0], rows[0].Before, rows[0].After)
	}
}

func TestDeleteExpiredSessions(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Now()
	live := db.Session(t, storetest.SessionOptions{Token: "live"})
	db.Session(t, storetest.SessionOptions{Token: "idle", IdleExpiresAt: now.Add(-time.Minute)})
	db.Session(t, storetest.SessionOptions{Token: "old", IdleExpiresAt: now.Add(-2 * time.Hour), AbsoluteExpiresAt: now.Add(-time.Hour)})
	if _, err := db.Store.GetSessionByToken(ctx, "idle", now); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("an idle-expired session must not be found, got %v", err)
	}
	n, err := db.Store.DeleteExpiredSessions(ctx, now)
	if err != nil || n != 2 {
		t.Fatalf("deleted %d, %v; want 2", n, err)
	}
	got, err := db.Store.GetSessionByToken(ctx, "live", now)
	if err != nil || got.ID != live.ID {
		t.Fatalf("live session lost: %v", err)
	}
}
