package storetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

var seq atomic.Int64

func next() int64 { return seq.Add(1) }

// OrganisationOptions fill what a test cares about; the rest gets defaults.
type OrganisationOptions struct {
	Kind      domain.OrganisationKind
	Country   string
	LegalName string
	TradeName string
	// Status defaults to active.
	Status string
}

// Organisation inserts an organisation built from opts.
func (db *DB) Organisation(tb testing.TB, opts OrganisationOptions) domain.Organisation {
	tb.Helper()
	o := domain.Organisation{Kind: opts.Kind, Country: opts.Country, LegalName: opts.LegalName, TradeName: opts.TradeName,
		Status: opts.Status}
	if o.Kind == "" {
		o.Kind = domain.OrgSSESupplier
	}
	if o.Country == "" {
		o.Country = "FR"
	}
	if o.LegalName == "" {
		o.LegalName = fmt.Sprintf("Atelier Test %d", next())
	}
	var out domain.Organisation
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		out, err = tx.CreateOrganisation(context.Background(), o)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: organisation: %v", err)
	}
	return out
}

// UserOptions fill what a test cares about; the rest gets defaults.
type UserOptions struct {
	Email        string
	DisplayName  string
	Language     domain.Language
	PlatformRole domain.PlatformRole
	// Organisation, when set, makes the user a member with Role (default owner).
	Organisation string
	Role         domain.MembershipRole
	// EmailVerified marks the email as confirmed.
	EmailVerified bool
}

// User inserts a user built from opts.
func (db *DB) User(tb testing.TB, opts UserOptions) domain.User {
	tb.Helper()
	n := next()
	u := domain.User{Email: opts.Email, DisplayName: opts.DisplayName, Language: opts.Language, PlatformRole: opts.PlatformRole}
	if u.Email == "" {
		u.Email = fmt.Sprintf("user%d@example.test", n)
	}
	if u.DisplayName == "" {
		u.DisplayName = fmt.Sprintf("User %d", n)
	}
	var out domain.User
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		if out, err = tx.CreateUser(context.Background(), u, ""); err != nil {
			return err
		}
		if opts.EmailVerified {
			if out, err = tx.MarkEmailVerified(context.Background(), out.ID, time.Now()); err != nil {
				return err
			}
		}
		if opts.Organisation == "" {
			return nil
		}
		role := opts.Role
		if role == "" {
			role = domain.RoleOwner
		}
		return tx.AddMembership(context.Background(), opts.Organisation, out.ID, role)
	})
	if err != nil {
		tb.Fatalf("storetest: user: %v", err)
	}
	return out
}

// SessionOptions fill what a test cares about; the rest gets defaults.
type SessionOptions struct {
	UserID string
	// IdleExpiresAt and AbsoluteExpiresAt default to one hour and one day from now.
	IdleExpiresAt, AbsoluteExpiresAt time.Time
	Token                            string
}

// Session inserts a session built from opts.
func (db *DB) Session(tb testing.TB, opts SessionOptions) domain.Session {
	tb.Helper()
	now := time.Now()
	s := domain.Session{UserID: opts.UserID, IdleExpiresAt: opts.IdleExpiresAt, AbsoluteExpiresAt: opts.AbsoluteExpiresAt}
	if s.UserID == "" {
		s.UserID = db.User(tb, UserOptions{}).ID
	}
	if s.IdleExpiresAt.IsZero() {
		s.IdleExpiresAt = now.Add(time.Hour)
	}
	if s.AbsoluteExpiresAt.IsZero() {
		s.AbsoluteExpiresAt = now.Add(24 * time.Hour)
	}
	token := opts.Token
	if token == "" {
		token = randomHex(16)
	}
	var out domain.Session
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		out, err = tx.CreateSession(context.Background(), s, token)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: session: %v", err)
	}
	return out
}
