// Package core holds Passerelle's use cases. Every write goes through here:
// one transaction that changes the data, records the audit entry and
// enqueues the jobs the change causes. It knows nothing of HTTP.
package core

import (
	"context"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Email is a message for a background job to render and send.
type Email struct {
	To   string
	Name string
	// Kind names the template (see internal/mail).
	Kind string
	Lang domain.Language
	Data map[string]any
	// Unsubscribe is set on notification emails (see Notifications): the
	// message then says why it was sent, links to the signed one-click
	// unsubscribe, and carries the List-Unsubscribe headers (RFC 8058).
	Unsubscribe *EmailUnsubscribe
}

// EmailUnsubscribe is the one-click unsubscribe of a notification email.
type EmailUnsubscribe struct {
	// Link is the absolute URL that switches the category off when POSTed.
	Link string
	// Category is the category's name in the recipient's language.
	Category string
}

// Mailer enqueues emails in the transaction of the change that causes them,
// so that an email exists exactly when its change is committed.
type Mailer interface {
	EnqueueEmail(ctx context.Context, tx *store.Tx, e Email) error
}

// Clock tells the time; tests move it.
type Clock func() time.Time

// Actor is who performs a use case, for authorization and the audit log.
type Actor struct {
	UserID       string
	PlatformRole domain.PlatformRole
	RequestID    string
	IP           string
}

// writeAudit records, in tx, that actor did action to the subject of an
// organisation, with the state before and after when given. A nil map is
// left out rather than stored as JSON null.
func writeAudit(ctx context.Context, tx *store.Tx, actor Actor, action, subjectType, subjectID, orgID string, before, after map[string]any) error {
	e := domain.AuditEntry{ActorUserID: actor.UserID, Action: action, SubjectType: subjectType, SubjectID: subjectID,
		OrganisationID: orgID, RequestID: actor.RequestID}
	if before != nil {
		e.Before = before
	}
	if after != nil {
		e.After = after
	}
	return tx.Audit(ctx, e)
}

// supplierToManage checks that p may edit orgID and that orgID is an SSE
// supplier organisation, and returns it; notSupplier is the refusal for
// any other kind (it says what only suppliers may do).
func supplierToManage(ctx context.Context, st *store.Store, p domain.Principal, orgID string, notSupplier error) (domain.Organisation, error) {
	if err := domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}); err != nil {
		return domain.Organisation{}, err
	}
	org, err := st.GetOrganisation(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if org.Kind != domain.OrgSSESupplier {
		return domain.Organisation{}, notSupplier
	}
	return org, nil
}
