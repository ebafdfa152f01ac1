package core

import (
	"context"
	"errors"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Reports are the use cases of reports: anyone signed in flags an offer, a
// tender or an organisation with a reason; the report enters the
// moderators' queue (ModerationQueue, kind report); a moderator resolves
// it and the reporter is told the outcome in the app. A reporter sees only
// their own report (the answer to Create); reporters never see each other.
type Reports struct {
	st        *store.Store
	notes     *Notifications
	now       Clock
	publicURL string
}

// NewReports builds the report use cases; notes tells reporters the
// outcome of their reports.
func NewReports(st *store.Store, notes *Notifications, now Clock, publicURL string) *Reports {
	if now == nil {
		now = time.Now
	}
	return &Reports{st: st, notes: notes, now: now, publicURL: publicURL}
}

// ReportsPerHour bounds how many reports one user files in an hour: a
// report costs a moderator's time, a flood of them would bury real ones.
const ReportsPerHour = 20

// NewReport is what a reporter says.
type NewReport struct {
	TargetType domain.ReportTarget
	TargetID   string
	Reason     domain.ReportReason
	Note       string
}

var (
	msgReportExists = domain.Msg{EN: "you have already reported this: a moderator will look at your report",
		FR: "vous l’avez déjà signalé : un modérateur examinera votre signalement",
		DE: "Sie haben dies bereits gemeldet: ein Moderator wird Ihre Meldung prüfen",
		NL: "u hebt dit al gemeld: een moderator bekijkt uw melding"}
	msgReportResolved = domain.Msg{EN: "this report has been resolved already", FR: "ce signalement a déjà été traité",
		DE: "diese Meldung wurde bereits bearbeitet", NL: "deze melding is al afgehandeld"}
	msgReportOwnModeration = domain.Msg{EN: "another moderator must resolve a report about your own organisation",
		FR: "un autre modérateur doit traiter un signalement qui concerne votre propre organisation",
		DE: "eine Meldung über Ihre eigene Organisation muss ein anderer Moderator bearbeiten",
		NL: "een andere moderator moet een melding over uw eigen organisatie afhandelen"}
	msgReportQueryState = domain.Msg{EN: "%q is not a report state: open, dismissed or action_taken",
		FR: "%q n’est pas un état de signalement : open, dismissed ou action_taken",
		DE: "%q ist kein Meldungsstatus: open, dismissed oder action_taken",
		NL: "%q is geen meldingsstatus: open, dismissed of action_taken"}
	msgReportQueryTarget = domain.Msg{EN: "%q is not a target of reports: offer, tender or organisation",
		FR: "%q n’est pas une cible de signalement : offer, tender ou organisation",
		DE: "%q ist kein Meldungsziel: offer, tender oder organisation",
		NL: "%q is geen doel van meldingen: offer, tender of organisation"}
	msgReportQueryTargetID = domain.Msg{EN: "%q is not a valid id", FR: "%q n’est pas un identifiant valide",
		DE: "%q ist keine gültige Kennung", NL: "%q is geen geldige id"}
	msgReportOutcomeNotice = map[domain.ReportState]domain.Msg{
		domain.ReportDismissed: {EN: "Your report on “%s” was reviewed: no action was needed",
			FR: "Votre signalement de « %s » a été examiné : aucune mesure n’était nécessaire",
			DE: "Ihre Meldung zu „%s“ wurde geprüft: es waren keine Maßnahmen nötig",
			NL: "Uw melding over ‘%s’ is bekeken: er was geen maatregel nodig"},
		domain.ReportActionTaken: {EN: "Your report on “%s” was reviewed: a moderator took action",
			FR: "Votre signalement de « %s » a été examiné : un modérateur a pris des mesures",
			DE: "Ihre Meldung zu „%s“ wurde geprüft: ein Moderator hat Maßnahmen ergriffen",
			NL: "Uw melding over ‘%s’ is bekeken: een moderator heeft maatregelen genomen"},
	}
)

// Create files a report of the signed-in user on a target they can see. A
// target they cannot see does not exist for them (domain.ErrNotFound); a
// second open report on the same target is domain.ErrConflict.
func (s *Reports) Create(ctx context.Context, actor Actor, p domain.Principal, in NewReport) (domain.Report, error) {
	if err := domain.Authorize(p, domain.ActReport, domain.Resource{}); err != nil {
		return domain.Report{}, err
	}
	in.Note = strings.TrimSpace(in.Note)
	in.TargetID = strings.ToLower(strings.TrimSpace(in.TargetID))
	if err := domain.ValidateReport(in.TargetType, in.TargetID, in.Reason, in.Note).Err(); err != nil {
		return domain.Report{}, err
	}
	orgID, _, err := s.target(ctx, p, in.TargetType, in.TargetID)
	if err != nil {
		return domain.Report{}, err
	}
	if err := hitLimit(ctx, s.st, s.now, "report", p.UserID, ReportsPerHour, time.Hour); err != nil {
		return domain.Report{}, err
	}
	var out domain.Report
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.InsertReport(ctx, domain.Report{ReporterUserID: p.UserID, TargetType: in.TargetType, TargetID: in.TargetID,
			OrganisationID: orgID, Reason: in.Reason, Note: in.Note, CreatedAt: s.now()})
		if errors.Is(err, domain.ErrConflict) {
			return msgReportExists.Wrap(domain.ErrConflict)
		}
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "report.created", "report", out.ID, orgID, nil,
			map[string]any{"target_type": string(out.TargetType), "target_id": out.TargetID, "reason": string(out.Reason), "note": out.Note})
	})
	return out, err
}

