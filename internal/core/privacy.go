package core

import (
	"context"
	"sort"
	"strings"
	"time"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// DataExport is everything Passerelle stores about one user (GDPR art. 15
// and 20), as named JSON sections.
type DataExport struct {
	GeneratedAt time.Time
	UserID      string
	Sections    []store.ExportSection
}

// ExportData returns all the data of the signed-in user.
func (a *Accounts) ExportData(ctx context.Context, actor Actor) (DataExport, error) {
	if actor.UserID == "" {
		return DataExport{}, domain.ErrUnauthenticated
	}
	u, err := a.st.GetUser(ctx, actor.UserID)
	if err != nil {
		return DataExport{}, err
	}
	sections, err := a.st.ExportUserData(ctx, u.ID, u.Email)
	if err != nil {
		return DataExport{}, err
	}
	err = a.st.WithTx(ctx, func(tx *store.Tx) error {
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "user.data_exported", SubjectType: "user",
			SubjectID: actor.UserID, RequestID: actor.RequestID})
	})
	if err != nil {
		return DataExport{}, err
	}
	return DataExport{GeneratedAt: a.now(), UserID: actor.UserID, Sections: sections}, nil
}

// DeleteAccount erases the signed-in user (GDPR art. 17) once they have
// confirmed with their password: their personal data goes (profile,
// sessions, memberships, emailed links), the content of their
// organisations stays, and the audit entries by or about them stay without
// anything personal.
//
// The last owner of an organisation that has other members must first
// hand ownership over (ErrConflict naming the organisations): otherwise
// those members would be left with nobody able to manage it. A sole member
// may delete their account; the organisation's listings stay for the
// cluster to handle.
func (a *Accounts) DeleteAccount(ctx context.Context, actor Actor, password string) error {
	if actor.UserID == "" {
		return domain.ErrUnauthenticated
	}
	u, hash, err := a.userWithHash(ctx, actor.UserID)
	if err != nil {
		return err
	}
	// A stolen session must not be enough to erase an account: confirm with
	// the password, under the per-account login limit.
	email := strings.ToLower(u.Email)
	if err := a.check(ctx, "login_account", email, a.cfg.Limits.LoginPerAccount, 15*time.Minute); err != nil {
		return err
	}
	if auth.CheckPassword(hash, password) != nil {
		if _, _, err := a.st.HitRateLimit(ctx, "login_account", email, 15*time.Minute, a.now()); err != nil {
			return err
		}
		ve := &domain.ValidationError{}
		ve.Add("password", "wrong_password", "the password is wrong")
		return ve
	}
	return a.st.WithTx(ctx, func(tx *store.Tx) error {
		members, err := tx.LockMembershipsOfUserOrganisations(ctx, u.ID)
		if err != nil {
			return err
		}
		if blocked := lastOwnerOf(members, u.ID); len(blocked) > 0 {
			return domain.Msg{
				EN: "you are the last owner of %s: make another member owner first",
				FR: "pour %s, vous êtes l'unique propriétaire : nommez d'abord un autre membre propriétaire",
				DE: "für %s gibt es außer Ihnen keinen Inhaber: Machen Sie zuerst ein anderes Mitglied zum Inhaber",
				NL: "u bent de laatste eigenaar van %s: maak eerst een ander lid eigenaar",
			}.Wrap(domain.ErrConflict, strings.Join(blocked, ", "))
		}
		left := 0
		for _, m := range members {
			if m.UserID == u.ID {
				left++
			}
		}
		if err := tx.EraseUser(ctx, u.ID, email); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{Action: "user.deleted", SubjectType: "user", SubjectID: u.ID,
			After: map[string]any{"organisations_left": left}, RequestID: actor.RequestID})
	})
}

// lastOwnerOf names the organisations where userID is the only owner while
// other people are members.
func lastOwnerOf(members []store.OrganisationMember, userID string) []string {
	type counts struct {
		name                 string
		isOwner              bool
		otherOwners, members int
	}
	byOrg := map[string]*counts{}
	for _, m := range members {
		c := byOrg[m.OrganisationID]
		if c == nil {
			c = &counts{name: m.OrganisationName}
			byOrg[m.OrganisationID] = c
		}
		switch {
		case m.UserID == userID:
			c.isOwner = m.Role == domain.RoleOwner
		case m.Role == domain.RoleOwner:
			c.otherOwners++
			c.members++
		default:
			c.members++
		}
	}
	var names []string
	for _, c := range byOrg {
		if c.isOwner && c.otherOwners == 0 && c.members > 0 {
			names = append(names, c.name)
		}
	}
	sort.Strings(names)
	return names
}
