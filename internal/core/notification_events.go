package core

import (
	"context"
	"errors"
	"fmt"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// NotificationEvents finds the events that nobody's action causes, only
// time: a verified status about to expire, a tender's deadline near, a
// closed tender whose buyer has not said how it ended. A periodic job runs
// it (jobs: notification_events, hourly). Each event is told once: a
// marker (store.ClaimNotificationEvent) is written in the transaction of
// its notifications, so that a second run, a retry or two instances at
// once tell nothing twice.
type NotificationEvents struct {
	st    *store.Store
	notes *Notifications
}

// NewNotificationEvents builds the periodic notification events.
func NewNotificationEvents(st *store.Store, notes *Notifications) *NotificationEvents {
	return &NotificationEvents{st: st, notes: notes}
}

// The periodic events' timing.
const (
	// StatusExpiryNotice is how long before a status's last valid day its
	// supplier is warned.
	StatusExpiryNotice = 30 * 24 * time.Hour
	// FirstDeadlineReminder and LastDeadlineReminder are how long before a
	// tender's deadline its suppliers are reminded.
	FirstDeadlineReminder = 3 * 24 * time.Hour
	LastDeadlineReminder  = 24 * time.Hour
	// OutcomeQuestionDelay is how long after a tender's deadline its buyer
	// is asked how it ended; OutcomeQuestionCatchUp how long a run still
	// asks after that, so that a job stopped for days catches up without
	// asking, on its first run, about every tender closed in the past years.
	OutcomeQuestionDelay   = 7 * 24 * time.Hour
	OutcomeQuestionCatchUp = 30 * 24 * time.Hour
)

// notificationEventBatch bounds the subjects one query fetches.
const notificationEventBatch = 200

// NotificationEventCounts tells how many subjects a run notified of.
type NotificationEventCounts struct {
	StatusesExpiring  int
	DeadlineReminders int
	OutcomeQuestions  int
}

// Run tells every event due at now that was not told yet.
func (e *NotificationEvents) Run(ctx context.Context, now time.Time) (NotificationEventCounts, error) {
	var c NotificationEventCounts
	var err1, err2, err3 error
	// Each kind of event is independent: one that fails does not hold up
	// the others (the job is retried and the markers skip what was told).
	c.StatusesExpiring, err1 = e.StatusesExpiring(ctx, now)
	c.DeadlineReminders, err2 = e.DeadlineReminders(ctx, now)
	c.OutcomeQuestions, err3 = e.OutcomeQuestions(ctx, now)
	return c, errors.Join(err1, err2, err3)
}

var msgStatusExpiringNotice = domain.Msg{
	EN: "Your status “%s” expires on %s", FR: "Votre statut « %s » expire le %s",
	DE: "Ihr Status „%s“ läuft am %s ab", NL: "Uw status „%s” verloopt op %s",
}

// StatusesExpiring warns the members of each supplier whose verified
// status stops counting within StatusExpiryNotice, once per status and
// last valid day (a renewed status that nears its new date is told
// again). It returns how many statuses it told of.
func (e *NotificationEvents) StatusesExpiring(ctx context.Context, now time.Time) (int, error) {
	y, m, d := now.UTC().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	last := today.Add(StatusExpiryNotice)
	told, after := 0, ""
	for {
		page, err := e.st.VerifiedStatusesExpiringBetween(ctx, today, last, after, notificationEventBatch)
		if err != nil {
			return told, err
		}
		for _, st := range page {
			ok, err := e.statusExpiring(ctx, st, now)
			if err != nil {
				return told, fmt.Errorf("status %s expiring: %w", st.ID, err)
			}
			if ok {
				told++
			}
		}
		if len(page) < notificationEventBatch {
			return told, nil
		}
		after = page[len(page)-1].ID
	}
}

func (e *NotificationEvents) statusExpiring(ctx context.Context, st store.ExpiringStatus, now time.Time) (bool, error) {
	org, err := e.st.GetOrganisation(ctx, st.OrganisationID)
	if errors.Is(err, domain.ErrNotFound) {
		return false, nil // deleted meanwhile, with its statuses
	}
	if err != nil {
		return false, err
	}
	told := false
	err = e.st.WithTx(ctx, func(tx *store.Tx) error {
		claimed, err := tx.ClaimNotificationEvent(ctx, "status_expiring:"+st.ID+":"+st.ValidUntil.Format(time.DateOnly), now)
		if err != nil || !claimed {
			return err
		}
		told = true
		link := e.notes.Link("/workspace/supplier/statuses")
		return e.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
			name, until := st.Type.Label(string(r.Language)), domain.DateMsg(st.ValidUntil).With()[r.Language]
			return Notice{Category: domain.NotifyStatusExpiring, Kind: "status_expiring",
				Title: msgStatusExpiringNotice.With(name, until)[r.Language], Link: link,
				Data: map[string]any{"OrganisationName": organisationName(org), "StatusName": name, "ValidUntil": until, "Link": link}}
		}, st.OrganisationID)
	})
	return told && err == nil, err
}

