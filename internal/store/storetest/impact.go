package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// ImpactWorld is a small marketplace with known impact figures (see
// ImpactFixture): buyers in France and Germany, suppliers in France,
// Germany and Luxembourg, awarded lots, convention meetings and their
// outcomes, routes, interests and responses, all in the first half of
// 2026 except one award recorded on 31 December 2025 (Paris time).
type ImpactWorld struct {
	BuyerFR, BuyerDE                   domain.Organisation
	SupplierFR, SupplierDE, SupplierLU domain.Organisation
	// Tenders: T1, T3 of BuyerFR; T2, T4 of BuyerDE; T0 published in 2025.
	T0, T1, T2, T3, T4 domain.Tender
}

// ImpactCPV are the CPV codes the world's lots use (office cleaning, in
// the sector group "cleaning"; green space maintenance, in "green_spaces").
var ImpactCPV = []string{"90919200-4", "77310000-6"}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// ImpactFixture builds the ImpactWorld:
//
// Awards (lot_outcomes): A1 T1 lot 1 (cleaning) to SupplierFR 10,000 €
// recorded 2026-03-10; A2 T1 lot 2 (green spaces) to SupplierDE 30,000 €
// 2026-03-20; A3 T2 (no CPV) to SupplierDE 5,000 € 2026-04-05; T3 lot 1
// awarded to another company, T3 lot 2 to SupplierLU in USD (neither
// counts); A0 T0 to SupplierFR 7,000 € recorded 2025-12-31T22:30Z (still
// 2025 in Paris).
//
// Meetings: M1 SupplierLU→BuyerFR 2026-04-15, both say deal (buyer 8,000 €,
// supplier 9,000 €); M2 BuyerDE→SupplierFR 2026-04-15, buyer held,
// supplier deal 2,000 €; M3 SupplierFR→BuyerFR 2026-05-05, buyer
// follow_up; M4 SupplierDE→BuyerDE 2026-05-05, buyer no_show; M5
// SupplierFR→SupplierDE 2026-05-06, deal 500 €. SupplierLU's delegate
// lists the sector cleaning.offices; the others none.
//
// Statuses: SupplierFR fr_esat; SupplierDE de_wfbm and
// de_inklusionsbetrieb; SupplierLU a pending lu_sis only.
//
// Tenders published (UTC): T1 2026-02-01 10:00, T2 2026-02-10 08:00, T3
// 2026-03-01 00:00, T4 2026-03-02 00:00, T0 2025-11-03 09:00. First
// interests: T1 SupplierFR +2 h and SupplierDE +5 h; T2 SupplierDE +10 h;
// T3 SupplierFR +4 h; T4 none. Routes: T1 to all three suppliers, T2 to
// SupplierDE, T3 to SupplierLU, T4 to SupplierLU. Responses: SupplierFR
// submitted to T1, SupplierDE a draft to T2.
func (db *DB) ImpactFixture(tb testing.TB) ImpactWorld {
	tb.Helper()
	ctx := context.Background()
	db.CPVCodes(tb, ImpactCPV...)
	w := ImpactWorld{
		BuyerFR:    db.Organisation(tb, OrganisationOptions{Kind: domain.OrgPublicBuyer, Country: "FR", LegalName: "Commune de Testville"}),
		BuyerDE:    db.Organisation(tb, OrganisationOptions{Kind: domain.OrgPublicBuyer, Country: "DE", LegalName: "Gemeinde Teststadt"}),
		SupplierFR: db.Organisation(tb, OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "FR", LegalName: "ESAT Test"}),
		SupplierDE: db.Organisation(tb, OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "DE", LegalName: "WfbM Test"}),
		SupplierLU: db.Organisation(tb, OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "LU", LegalName: "SIS Test"}),
	}
	db.SSEStatus(tb, w.SupplierFR.ID, StatusOptions{Type: domain.SSEStatusType("fr_esat")})
	db.SSEStatus(tb, w.SupplierDE.ID, StatusOptions{Type: domain.SSEStatusType("de_wfbm")})
	db.SSEStatus(tb, w.SupplierDE.ID, StatusOptions{Type: domain.SSEStatusType("de_inklusionsbetrieb")})
	db.SSEStatus(tb, w.SupplierLU.ID, StatusOptions{Type: domain.SSEStatusType("lu_sis"), State: domain.VerificationPending})

	deadline := utc("2026-02-25T12:00:00Z")
	tender := func(buyer domain.Organisation, published string, lots ...domain.TenderLot) domain.Tender {
		return db.Tender(tb, buyer.ID, TenderOptions{State: domain.TenderAwarded, PublishedAt: utc(published), Deadline: deadline, Lots: lots})
	}
	w.T0 = tender(w.BuyerFR, "2025-11-03T09:00:00Z", domain.TenderLot{Title: "Lot"})
	w.T1 = tender(w.BuyerFR, "2026-02-01T10:00:00Z", domain.TenderLot{Title: "Bureaux", CPV: []string{ImpactCPV[0]}},
		domain.TenderLot{Title: "Espaces verts", CPV: []string{ImpactCPV[1]}})
	w.T2 = tender(w.BuyerDE, "2026-02-10T08:00:00Z", domain.TenderLot{Title: "Los"})
	w.T3 = tender(w.BuyerFR, "2026-03-01T00:00:00Z", domain.TenderLot{Title: "A"}, domain.TenderLot{Title: "B"})
	w.T4 = tender(w.BuyerDE, "2026-03-02T00:00:00Z", domain.TenderLot{Title: "Los"})

	lot := func(t domain.Tender, i int) string {
		tn, err := db.Store.GetTender(ctx, t.ID)
		if err != nil {
			tb.Fatalf("storetest: tender: %v", err)
		}
		return tn.Lots[i].ID
	}
	cents := func(euros int64) *int64 { c := euros * 100; return &c }
	outcome := func(lotID string, result domain.LotResult, supplier string, amount *int64, currency, at string) {
		err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
			_, err := tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: lotID, Result: result, SupplierID: supplier, AmountCents: amount,
				Currency: currency}, "", utc(at))
			return err
		})
		if err != nil {
			tb.Fatalf("storetest: outcome: %v", err)
		}
	}
	outcome(lot(w.T1, 0), domain.LotAwardedPasserelle, w.SupplierFR.ID, cents(10000), "EUR", "2026-03-10T09:00:00Z")
	outcome(lot(w.T1, 1), domain.LotAwardedPasserelle, w.SupplierDE.ID, cents(30000), "EUR", "2026-03-20T09:00:00Z")
	outcome(lot(w.T2, 0), domain.LotAwardedPasserelle, w.SupplierDE.ID, cents(5000), "EUR", "2026-04-05T09:00:00Z")
	outcome(lot(w.T3, 0), domain.LotAwardedOther, "", cents(4000), "EUR", "2026-04-06T09:00:00Z")
	outcome(lot(w.T3, 1), domain.LotAwardedPasserelle, w.SupplierLU.ID, cents(1000), "USD", "2026-04-06T09:00:00Z")
	outcome(lot(w.T0, 0), domain.LotAwardedPasserelle, w.SupplierFR.ID, cents(7000), "EUR", "2025-12-31T22:30:00Z")

	exec := func(sql string, args ...any) {
		if _, err := db.Pool.Exec(ctx, sql, args...); err != nil {
			tb.Fatalf("storetest: impact fixture: %v\n%s", err, sql)
		}
	}
	route := func(t domain.Tender, i int, org domain.Organisation, published string) {
		exec(`INSERT INTO lot_routes (lot_id, tender_id, organisation_id, batch, routed_at, score, explanation)
		      VALUES ($1, $2, $3, 1, $4, 500, '[]')`, lot(t, i), t.ID, org.ID, utc(published))
	}
	route(w.T1, 0, w.SupplierFR, "2026-02-01T10:00:00Z")
	route(w.T1, 0, w.SupplierDE, "2026-02-01T10:00:00Z")
	route(w.T1, 1, w.SupplierLU, "2026-02-01T10:00:00Z")
	route(w.T2, 0, w.SupplierDE, "2026-02-10T08:00:00Z")
	route(w.T3, 0, w.SupplierLU, "2026-03-01T00:00:00Z")
	route(w.T4, 0, w.SupplierLU, "2026-03-02T00:00:00Z")
	interest := func(t domain.Tender, org domain.Organisation, at time.Time) {
		exec(`INSERT INTO tender_interested_organisations (tender_id, organisation_id, first_at) VALUES ($1, $2, $3)`, t.ID, org.ID, at)
	}
	interest(w.T1, w.SupplierFR, utc("2026-02-01T12:00:00Z"))
	interest(w.T1, w.SupplierDE, utc("2026-02-01T15:00:00Z"))
	interest(w.T2, w.SupplierDE, utc("2026-02-10T18:00:00Z"))
	interest(w.T3, w.SupplierFR, utc("2026-03-01T04:00:00Z"))
	response := func(t domain.Tender, org domain.Organisation, state string) {
		exec(`INSERT INTO responses (id, tender_id, lot_id, organisation_id, state, message, submitted_at, confirmed_version)
		      VALUES ($1, $2, $3, $4, $5::text, 'Offre', CASE WHEN $5::text = 'draft' THEN NULL ELSE now() END,
		              CASE WHEN $5::text = 'draft' THEN NULL ELSE 1 END)`,
			uuid.New(), t.ID, lot(t, 0), org.ID, state)
	}
	response(w.T1, w.SupplierFR, "submitted")
	response(w.T2, w.SupplierDE, "draft")

	// The convention: one event, one registration and delegate per organisation.
	eventID, typeID := uuid.New(), uuid.New()
	now := time.Now()
	exec(`INSERT INTO events (id, state, name, lang, venue, tables, registration_deadline, cancellation_cutoff, created_at, updated_at)
	      VALUES ($1, 'published', 'Rencontres test', 'fr', 'Metz', 10, $2, $2, $3, $3)`, eventID, utc("2026-04-01T00:00:00Z"), now)
	exec(`INSERT INTO event_participation_types (id, event_id, names) VALUES ($1, $2, '{"fr": "Participant"}')`, typeID, eventID)
	delegates := map[string]uuid.UUID{}
	delegate := func(org domain.Organisation, sectors []string) {
		reg, del := uuid.New(), uuid.New()
		exec(`INSERT INTO event_registrations (id, event_id, organisation_id, participation_type_id, state, fee_cents, currency, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, 'confirmed', 0, 'EUR', $5, $5)`, reg, eventID, org.ID, typeID, now)
		exec(`INSERT INTO event_delegates (id, registration_id, event_id, organisation_id, name, email, lang, profile_lang, sectors, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, 'Délégué', 'delegue@example.org', 'fr', 'fr', $5, $6, $6)`, del, reg, eventID, org.ID, sectors, now)
		delegates[org.ID] = del
	}
	delegate(w.BuyerFR, []string{})
	delegate(w.BuyerDE, []string{})
	delegate(w.SupplierFR, []string{})
	delegate(w.SupplierDE, []string{})
	delegate(w.SupplierLU, []string{"cleaning.offices"})
	table := 0
	type said struct {
		org     domain.Organisation
		outcome string
		euros   int64
	}
	meeting := func(from, to domain.Organisation, starts string, outcomes ...said) {
		table++
		session, request, m := uuid.New(), uuid.New(), uuid.New()
		start := utc(starts)
		exec(`INSERT INTO event_sessions (id, event_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, session, eventID, start, start.Add(time.Hour))
		exec(`INSERT INTO meeting_requests (id, event_id, from_delegate_id, to_delegate_id, priority, state, created_at, expires_at)
		      VALUES ($1, $2, $3, $4, 'would_like', 'accepted', $5, $5)`, request, eventID, delegates[from.ID], delegates[to.ID], now)
		exec(`INSERT INTO event_meetings (id, event_id, request_id, session_id, starts_at, ends_at, table_no, created_at, updated_at)
		      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`, m, eventID, request, session, start, start.Add(20*time.Minute), table, now)
		for _, s := range outcomes {
			var amount *int64
			var currency *string
			if s.outcome == "deal" {
				amount, currency = cents(s.euros), new(string)
				*currency = "EUR"
			}
			exec(`INSERT INTO event_meeting_outcomes (meeting_id, organisation_id, outcome, amount_cents, currency, recorded_at)
			      VALUES ($1, $2, $3, $4, $5, $6)`, m, s.org.ID, s.outcome, amount, currency, start.Add(time.Hour))
		}
	}
	meeting(w.SupplierLU, w.BuyerFR, "2026-04-15T08:00:00Z", said{w.BuyerFR, "deal", 8000}, said{w.SupplierLU, "deal", 9000})
	meeting(w.BuyerDE, w.SupplierFR, "2026-04-15T09:00:00Z", said{w.BuyerDE, "held", 0}, said{w.SupplierFR, "deal", 2000})
	meeting(w.SupplierFR, w.BuyerFR, "2026-05-05T08:00:00Z", said{w.BuyerFR, "follow_up", 0})
	meeting(w.SupplierDE, w.BuyerDE, "2026-05-05T09:00:00Z", said{w.BuyerDE, "no_show", 0})
	meeting(w.SupplierFR, w.SupplierDE, "2026-05-06T08:00:00Z", said{w.SupplierDE, "deal", 500})
	return w
}
