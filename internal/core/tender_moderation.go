package core

import (
	"context"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Decide records a moderator's decision on a pending tender: approve
// publishes it (and schedules its closing); reject and request_changes
// need a reason the buyer sees. A moderator who is a member of the buyer
// may not decide (domain.ErrForbidden).
func (s *Tenders) Decide(ctx context.Context, actor Actor, p domain.Principal, tenderID string, decision Decision, reason string) (domain.Tender, error) {
	return s.DecideWith(ctx, actor, p, tenderID, decision, domain.DecisionReason{Note: reason})
}

// DecideWith is Decide with a reason that may be a template (see
// domain.ReasonTemplates) with an optional note: each member of the buyer
// reads the template in their own language; the tender keeps it in the
// language of its original text.
func (s *Tenders) DecideWith(ctx context.Context, actor Actor, p domain.Principal, tenderID string, decision Decision, why domain.DecisionReason) (domain.Tender, error) {
	if p.Anonymous() {
		return domain.Tender{}, domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return domain.Tender{}, domain.ErrForbidden
	}
	why.Template, why.Note = strings.TrimSpace(why.Template), strings.TrimSpace(why.Note)
	event := domain.TenderEvent(decision)
	ve := &domain.ValidationError{}
	switch {
	case decision != DecisionApprove && decision != DecisionReject && decision != DecisionRequestChanges:
		ve.AddLocalized("body.decision", "invalid", msgTenderDecision.With(string(decision)))
	case event.NeedsReason() && why.Template == "":
		ve = domain.ValidateReason(why.Note, "body.reason")
	case event.NeedsReason():
		ve = domain.ValidateDecisionReasonWith(why, true, "body.reason_template", "body.reason")
	}
	if err := ve.Err(); err != nil {
		return domain.Tender{}, err
	}
	now := s.now()
	var out domain.Tender
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockTender(ctx, tenderID)
		if err != nil {
			return err
		}
		if _, member := p.Memberships[before.OrganisationID]; member {
			return msgTenderOwnModeration.Wrap(domain.ErrForbidden)
		}
		to, err := before.State.Next(event)
		if err != nil {
			return err
		}
		if to == domain.TenderPublished && !before.ResponsesDeadline.After(now) {
			return msgTenderApproveLate.Wrap(domain.ErrConflict)
		}
		if to == domain.TenderPublished {
			if err := refuseSuspendedIn(ctx, tx, before.OrganisationID, errApproveSuspended()); err != nil {
				return err
			}
		}
		reason := ""
		if event.NeedsReason() {
			reason = why.Text(before.Original().Language)
		}
		next := before
		next.State, next.DecidedAt, next.DecidedBy, next.Reason = to, &now, actor.UserID, reason
		switch to {
		case domain.TenderPublished:
			next.PublishedAt = &now
		case domain.TenderChangesRequested:
			next.ChangesRequestedAt = &now
		}
		if out, err = tx.SaveTender(ctx, next, now); err != nil {
			return err
		}
		if to == domain.TenderPublished {
			if err := s.schedule.ScheduleTenderClose(ctx, tx, out.ID, out.ResponsesDeadline); err != nil {
				return err
			}
			if s.route != nil {
				if err := s.route.ScheduleRouting(ctx, tx, out.ID); err != nil {
					return err
				}
			}
		}
		after := tenderState(out)
		if reason != "" {
			after["reason"] = reason
		}
		if why.Template != "" {
			after["reason_template"] = why.Template
		}
		if err := tenderAudit(ctx, tx, s.index, actor, "tender."+string(to), out, tenderState(before), after); err != nil {
			return err
		}
		return tellBuyerWhy(ctx, s.st, s.schedule, s.notes, s.cfg.PublicURL, tx, out, why, event.NeedsReason())
	})
	return out, err
}

// tellBuyer emails every member of a tender's buyer the moderator's
// decision (t's new state), each in their own language, in the decision's
// transaction: through notes when set (in-app notification, email per
// preference), else by email directly.
func tellBuyer(ctx context.Context, st *store.Store, mailer Mailer, notes *Notifications, publicURL string, tx *store.Tx, t domain.Tender, reason string) error {
	return tellBuyerWhy(ctx, st, mailer, notes, publicURL, tx, t, domain.DecisionReason{Note: reason}, reason != "")
}

// tellBuyerWhy is tellBuyer with the reason as a template and a note,
// which each member reads in their language (withReason false: none).
func tellBuyerWhy(ctx context.Context, st *store.Store, mailer Mailer, notes *Notifications, publicURL string, tx *store.Tx, t domain.Tender,
	why domain.DecisionReason, withReason bool) error {
	members, err := st.ListMembers(ctx, t.OrganisationID)
	if err != nil {
		return err
	}
	for _, m := range members {
		u, err := st.GetUser(ctx, m.UserID)
		if err != nil {
			return err
		}
		link := strings.TrimRight(publicURL, "/") + "/workspace/buyer/tenders/" + t.ID
		reason := ""
		if withReason {
			reason = why.Text(u.Language)
		}
		data := map[string]any{"Name": u.DisplayName, "TenderTitle": t.Original().Title, "Decision": string(t.State), "Reason": reason, "Link": link}
		if headline, ok := msgTenderDecisionNotice[t.State]; ok && notes != nil {
			if err := notes.Notify(ctx, tx, Notice{Category: domain.NotifyListingDecisions, Kind: "tender_decision",
				Title: headline.With(t.Original().Title)[u.Language], Link: link, Data: data}, u.ID); err != nil {
				return err
			}
			continue
		}
		if err := mailer.EnqueueEmail(ctx, tx, Email{To: u.Email, Name: u.DisplayName, Kind: "tender_decision", Lang: u.Language, Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// Queue returns a page of pending tenders, oldest submission first,
// optionally of one kind or from buyers of one country, for moderators.
func (s *Tenders) Queue(ctx context.Context, p domain.Principal, kind domain.TenderKind, country, cursor string, limit int) ([]store.TenderForReview, string, error) {
	if p.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		return nil, "", domain.ErrForbidden
	}
	ve := &domain.ValidationError{}
	if kind != "" && !kind.Valid() {
		ve.AddLocalized("query.kind", "invalid", msgTenderKind.With(string(kind)))
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	if country != "" && !domain.IsEUCountry(country) {
		ve.AddLocalized("query.country", "invalid", msgTenderCountry.With(country))
	}
	if err := ve.Err(); err != nil {
		return nil, "", err
	}
	return s.st.ListTendersForModeration(ctx, kind, country, cursor, tenderPageSize(limit))
}

// msgTenderDecisionNotice is the in-app line of a decision on a tender, by
// the tender's new state.
var msgTenderDecisionNotice = map[domain.TenderState]domain.Msg{
	domain.TenderPublished: {EN: "Your tender “%s” is published", FR: "Votre appel d’offres « %s » est publié",
		DE: "Ihre Ausschreibung „%s“ ist veröffentlicht", NL: "Uw aanbesteding ‘%s’ is gepubliceerd"},
	domain.TenderRejected: {EN: "Your tender “%s” was not accepted", FR: "Votre appel d’offres « %s » n’a pas été accepté",
		DE: "Ihre Ausschreibung „%s“ wurde nicht angenommen", NL: "Uw aanbesteding ‘%s’ is niet aanvaard"},
	domain.TenderChangesRequested: {EN: "Changes requested on your tender “%s”", FR: "Des modifications sont demandées sur votre appel d’offres « %s »",
		DE: "Änderungen an Ihrer Ausschreibung „%s“ erbeten", NL: "Wijzigingen gevraagd aan uw aanbesteding ‘%s’"},
}