// msgDeadlineReminderNotice is the headline of a deadline reminder by
// whole days left: 0 (less than a day), 1, or more (2: "%d days").
var msgDeadlineReminderNotice = map[int]domain.Msg{
	0: {EN: "Less than a day left to respond to “%s”", FR: "Moins d’un jour pour répondre à « %s »",
		DE: "Weniger als ein Tag für ein Angebot zu „%s“", NL: "Nog minder dan een dag om te antwoorden op ‘%s’"},
	1: {EN: "1 day left to respond to “%s”", FR: "Plus qu’un jour pour répondre à « %s »",
		DE: "Noch 1 Tag für ein Angebot zu „%s“", NL: "Nog 1 dag om te antwoorden op ‘%s’"},
	2: {EN: "%d days left to respond to “%s”", FR: "Plus que %d jours pour répondre à « %s »",
		DE: "Noch %d Tage für ein Angebot zu „%s“", NL: "Nog %d dagen om te antwoorden op ‘%s’"},
}

// DeadlineReminders reminds the suppliers of each published tender whose
// deadline is near (store.Tx.ReminderOrganisations says which: routed and
// neither declined nor responded, or holding a draft), once per tender,
// organisation and reminder: the first within FirstDeadlineReminder of the
// deadline, the last within LastDeadlineReminder. A tender published with
// less than a day left gets the last one only. It returns how many
// organisations it reminded.
func (e *NotificationEvents) DeadlineReminders(ctx context.Context, now time.Time) (int, error) {
	told, after := 0, ""
	for {
		page, err := e.st.PublishedTendersDueBetween(ctx, now, now.Add(FirstDeadlineReminder), after, notificationEventBatch)
		if err != nil {
			return told, err
		}
		for _, id := range page {
			n, err := e.deadlineReminders(ctx, id, now)
			if err != nil {
				return told, fmt.Errorf("deadline reminders of tender %s: %w", id, err)
			}
			told += n
		}
		if len(page) < notificationEventBatch {
			return told, nil
		}
		after = page[len(page)-1]
	}
}

