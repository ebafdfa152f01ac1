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
//
// It resumes where a run cut short stopped: each tender's batch commits on
// its own, and TendersDueForTopUp leaves out the lots routed today, so a
// retry the same day goes on with the tenders not done yet. Only tenders
// whose lots had no candidate left are examined again (nothing is
// routed or told twice).
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

// lotPlan is the next batch of a lot, prepared before the transaction.
type lotPlan struct {
	lot     domain.TenderLot
	entries []store.RouteEntry
	reasons map[string][]routing.Reason
}

// route routes the lots of a tender due for it (first batches, or
// top-ups). Matching reads much, so the batches are prepared first,
// without a lock; then one transaction holding the tender's row checks
// again which lots are due and records their batches, the audit entry and
// the notifications together: two runs for one tender take turns, and the
// second finds nothing left to do. Inside it, reads go through the
// transaction only, so that runs waiting for the lock cannot starve it of
// connections.
func (s *Routing) route(ctx context.Context, tenderID string, topUp bool) (int, error) {
	now := s.now()
	t, err := s.st.GetTender(ctx, tenderID)
	if errors.Is(err, domain.ErrNotFound) {
		return 0, nil // deleted since the job was queued
	}
	if err != nil {
		return 0, err
	}
	if t.State != domain.TenderPublished || t.DeadlinePassed(now) {
		return 0, nil
	}
	buyer, err := s.st.GetOrganisation(ctx, t.OrganisationID)
	if err != nil {
		return 0, err
	}
	if buyer.Status != domain.OrgActive {
		return 0, nil // a suspended buyer's tenders reach nobody
	}
	plans, err := s.plan(ctx, t, topUp, now)
	if err != nil || len(plans) == 0 {
		return 0, err
	}
	recipients, err := s.recipients(ctx, plans)
	if err != nil {
		return 0, err
	}
	routed := 0
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		locked, err := tx.LockTender(ctx, tenderID)
		if err != nil {
			return err
		}
		if locked.State != domain.TenderPublished || locked.DeadlinePassed(now) {
			return nil
		}
		due, err := tx.LotsDueForRouting(ctx, t.ID, topUp, s.cfg.TargetInterested, dayStart(now))
		if err != nil {
			return err
		}
		perOrg := map[string][]routedLot{}
		audited := map[string]any{}
		for _, p := range plans {
			if !slices.Contains(due, p.lot.ID) {
				continue // routed meanwhile by another run
			}
			batch, err := tx.NextRoutingBatch(ctx, p.lot.ID)
			if err != nil {
				return err
			}
			// The primary key skips any organisation routed meanwhile:
			// only those routed now are told.
			ids, err := tx.RecordRoutingBatch(ctx, t.ID, p.lot.ID, batch, now, p.entries)
			if err != nil {
				return err
			}
			for _, org := range ids {
				perOrg[org] = append(perOrg[org], routedLot{lot: p.lot, reasons: p.reasons[org]})
			}
			if len(ids) > 0 {
				audited[p.lot.ID] = map[string]any{"batch": batch, "organisations": ids}
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
		return s.tellSuppliers(ctx, tx, locked, buyer, perOrg, recipients)
	})
	if err != nil {
		return 0, err // rolled back: nobody was routed (WithTx runs fn once, never retries)
	}
	return routed, nil
}

