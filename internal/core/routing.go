package core

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/routing"
	"passerelle/internal/store"
)

// RoutingJobs enqueues, in the transaction of the change, the job that
// routes a published tender's lots to their first batch of suppliers.
type RoutingJobs interface {
	ScheduleRouting(ctx context.Context, tx *store.Tx, tenderID string) error
}

// WithRouting makes publication (and a lot added to a published tender)
// queue, in its transaction, the routing of the tender's lots never routed
// yet. It returns s.
func (s *Tenders) WithRouting(jobs RoutingJobs) *Tenders {
	s.route = jobs
	return s
}

// Routing defaults (PASSERELLE_ROUTING_BATCH_SIZE,
// PASSERELLE_ROUTING_TARGET_INTERESTED).
const (
	DefaultRoutingBatchSize        = 10
	DefaultRoutingTargetInterested = 6
)

// RoutingConfig configures routing.
type RoutingConfig struct {
	// BatchSize is how many suppliers a lot is brought to at a time: at
	// publication, then at each daily top-up.
	BatchSize int
	// TargetInterested is how many interested suppliers a lot needs
	// before the daily top-ups stop.
	TargetInterested int
	// PublicURL is the web app's address, for links in notifications.
	PublicURL string
}

// Routing brings published tenders' lots to the suppliers that match them
// (DOMAIN.md "Routing requests to suppliers"): the best batch at
// publication, a new batch a day while too few are interested and the
// deadline is ahead, never the same supplier twice; it tells each routed
// supplier's members, and lets suppliers answer.
type Routing struct {
	st    *store.Store
	notes *Notifications
	now   Clock
	cfg   RoutingConfig
}

// NewRouting builds the routing use cases; notes tells suppliers and
// buyers.
func NewRouting(st *store.Store, notes *Notifications, now Clock, cfg RoutingConfig) *Routing {
	if now == nil {
		now = time.Now
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultRoutingBatchSize
	}
	if cfg.TargetInterested <= 0 {
		cfg.TargetInterested = DefaultRoutingTargetInterested
	}
	return &Routing{st: st, notes: notes, now: now, cfg: cfg}
}

// RouteTender routes each lot of a published tender that was never
// routed to its first batch of suppliers, and tells them. It returns how
// many suppliers were routed a lot. Running it again routes nothing new:
// a retried job neither routes nor notifies twice.
func (s *Routing) RouteTender(ctx context.Context, tenderID string) (int, error) {
	return s.route(ctx, tenderID, false)
}

// TopUpBatch is how many tenders one query of TopUp fetches.
const TopUpBatch = 100

// TopUp routes the next batch of every lot of a published tender, before
// its deadline, that has fewer interested suppliers than the target and
// was not routed today (UTC): at most one batch per lot and day, never
// to a supplier the lot was routed to before. It returns how many
// suppliers were routed a lot.
func (s *Routing) TopUp(ctx context.Context) (int, error) {
	total, after := 0, ""
	for {
		now := s.now()
		ids, err := s.st.TendersDueForTopUp(ctx, now, dayStart(now), s.cfg.TargetInterested, after, TopUpBatch)
		if err != nil {
			return total, err
		}
		for _, id := range ids {
			n, err := s.route(ctx, id, true)
			if err != nil {
				return total, fmt.Errorf("top-up of tender %s: %w", id, err)
			}
			total += n
		}
		if len(ids) < TopUpBatch {
			return total, nil
		}
		after = ids[len(ids)-1]
	}
}

// dayStart is the start of now's day in UTC: a lot gets one batch per day.
func dayStart(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// routedLot is a lot routed to a supplier, with why it matched.
type routedLot struct {
	lot     domain.TenderLot
	reasons []routing.Reason
}

// route routes the lots of a tender due for it (first batches, or
// top-ups) in one transaction holding the tender's row: the routes, the
// audit entry and the notifications are committed together or not at all,
// and two runs for one tender take turns.
func (s *Routing) route(ctx context.Context, tenderID string, topUp bool) (int, error) {
	now := s.now()
	routed := 0
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		routed = 0 // a retried transaction starts over
		t, err := tx.LockTender(ctx, tenderID)
		if errors.Is(err, domain.ErrNotFound) {
			return nil // deleted since the job was queued
		}
		if err != nil {
			return err
		}
		if t.State != domain.TenderPublished || t.DeadlinePassed(now) {
			return nil
		}
		buyer, err := s.st.GetOrganisation(ctx, t.OrganisationID)
		if err != nil {
			return err
		}
		if buyer.Status != domain.OrgActive {
			return nil // a suspended buyer's tenders reach nobody
		}
		lots, err := tx.LotsDueForRouting(ctx, t.ID, topUp, s.cfg.TargetInterested, dayStart(now))
		if err != nil || len(lots) == 0 {
			return err
		}
		declined, err := s.st.TenderNotInterestedOrganisations(ctx, t.ID)
		if err != nil {
			return err
		}
		perOrg := map[string][]routedLot{}
		audited := map[string]any{}
		for _, lotID := range lots {
			i := slices.IndexFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID })
			if i < 0 {
				continue
			}
			ids, reasons, batch, err := s.routeLot(ctx, tx, t.ID, lotID, declined, now)
			if err != nil {
				return err
			}
			for _, org := range ids {
				perOrg[org] = append(perOrg[org], routedLot{lot: t.Lots[i], reasons: reasons[org]})
			}
			if len(ids) > 0 {
				audited[lotID] = map[string]any{"batch": batch, "organisations": ids}
				routed += len(ids)
			}
		}
		if routed == 0 {
			return nil
		}
		action := "tender.routed"
		if topUp {
			action = "tender.topped_up"
		}
		if err := writeAudit(ctx, tx, Actor{}, action, "tender", t.ID, t.OrganisationID, nil, map[string]any{"lots": audited}); err != nil {
			return err
		}
		return s.tellSuppliers(ctx, tx, t, buyer, perOrg)
	})
	return routed, err
}

