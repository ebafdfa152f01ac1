package core

import (
	"context"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Suspensions are the moderators' suspension and reinstatement of an
// organisation. A suspended organisation:
//   - leaves search: its supplier document, offers and tenders are
//     re-indexed in the suspension's transaction, and the search documents
//     leave out every listing of an organisation that is not active;
//   - leaves routing (matching reads active organisations only);
//   - may not submit offers or tenders for moderation, respond to
//     tenders, nor have a pending listing approved (refuseSuspendedIn);
//   - keeps its members: they still sign in, read and edit their data and
//     drafts, so that they can put right what the moderator asked.
//
// Its members are told why in the app and by email in their language,
// whatever their notification preferences (Notifications.NotifyAlways).
type Suspensions struct {
	st        *store.Store
	index     SearchJobs
	notes     *Notifications
	now       Clock
	publicURL string
}

// NewSuspensions builds the suspension use cases: index queues the search
// updates (nil queues none), notes tells the members.
func NewSuspensions(st *store.Store, index SearchJobs, notes *Notifications, now Clock, publicURL string) *Suspensions {
	if now == nil {
		now = time.Now
	}
	return &Suspensions{st: st, index: index, notes: notes, now: now, publicURL: publicURL}
}

var (
	msgAlreadySuspended = domain.Msg{EN: "this organisation is suspended already", FR: "cette organisation est déjà suspendue",
		DE: "diese Organisation ist bereits gesperrt", NL: "deze organisatie is al geschorst"}
	msgNotSuspended = domain.Msg{EN: "this organisation is not suspended", FR: "cette organisation n’est pas suspendue",
		DE: "diese Organisation ist nicht gesperrt", NL: "deze organisatie is niet geschorst"}
	msgSuspendOwn = domain.Msg{EN: "another moderator must decide on your own organisation",
		FR: "un autre modérateur doit décider pour votre propre organisation",
		DE: "über Ihre eigene Organisation muss ein anderer Moderator entscheiden",
		NL: "een andere moderator moet over uw eigen organisatie beslissen"}
	msgOrganisationSuspended = domain.Msg{
		EN: "your organisation is suspended by the moderators: it cannot publish or respond until it is reinstated (see your notifications for the reason)",
		FR: "votre organisation est suspendue par les modérateurs : elle ne peut ni publier ni répondre avant d’être rétablie (le motif est dans vos notifications)",
		DE: "Ihre Organisation ist von den Moderatoren gesperrt: sie kann bis zur Wiederzulassung weder veröffentlichen noch antworten (den Grund finden Sie in Ihren Benachrichtigungen)",
		NL: "uw organisatie is door de moderatoren geschorst: zij kan niet publiceren of antwoorden tot zij weer is toegelaten (de reden staat in uw meldingen)"}
	msgApproveSuspended = domain.Msg{EN: "the organisation is suspended: reinstate it before approving its listings",
		FR: "l’organisation est suspendue : rétablissez-la avant d’approuver ses annonces",
		DE: "die Organisation ist gesperrt: lassen Sie sie wieder zu, bevor Sie ihre Einträge freigeben",
		NL: "de organisatie is geschorst: laat haar weer toe voordat u haar publicaties goedkeurt"}
	msgSuspendedNotice = domain.Msg{EN: "%s is suspended from Passerelle", FR: "%s est suspendue sur Passerelle",
		DE: "%s ist auf Passerelle gesperrt", NL: "%s is geschorst op Passerelle"}
	msgReinstatedNotice = domain.Msg{EN: "%s is reinstated on Passerelle", FR: "%s est rétablie sur Passerelle",
		DE: "%s ist auf Passerelle wieder zugelassen", NL: "%s is weer toegelaten op Passerelle"}
)

// Suspend suspends an active organisation with a reason (a template, a
// note or both; required). A moderator who is a member may not.
func (s *Suspensions) Suspend(ctx context.Context, actor Actor, p domain.Principal, orgID string, reason domain.DecisionReason) (domain.Organisation, error) {
	return s.change(ctx, actor, p, orgID, reason, true)
}

// Reinstate makes a suspended organisation active again; the reason is
// optional.
func (s *Suspensions) Reinstate(ctx context.Context, actor Actor, p domain.Principal, orgID string, reason domain.DecisionReason) (domain.Organisation, error) {
	return s.change(ctx, actor, p, orgID, reason, false)
}

func (s *Suspensions) change(ctx context.Context, actor Actor, p domain.Principal, orgID string, reason domain.DecisionReason, suspend bool) (domain.Organisation, error) {
	if err := moderator(p); err != nil {
		return domain.Organisation{}, err
	}
	reason.Template, reason.Note = strings.TrimSpace(reason.Template), strings.TrimSpace(reason.Note)
	if err := domain.ValidateDecisionReasonWith(reason, suspend, "body.reason_template", "body.reason").Err(); err != nil {
		return domain.Organisation{}, err
	}
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if _, member := p.Memberships[org.ID]; member {
		return domain.Organisation{}, msgSuspendOwn.Wrap(domain.ErrForbidden)
	}
	now := s.now()
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		status, err := tx.LockOrganisationStatus(ctx, org.ID)
		if err != nil {
			return err
		}
		rec := store.Suspension{OrganisationID: org.ID, By: p.UserID, At: now, ReasonTemplate: reason.Template, Reason: reason.Text(domain.LangEN)}
		action, next := "organisation.suspended", domain.OrgSuspended
		switch {
		case suspend && status == domain.OrgSuspended:
			return msgAlreadySuspended.Wrap(domain.ErrConflict)
		case !suspend && status != domain.OrgSuspended:
			return msgNotSuspended.Wrap(domain.ErrConflict)
		case suspend:
			err = tx.SuspendOrganisation(ctx, rec)
		default:
			action, next = "organisation.reinstated", domain.OrgActive
			err = tx.ReinstateOrganisation(ctx, rec)
		}
		if err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, action, "organisation", org.ID, org.ID, map[string]any{"status": status},
			map[string]any{"status": next, "reason_template": reason.Template, "reason": reason.Note}); err != nil {
			return err
		}
		// The supplier document and every listing: the search documents
		// leave out an organisation that is not active, and bring it back.
		if err := indexOrganisation(ctx, tx, s.index, org.ID, time.Time{}); err != nil {
			return err
		}
		org.Status = next
		return s.tellMembers(ctx, tx, org, reason, suspend)
	})
	if err != nil {
		return domain.Organisation{}, err
	}
	return org, nil
}