func (e *NotificationEvents) deadlineReminders(ctx context.Context, tenderID string, now time.Time) (int, error) {
	told := 0
	err := e.st.WithTx(ctx, func(tx *store.Tx) error {
		t, err := tx.LockTender(ctx, tenderID)
		if errors.Is(err, domain.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		left := t.ResponsesDeadline.Sub(now)
		if t.State != domain.TenderPublished || left <= 0 || left > FirstDeadlineReminder {
			return nil // closed, cancelled or moved since it was listed
		}
		reminder, last := "first", left <= LastDeadlineReminder
		if last {
			reminder = "last"
		}
		orgs, err := tx.ReminderOrganisations(ctx, t.ID)
		if err != nil {
			return err
		}
		// Whole days left, never more than there are: 49 hours is 2 days,
		// 23 hours is 0 ("less than a day").
		days := int(left / (24 * time.Hour))
		link := e.notes.Link("/workspace/supplier/tenders/" + t.ID)
		// Each organisation's reminder is claimed, then the members of the
		// claimed ones are read in one query.
		draft := map[string]bool{}
		var claimedIDs []string
		for _, o := range orgs {
			claimed, err := tx.ClaimNotificationEvent(ctx, "deadline_reminder:"+t.ID+":"+o.OrganisationID+":"+reminder, now)
			if err != nil {
				return err
			}
			if claimed {
				draft[o.OrganisationID] = o.Draft
				claimedIDs = append(claimedIDs, o.OrganisationID)
			}
		}
		told = len(claimedIDs)
		members, err := tx.NotifiableMembers(ctx, claimedIDs...)
		if err != nil {
			return err
		}
		for _, r := range members {
			title := TenderTitleIn(t, r.Language)
			var headline map[domain.Language]string
			if days < 2 {
				headline = msgDeadlineReminderNotice[days].With(title)
			} else {
				headline = msgDeadlineReminderNotice[2].With(days, title)
			}
			n := Notice{Category: domain.NotifyDeadlineReminders, Kind: "deadline_reminder", Title: headline[r.Language], Link: link,
				Data: map[string]any{"TenderTitle": title, "Deadline": deadlineMsg(t.ResponsesDeadline)[r.Language],
					"DaysLeft": days, "Draft": draft[r.OrganisationID], "Link": link}}
			if err := e.notes.Notify(ctx, tx, n, r.UserID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err // rolled back: nobody was reminded (WithTx runs fn once, never retries)
	}
	return told, nil
}

var msgOutcomeQuestionNotice = domain.Msg{
	EN: "How did your tender “%s” end?", FR: "Quelle suite pour votre appel d’offres « %s » ?",
	DE: "Wie ging Ihre Ausschreibung „%s“ aus?", NL: "Hoe is uw aanbesteding ‘%s’ afgelopen?",
}

// OutcomeQuestions asks the buyer's members of each closed tender whose
// deadline passed OutcomeQuestionDelay ago how it ended, once per tender,
// unless every lot already has its outcome. It returns how many tenders
// it asked about.
func (e *NotificationEvents) OutcomeQuestions(ctx context.Context, now time.Time) (int, error) {
	until := now.Add(-OutcomeQuestionDelay)
	told, after := 0, ""
	for {
		page, err := e.st.ClosedTendersDueBetween(ctx, until.Add(-OutcomeQuestionCatchUp), until, after, notificationEventBatch)
		if err != nil {
			return told, err
		}
		for _, id := range page {
			ok, err := e.outcomeQuestion(ctx, id, now)
			if err != nil {
				return told, fmt.Errorf("outcome question of tender %s: %w", id, err)
			}
			if ok {
				told++
			}
		}
		if len(page) < notificationEventBatch {
			return told, nil
		}
		after = page[len(page)-1]
	}
}

func (e *NotificationEvents) outcomeQuestion(ctx context.Context, tenderID string, now time.Time) (bool, error) {
	told := false
	err := e.st.WithTx(ctx, func(tx *store.Tx) error {
		// Locked: an outcome recorded meanwhile either commits first
		// (and is counted below) or waits for this question.
		t, err := tx.LockTender(ctx, tenderID)
		if errors.Is(err, domain.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if t.State != domain.TenderClosed {
			return nil
		}
		pending, err := tx.CountLotsWithoutOutcome(ctx, t.ID)
		if err != nil || pending == 0 {
			return err
		}
		claimed, err := tx.ClaimNotificationEvent(ctx, "outcome_question:"+t.ID, now)
		if err != nil || !claimed {
			return err
		}
		told = true
		link := e.notes.Link("/workspace/buyer/tenders/" + t.ID)
		return e.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
			title := TenderTitleIn(t, r.Language)
			return Notice{Category: domain.NotifyOutcomeQuestion, Kind: "outcome_question",
				Title: msgOutcomeQuestionNotice.With(title)[r.Language], Link: link,
				Data: map[string]any{"TenderTitle": title, "Deadline": domain.DateMsg(t.ResponsesDeadline.UTC()).With()[r.Language],
					"Pending": pending, "Link": link}}
		}, t.OrganisationID)
	})
	return told && err == nil, err
}

var msgResponsesReceivedNotice = map[int]domain.Msg{
	0: {EN: "No response to your tender “%s”", FR: "Aucune réponse à votre appel d’offres « %s »",
		DE: "Keine Angebote zu Ihrer Ausschreibung „%s“", NL: "Geen antwoorden op uw aanbesteding ‘%s’"},
	1: {EN: "1 response to your tender “%s”", FR: "1 réponse à votre appel d’offres « %s »",
		DE: "1 Angebot zu Ihrer Ausschreibung „%s“", NL: "1 antwoord op uw aanbesteding ‘%s’"},
	2: {EN: "%d responses to your tender “%s”", FR: "%d réponses à votre appel d’offres « %s »",
		DE: "%d Angebote zu Ihrer Ausschreibung „%s“", NL: "%d antwoorden op uw aanbesteding ‘%s’"},
}

// notifyResponsesReceived tells, in tx, the buyer's members of t how many
// responses each lot received: the first moment it may be said, as
// responses are sealed until the deadline. Closing at the deadline and
// recording an outcome before the closing job ran both call it; the
// marker makes the second call, or a retried job, tell nothing.
func notifyResponsesReceived(ctx context.Context, tx *store.Tx, notes *Notifications, t domain.Tender, now time.Time) error {
	if notes == nil {
		return nil
	}
	claimed, err := tx.ClaimNotificationEvent(ctx, "responses_received:"+t.ID, now)
	if err != nil || !claimed {
		return err
	}
	lots, err := tx.CountSentResponsesByLot(ctx, t.ID)
	if err != nil {
		return err
	}
	total := 0
	data := make([]map[string]any, len(lots))
	for i, l := range lots {
		total += l.Responses
		data[i] = map[string]any{"Position": l.Position, "Title": l.Title, "Responses": l.Responses}
	}
	link := notes.Link("/workspace/buyer/tenders/" + t.ID)
	return notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
		title := TenderTitleIn(t, r.Language)
		var headline map[domain.Language]string
		if total < 2 {
			headline = msgResponsesReceivedNotice[total].With(title)
		} else {
			headline = msgResponsesReceivedNotice[2].With(total, title)
		}
		return Notice{Category: domain.NotifyResponsesReceived, Kind: "responses_received", Title: headline[r.Language], Link: link,
			Data: map[string]any{"TenderTitle": title, "Total": total, "Lots": data, "Link": link}}
	}, t.OrganisationID)
}

// deadlineMsg writes an instant as each language writes a date and time,
// in UTC (said so): the deadline is one instant for buyers and suppliers
// of four countries. Every email that gives a deadline writes it so.
func deadlineMsg(at time.Time) map[domain.Language]string {
	at = at.UTC()
	return map[domain.Language]string{
		domain.LangEN: at.Format("2006-01-02 15:04") + " UTC",
		domain.LangFR: at.Format("02/01/2006 à 15:04") + " UTC",
		domain.LangDE: at.Format("02.01.2006, 15:04") + " Uhr UTC",
		domain.LangNL: at.Format("02-01-2006 om 15:04") + " UTC",
	}
}
