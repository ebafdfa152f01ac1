package store

import (
	"context"
	"encoding/json"
	"fmt"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// ExportSection is one part of a user's data export: a name and the rows,
// as JSON.
type ExportSection struct {
	Name string
	Data json.RawMessage
}

// ExportUserData gathers everything stored about a user, section by
// section, in one consistent snapshot (a read-only repeatable-read
// transaction). A new table holding personal data adds a section here.
func (s *Store) ExportUserData(ctx context.Context, userID, email string) ([]ExportSection, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	var out []ExportSection
	err = s.WithSnapshot(ctx, func(tx *Tx) error {
		sections := []struct {
			name  string
			query func() ([]byte, error)
		}{
			{"profile", func() ([]byte, error) { return tx.q.ExportUserProfile(ctx, uid) }},
			{"memberships", func() ([]byte, error) { return tx.q.ExportUserMemberships(ctx, uid) }},
			{"sessions", func() ([]byte, error) { return tx.q.ExportUserSessions(ctx, uid) }},
			{"emailed_links", func() ([]byte, error) { return tx.q.ExportUserTokens(ctx, uid) }},
			{"invitations", func() ([]byte, error) {
				return tx.q.ExportUserInvitations(ctx, sqlc.ExportUserInvitationsParams{UserID: uid, Email: email})
			}},
			{"documents_uploaded", func() ([]byte, error) { return tx.q.ExportUserDocuments(ctx, &uid) }},
			{"audit_log", func() ([]byte, error) { return tx.q.ExportUserAudit(ctx, uid) }},
			{"saved_searches", func() ([]byte, error) { return tx.q.ExportUserSavedSearches(ctx, uid) }},
		}
		for _, sec := range sections {
			b, err := sec.query()
			if err != nil {
				return fmt.Errorf("store: export %s: %w", sec.name, mapError(err))
			}
			out = append(out, ExportSection{Name: sec.name, Data: b})
		}
		return nil
	})
	return out, err
}

// OrganisationMember is one membership row, locked for a decision.
type OrganisationMember struct {
	OrganisationID, OrganisationName, UserID string
	Role                                     domain.MembershipRole
}

// LockMembershipsOfUserOrganisations locks and returns every membership of
// every organisation userID belongs to.
func (t *Tx) LockMembershipsOfUserOrganisations(ctx context.Context, userID string) ([]OrganisationMember, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return nil, err
	}
	rows, err := t.q.LockMembershipsOfUserOrganisations(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]OrganisationMember, len(rows))
	for i, r := range rows {
		out[i] = OrganisationMember{OrganisationID: r.OrganisationID.String(), OrganisationName: r.LegalName,
			UserID: r.UserID.String(), Role: domain.MembershipRole(r.Role)}
	}
	return out, nil
}

// personalAuditKeys are the keys of audit before/after states that hold
// personal data; erasure removes them.
var personalAuditKeys = []string{"email", "new_email", "old_email", "display_name", "name", "ip", "user_agent", "phone"}

// EraseUser deletes a user and what is theirs alone (sessions, emailed
// links, memberships, invitations addressed to them, rate-limit counters
// on their email), and strips
// personal data from the audit entries by or about them, which stay with
// their actor unlinked. Content of organisations (documents they
// uploaded…) stays, unattributed.
func (t *Tx) EraseUser(ctx context.Context, userID, email string) error {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	if _, err := t.q.AnonymizeUserAudit(ctx, sqlc.AnonymizeUserAuditParams{Keys: personalAuditKeys, UserID: uid, Email: email}); err != nil {
		return mapError(err)
	}
	if _, err := t.q.DeleteInvitationsToEmail(ctx, sqlc.DeleteInvitationsToEmailParams{Email: email, UserID: uid}); err != nil {
		return mapError(err)
	}
	if err := t.q.DeleteRateLimitsForKey(ctx, email); err != nil {
		return mapError(err)
	}
	n, err := t.q.DeleteUser(ctx, uid)
	if err != nil {
		return mapError(err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return nil
}