// plan prepares the next batch of each lot of t due for routing: its best
// matches now, leaving out the organisations it was routed to and those
// not interested in the tender. Lots without a candidate left are left
// out.
func (s *Routing) plan(ctx context.Context, t domain.Tender, topUp bool, now time.Time) ([]lotPlan, error) {
	due, err := s.st.LotsDueForRouting(ctx, t.ID, topUp, s.cfg.TargetInterested, dayStart(now))
	if err != nil || len(due) == 0 {
		return nil, err
	}
	declined, err := s.st.TenderNotInterestedOrganisations(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	var plans []lotPlan
	for _, l := range t.Lots {
		if !slices.Contains(due, l.ID) {
			continue
		}
		matches, err := MatchLot(ctx, s.st, l.ID, now)
		if err != nil {
			return nil, err
		}
		skip, err := s.st.LotRoutedOrganisations(ctx, l.ID)
		if err != nil {
			return nil, err
		}
		for org := range declined {
			skip[org] = true
		}
		entries, err := RouteEntries(matches, skip, s.cfg.BatchSize)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			continue
		}
		p := lotPlan{lot: l, entries: entries, reasons: make(map[string][]routing.Reason, len(entries))}
		for _, m := range matches {
			p.reasons[m.OrganisationID] = m.Reasons
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// MaxLotsInNotice is how many lots a new-need notification lists (the
// others are counted): a tender has up to domain.MaxLots lots, and a
// notification's data is bounded (16 KiB).
const MaxLotsInNotice = 10

// recipients loads, before the transaction, every organisation a plan
// may route to (for its name in the notices). Their members are read in
// the transaction, in one query that leaves out disabled accounts and
// unconfirmed addresses.
//
// There is no batch query for organisations: one read each, at most
// BatchSize per lot.
func (s *Routing) recipients(ctx context.Context, plans []lotPlan) (map[string]domain.Organisation, error) {
	out := map[string]domain.Organisation{}
	for _, p := range plans {
		for _, e := range p.entries {
			if _, ok := out[e.OrganisationID]; ok {
				continue
			}
			org, err := s.st.GetOrganisation(ctx, e.OrganisationID)
			if err != nil {
				return nil, err
			}
			out[e.OrganisationID] = org
		}
	}
	return out, nil
}

// tellSuppliers notifies every member of each routed organisation once
// for the tender, listing the lots routed to it now, each member in their
// language (category new_matching_need: by default in the daily digest).
func (s *Routing) tellSuppliers(ctx context.Context, tx *store.Tx, t domain.Tender, buyer domain.Organisation,
	perOrg map[string][]routedLot, orgs map[string]domain.Organisation) error {
	if s.notes == nil {
		return nil
	}
	ids := make([]string, 0, len(perOrg))
	for org := range perOrg {
		ids = append(ids, org)
	}
	slices.Sort(ids) // a fixed order: the same notifications whatever the map's
	members, err := tx.NotifiableMembers(ctx, ids...)
	if err != nil {
		return err
	}
	base := strings.TrimRight(s.cfg.PublicURL, "/")
	link := base + "/tenders/" + t.ID
	for _, r := range members {
		orgID, lang := r.OrganisationID, r.Language
		title := TenderTitleIn(t, lang)
		listed := perOrg[orgID]
		more := max(0, len(listed)-MaxLotsInNotice)
		listed = listed[:len(listed)-more]
		lots := make([]any, 0, len(listed))
		for _, rl := range listed {
			var reasons []any
			for _, m := range matchReasonsIn(rl.reasons) {
				reasons = append(reasons, m[lang])
			}
			lots = append(lots, map[string]any{"Title": rl.lot.Title, "Reasons": reasons})
		}
		buyerName := organisationName(buyer)
		if t.BuyerAnonymous {
			buyerName = msgAnonymousBuyer.With()[lang]
		}
		data := map[string]any{"OrganisationName": organisationName(orgs[orgID]), "TenderTitle": title, "BuyerName": buyerName,
			"Deadline": deadlineMsg(t.ResponsesDeadline)[lang], "Lots": lots, "MoreLots": more, "Link": link,
			"AnswerLink": base + "/workspace/supplier/needs"}
		if err := s.notes.Notify(ctx, tx, Notice{Category: domain.NotifyNewMatchingNeed, Kind: "new_matching_need",
			Title: msgNewNeedTitle.With(title)[lang], Link: link, Data: data}, r.UserID); err != nil {
			return err
		}
	}
	return nil
}

// TenderTitleIn is a tender's title in lang when its buyer wrote one, else
// in its original language.
func TenderTitleIn(t domain.Tender, lang domain.Language) string {
	for _, x := range t.Texts {
		if x.Language == lang {
			return x.Title
		}
	}
	return t.Original().Title
}

// OrganisationName is the name an organisation goes by: its trade name,
// else its legal name.
func OrganisationName(o domain.Organisation) string { return organisationName(o) }
