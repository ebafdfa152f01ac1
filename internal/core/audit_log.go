package core

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// AuditLog is the view of the audit log for moderators and admins: who
// did what, when, filtered, newest first, a page at a time or exported
// as CSV. Moderators see it as well as admins: handling a report or a
// suspension needs the history of an organisation and of its listings;
// but not what is none of a moderator's business (moderatorHidden);
// members never see it (it records other people's actions).
type AuditLog struct {
	st *store.Store
}

// NewAuditLog builds the audit log view.
func NewAuditLog(st *store.Store) *AuditLog { return &AuditLog{st: st} }

// MaxAuditExport bounds one CSV export: beyond, narrow the filters (the
// export says it was cut, see AuditLog.Export).
const MaxAuditExport = 100_000

// auditExportBatch is how many rows one query of an export reads.
const auditExportBatch = 1000

// AuditQuery is what the view is asked: every filter is optional. From
// is inclusive, To exclusive.
type AuditQuery struct {
	ActorUserID    string
	ActionPrefix   string
	SubjectType    string
	SubjectID      string
	OrganisationID string
	From, To       time.Time
	Cursor         string
	Limit          int
}

var (
	actionPrefixPattern = regexp.MustCompile(`^[a-z_.]{1,100}$`)
	msgAuditAction      = domain.Msg{EN: "an action prefix is lower-case letters, _ and . (e.g. offer. or organisation.suspended)",
		FR: "un préfixe d’action s’écrit en minuscules, _ et . (par ex. offer. ou organisation.suspended)",
		DE: "ein Aktionspräfix besteht aus Kleinbuchstaben, _ und . (z. B. offer. oder organisation.suspended)",
		NL: "een actieprefix bestaat uit kleine letters, _ en . (bijv. offer. of organisation.suspended)"}
	msgAuditTooLong = domain.Msg{EN: "must be at most %d characters", FR: "doit faire au plus %d caractères",
		DE: "darf höchstens %d Zeichen lang sein", NL: "mag hoogstens %d tekens lang zijn"}
	msgAuditID = domain.Msg{EN: "%q is not a valid id", FR: "%q n’est pas un identifiant valide",
		DE: "%q ist keine gültige Kennung", NL: "%q is geen geldige id"}
	msgAuditRange = domain.Msg{EN: "must be after from", FR: "doit être après from", DE: "muss nach from liegen", NL: "moet na from liggen"}
)

// check authorizes p and validates q's filters, every wrong one at once.
func (a *AuditLog) check(p domain.Principal, q *AuditQuery) error {
	if err := moderator(p); err != nil {
		return err
	}
	q.ActionPrefix, q.SubjectType, q.SubjectID = strings.TrimSpace(q.ActionPrefix), strings.TrimSpace(q.SubjectType), strings.TrimSpace(q.SubjectID)
	ve := &domain.ValidationError{}
	if q.ActionPrefix != "" && !actionPrefixPattern.MatchString(q.ActionPrefix) {
		ve.AddLocalized("query.action", "invalid", msgAuditAction.With())
	}
	if utf8.RuneCountInString(q.SubjectType) > 64 {
		ve.AddLocalized("query.subject_type", "too_long", msgAuditTooLong.With(64))
	}
	if utf8.RuneCountInString(q.SubjectID) > 128 {
		ve.AddLocalized("query.subject_id", "too_long", msgAuditTooLong.With(128))
	}
	if q.ActorUserID != "" && !domain.IsUUID(q.ActorUserID) {
		ve.AddLocalized("query.actor", "invalid", msgAuditID.With(q.ActorUserID))
	}
	if q.OrganisationID != "" && !domain.IsUUID(q.OrganisationID) {
		ve.AddLocalized("query.organisation", "invalid", msgAuditID.With(q.OrganisationID))
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.To.After(q.From) {
		ve.AddLocalized("query.to", "invalid", msgAuditRange.With())
	}
	return ve.Err()
}

// moderatorHidden are the actions only admins see in the log: responses
// (who bid on which tender is sealed until the deadline, and a moderator
// may belong to a competing supplier), and users' own account, documents,
// saved searches and notification settings (personal data that handling
// listings and reports does not need).
var moderatorHidden = []string{"response.", "user.", "document.", "saved_search.", "notification_preferences."}

func (q AuditQuery) filter(p domain.Principal) store.AuditFilter {
	f := store.AuditFilter{ActorUserID: q.ActorUserID, ActionPrefix: q.ActionPrefix, SubjectType: q.SubjectType, SubjectID: q.SubjectID,
		OrganisationID: q.OrganisationID, From: q.From, To: q.To}
	if !domain.Can(p, domain.ActAdminister, domain.Resource{}) {
		f.HiddenPrefixes = moderatorHidden
	}
	return f
}

// List returns a page of entries, newest first, and the next cursor.
func (a *AuditLog) List(ctx context.Context, p domain.Principal, q AuditQuery) ([]store.AuditRecord, string, error) {
	if err := a.check(p, &q); err != nil {
		return nil, "", err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	return a.st.ListAuditPage(ctx, q.filter(p), q.Cursor, int32(min(limit, 200)))
}

// Check validates an export before its first byte is written, so that a
// bad filter is a problem+json answer rather than a broken file.
func (a *AuditLog) Check(p domain.Principal, q AuditQuery) error {
	return a.check(p, &q)
}

// Export calls each on every entry matching q (its cursor and limit
// ignored), newest first, a batch at a time so that memory stays flat,
// and stops after MaxAuditExport entries: truncated then tells that more
// matched.
func (a *AuditLog) Export(ctx context.Context, p domain.Principal, q AuditQuery, each func(store.AuditRecord) error) (n int, truncated bool, err error) {
	if err := a.check(p, &q); err != nil {
		return 0, false, err
	}
	cursor := ""
	for {
		page, next, err := a.st.ListAuditPage(ctx, q.filter(p), cursor, auditExportBatch)
		if err != nil {
			return n, false, err
		}
		for _, r := range page {
			if n == MaxAuditExport {
				return n, true, nil
			}
			if err := each(r); err != nil {
				return n, false, err
			}
			n++
		}
		if next == "" {
			return n, false, nil
		}
		cursor = next
	}
}