// tellMembers writes each member's notice, in their language, with the
// reason's template in that language, and emails it.
// Its members are read in tx, leaving out disabled accounts and
// unconfirmed addresses.
func (s *Suspensions) tellMembers(ctx context.Context, tx *store.Tx, org domain.Organisation, reason domain.DecisionReason, suspended bool) error {
	if s.notes == nil {
		return nil
	}
	headline, decision := msgReinstatedNotice, "reinstated"
	if suspended {
		headline, decision = msgSuspendedNotice, "suspended"
	}
	link := strings.TrimRight(s.publicURL, "/") + "/workspace/account/organisations/" + org.ID
	members, err := tx.NotifiableMembers(ctx, org.ID)
	if err != nil {
		return err
	}
	for _, r := range members {
		if err := s.notes.NotifyAlways(ctx, tx, Notice{Kind: "organisation_status", Title: headline.With(organisationName(org))[r.Language],
			Link: link, Data: map[string]any{"OrganisationName": organisationName(org), "Decision": decision,
				"Reason": reason.Text(r.Language), "Link": link}}, true, r.UserID); err != nil {
			return err
		}
	}
	return nil
}

// refuseSuspendedIn returns refusal if organisation orgID is suspended. It
// reads the status in tx, share-locking the row: called in the
// transaction that does what a suspended organisation may not, it cannot
// race with Suspend, nor wait for a second connection while tx holds
// locks. refusal is msgOrganisationSuspended.Wrap(domain.ErrForbidden)
// for the organisation's own acts, msgApproveSuspended.Wrap(
// domain.ErrConflict) for a moderator's approval of its listing.
func refuseSuspendedIn(ctx context.Context, tx *store.Tx, orgID string, refusal error) error {
	status, err := tx.OrganisationStatus(ctx, orgID)
	if err != nil {
		return err
	}
	if status == domain.OrgSuspended {
		return refusal
	}
	return nil
}

// errOrganisationSuspended refuses what a suspended organisation may not do.
func errOrganisationSuspended() error { return msgOrganisationSuspended.Wrap(domain.ErrForbidden) }

// errApproveSuspended refuses a moderator's approval of a listing of a
// suspended organisation.
func errApproveSuspended() error { return msgApproveSuspended.Wrap(domain.ErrConflict) }

// flagListing computes, in tx, the duplicate and spam flags of a listing
// that goes to the moderators and stores them with it (replacing those of
// an earlier submission). Flags never stop the submission.
func flagListing(ctx context.Context, tx *store.Tx, kind store.ListingKind, orgID, id, title, description string, now time.Time) error {
	siblings, err := tx.SiblingTitles(ctx, kind, orgID, id)
	if err != nil {
		return err
	}
	words, err := tx.BlockedWordsFolded(ctx)
	if err != nil {
		return err
	}
	return tx.ReplaceListingFlags(ctx, kind, id, domain.ComputeListingFlags(title, description, siblings, words), now)
}