// target finds the organisation of what p reports, and its name for the
// reporter's notice, if p may see it.
func (s *Reports) target(ctx context.Context, p domain.Principal, kind domain.ReportTarget, id string) (orgID, name string, err error) {
	switch kind {
	case domain.ReportOffer:
		o, err := s.st.GetOffer(ctx, id)
		if err != nil {
			return "", "", err
		}
		if ok, err := offerVisible(ctx, s.st, p, o); err != nil || !ok {
			return "", "", notVisible(err)
		}
		return o.OrganisationID, o.Title, nil
	case domain.ReportTender:
		t, err := s.st.GetTender(ctx, id)
		if err != nil {
			return "", "", err
		}
		if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
			return "", "", notVisible(err)
		}
		return t.OrganisationID, t.Original().Title, nil
	default:
		org, err := s.st.GetOrganisation(ctx, id)
		if err != nil {
			return "", "", err
		}
		// A suspended organisation does not exist for outsiders (as in
		// Organisations.Get).
		if org.Status != domain.OrgActive && !domain.Can(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: org.ID}) {
			return "", "", domain.ErrNotFound
		}
		return org.ID, organisationName(org), nil
	}
}

// ReportQuery is what a moderator asks of the list of reports.
type ReportQuery struct {
	State      string
	TargetType string
	TargetID   string
	Cursor     string
	Limit      int
}

// List returns a page of reports, oldest first, for moderators; bad
// filters are field errors, all at once.
func (s *Reports) List(ctx context.Context, p domain.Principal, q ReportQuery) ([]domain.Report, string, error) {
	if err := moderator(p); err != nil {
		return nil, "", err
	}
	ve := &domain.ValidationError{}
	state := domain.ReportState(strings.TrimSpace(q.State))
	if state != "" && state != domain.ReportOpen && state != domain.ReportDismissed && state != domain.ReportActionTaken {
		ve.AddLocalized("query.state", "invalid", msgReportQueryState.With(string(state)))
	}
	target := domain.ReportTarget(strings.TrimSpace(q.TargetType))
	if target != "" && !target.Valid() {
		ve.AddLocalized("query.target_type", "invalid", msgReportQueryTarget.With(string(target)))
	}
	if q.TargetID != "" && !domain.IsUUID(q.TargetID) {
		ve.AddLocalized("query.target_id", "invalid", msgReportQueryTargetID.With(q.TargetID))
	}
	if err := ve.Err(); err != nil {
		return nil, "", err
	}
	return s.st.ListReports(ctx, store.ReportFilter{State: state, TargetType: target, TargetID: q.TargetID}, q.Cursor, tenderPageSize(q.Limit))
}

// Resolve closes an open report as dismissed or action_taken, with an
// optional note kept for the moderators, and tells the reporter the
// outcome in the app (the note stays between moderators). A moderator who
// is a member of the reported organisation may not resolve it.
func (s *Reports) Resolve(ctx context.Context, actor Actor, p domain.Principal, reportID string, outcome domain.ReportState, note string) (domain.Report, error) {
	if err := moderator(p); err != nil {
		return domain.Report{}, err
	}
	note = strings.TrimSpace(note)
	if err := domain.ValidateResolution(outcome, note).Err(); err != nil {
		return domain.Report{}, err
	}
	var out domain.Report
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockReport(ctx, reportID)
		if err != nil {
			return err
		}
		if _, member := p.Memberships[before.OrganisationID]; member {
			return msgReportOwnModeration.Wrap(domain.ErrForbidden)
		}
		if before.State != domain.ReportOpen {
			return msgReportResolved.Wrap(domain.ErrConflict)
		}
		if out, err = tx.ResolveReport(ctx, reportID, outcome, p.UserID, note, s.now()); err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "report."+string(outcome), "report", out.ID, out.OrganisationID,
			map[string]any{"state": string(before.State)}, map[string]any{"state": string(out.State), "note": note}); err != nil {
			return err
		}
		return s.tellReporter(ctx, tx, out)
	})
	return out, err
}

// tellReporter writes the reporter's in-app notice of the outcome. The
// target may have gone since (a deleted draft): the notice then names
// the report's reason instead.
func (s *Reports) tellReporter(ctx context.Context, tx *store.Tx, r domain.Report) error {
	if s.notes == nil {
		return nil
	}
	u, err := tx.GetUser(ctx, r.ReporterUserID)
	if err != nil {
		return err
	}
	_, name, err := s.target(ctx, domain.Principal{UserID: u.ID, PlatformRole: domain.PlatformModerator}, r.TargetType, r.TargetID)
	if errors.Is(err, domain.ErrNotFound) {
		name = r.Reason.Label().With()[u.Language]
	} else if err != nil {
		return err
	}
	path := map[domain.ReportTarget]string{domain.ReportOffer: "/offers/", domain.ReportTender: "/tenders/",
		domain.ReportOrganisation: "/organisations/"}[r.TargetType] + r.TargetID
	return s.notes.NotifyAlways(ctx, tx, Notice{Kind: "report_outcome", Title: msgReportOutcomeNotice[r.State].With(name)[u.Language],
		Link: strings.TrimRight(s.publicURL, "/") + path,
		Data: map[string]any{"ReportID": r.ID, "Outcome": string(r.State), "TargetType": string(r.TargetType), "TargetID": r.TargetID,
			"TargetName": name, "Link": strings.TrimRight(s.publicURL, "/") + path}},
		true, u.ID) // the reporter asked for this answer: it goes by email too, whatever the preferences
}