// routeLot records the next batch of a lot: its best matches now, leaving
// out the organisations it was routed to and those not interested in the
// tender. It returns the organisations routed now (none when no candidate
// remains), the reasons each matched for, and the batch number.
func (s *Routing) routeLot(ctx context.Context, tx *store.Tx, tenderID, lotID string, declined map[string]bool, now time.Time) (
	[]string, map[string][]routing.Reason, int, error) {
	matches, err := MatchLot(ctx, s.st, lotID, now)
	if err != nil {
		return nil, nil, 0, err
	}
	skip, err := s.st.LotRoutedOrganisations(ctx, lotID)
	if err != nil {
		return nil, nil, 0, err
	}
	for org := range declined {
		skip[org] = true
	}
	entries, err := RouteEntries(matches, skip, s.cfg.BatchSize)
	if err != nil || len(entries) == 0 {
		return nil, nil, 0, err
	}
	batch, err := tx.NextRoutingBatch(ctx, lotID)
	if err != nil {
		return nil, nil, 0, err
	}
	// The primary key skips any organisation routed meanwhile: only those
	// routed now are told.
	ids, err := tx.RecordRoutingBatch(ctx, tenderID, lotID, batch, now, entries)
	if err != nil {
		return nil, nil, 0, err
	}
	reasons := make(map[string][]routing.Reason, len(ids))
	for _, m := range matches {
		if slices.Contains(ids, m.OrganisationID) {
			reasons[m.OrganisationID] = m.Reasons
		}
	}
	return ids, reasons, batch, nil
}

// tellSuppliers notifies every member of each routed organisation once
// for the tender, listing the lots routed to it now, each member in their
// language (category new_matching_need: by default in the daily digest).
func (s *Routing) tellSuppliers(ctx context.Context, tx *store.Tx, t domain.Tender, buyer domain.Organisation, perOrg map[string][]routedLot) error {
	if s.notes == nil {
		return nil
	}
	orgs := make([]string, 0, len(perOrg))
	for org := range perOrg {
		orgs = append(orgs, org)
	}
	slices.Sort(orgs) // a fixed order: the same notifications whatever the map's
	base := strings.TrimRight(s.cfg.PublicURL, "/")
	for _, orgID := range orgs {
		org, err := s.st.GetOrganisation(ctx, orgID)
		if err != nil {
			return err
		}
		members, err := s.st.ListMembers(ctx, orgID)
		if err != nil {
			return err
		}
		for _, m := range members {
			u, err := s.st.GetUser(ctx, m.UserID)
			if err != nil {
				return err
			}
			lang := u.Language
			title := tenderTitleIn(t, lang)
			lots := make([]any, 0, len(perOrg[orgID]))
			for _, rl := range perOrg[orgID] {
				var reasons []any
				for _, r := range matchReasonsIn(rl.reasons) {
					reasons = append(reasons, r[lang])
				}
				lots = append(lots, map[string]any{"Title": rl.lot.Title, "Reasons": reasons})
			}
			buyerName := organisationName(buyer)
			if t.BuyerAnonymous {
				buyerName = msgAnonymousBuyer.With()[lang]
			}
			link := base + "/tenders/" + t.ID
			data := map[string]any{"OrganisationName": organisationName(org), "TenderTitle": title, "BuyerName": buyerName,
				"Deadline": deadlineIn(t.ResponsesDeadline, lang), "Lots": lots, "Link": link,
				"AnswerLink": base + "/organisations/" + orgID + "/needs"}
			if err := s.notes.Notify(ctx, tx, Notice{Category: domain.NotifyNewMatchingNeed, Kind: "new_matching_need",
				Title: msgNewNeedTitle.With(title)[lang], Link: link, Data: data}, u.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// tenderTitleIn is a tender's title in lang when its buyer wrote one, else
// in its original language.
func tenderTitleIn(t domain.Tender, lang domain.Language) string {
	for _, x := range t.Texts {
		if x.Language == lang {
			return x.Title
		}
	}
	return t.Original().Title
}

// deadlineIn writes a deadline as lang writes dates, with the time in UTC.
func deadlineIn(at time.Time, lang domain.Language) string {
	at = at.UTC()
	return msgDeadlineAt.With(domain.DateMsg(at), at.Format("15:04"))[lang]
}
