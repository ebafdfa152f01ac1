package core

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// demoPurchase is a past tender of a demonstration buyer, awarded to an
// SSE supplier: what the impact figures count.
type demoPurchase struct {
	buyer, supplier string // demo users of the owners
	lang            domain.Language
	title, lot      string
	sector          string
	euros           int64
	// monthsAgo is when the tender was published; the award is recorded
	// six weeks later.
	monthsAgo int
	// routed are the other suppliers the lot was routed to; the winner and
	// the first of them said they were interested, after interestHours.
	routed        []string
	interestHours int
}

var demoPurchases = []demoPurchase{
	{"achats.valdemoselle", "esat.saulnois", domain.LangFR, "Entretien des espaces verts communaux 2026", "Tonte et taille", "green_spaces.maintenance", 42000, 7, []string{"ea.lorraine", "aci.moselle"}, 6},
	{"achats.valdemoselle", "wfbm.saar", domain.LangFR, "Conditionnement des colis de fin d'année", "Conditionnement", "packaging.assembly", 18500, 6, []string{"esat.saulnois"}, 20},
	{"achats.valdemoselle", "ea.lorraine", domain.LangFR, "Nettoyage des bureaux de la mairie", "Bureaux", "cleaning.offices", 27600, 4, []string{"esat.saulnois", "eta.ardennes"}, 3},
	{"achats.valdemoselle", "atelier.suremoselle", domain.LangFR, "Blanchisserie des linges de la crèche", "Linge", "laundry.laundry", 9800, 2, []string{"esat.saulnois"}, 30},
	{"vergabe.saarhausen", "wfbm.saar", domain.LangDE, "Grünpflege der Schulhöfe", "Grünpflege", "green_spaces.maintenance", 31000, 6, []string{"inklusion.pfalz"}, 8},
	{"vergabe.saarhausen", "esat.saulnois", domain.LangDE, "Druck des Gemeindeblatts", "Druck", "printing.printing", 12400, 3, []string{"wfbm.saar"}, 48},
	{"vergabe.saarhausen", "inklusion.pfalz", domain.LangDE, "Kantinenverpflegung Rathaus", "Verpflegung", "catering.canteens", 54000, 1, []string{"wfbm.saar"}, 12},
	{"achats.plateau", "eta.ardennes", domain.LangEN, "Corporate gifts for the staff party", "Gifts", "packaging.assembly", 7400, 5, []string{"atelier.suremoselle"}, 72},
	{"achats.plateau", "atelier.suremoselle", domain.LangEN, "Office cleaning, Kirchberg site", "Cleaning", "cleaning.offices", 38900, 2, []string{"ea.lorraine"}, 5},
}

// seedImpact records the purchases of the past months: tenders published
// and awarded before the demonstration started (the use cases refuse
// deadlines in the past, so the store writes them as their history would
// have left them), each routed to a few suppliers, some interested, with
// its award recorded. The impact dashboards are then not empty.
func seedImpact(ctx context.Context, w *demoWorld) error {
	now := time.Now().UTC()
	for _, d := range demoPurchases {
		buyer, ok := w.orgs[d.buyer]
		if !ok {
			return fmt.Errorf("demo purchase %q: no buyer %s", d.title, d.buyer)
		}
		winner, ok := w.orgs[d.supplier]
		if !ok {
			return fmt.Errorf("demo purchase %q: no supplier %s", d.title, d.supplier)
		}
		published := time.Date(now.Year(), now.Month(), 10, 9, 0, 0, 0, time.UTC).AddDate(0, -d.monthsAgo, 0)
		deadline := published.AddDate(0, 0, 30)
		awarded := published.AddDate(0, 0, 42)
		if _, ok := taxonomy.Sector(d.sector); !ok {
			return fmt.Errorf("demo purchase %q: no sector %q", d.title, d.sector)
		}
		cpv, err := demoCPV(ctx, w, []string{d.sector})
		if err != nil {
			return err
		}
		place := buyer.org.NUTS3
		if place == "" {
			place = buyer.org.Country
		}
		actor, _ := buyer.owner()
		err = w.st.WithTx(ctx, func(tx *store.Tx) error {
			t, err := tx.CreateTender(ctx, domain.Tender{OrganisationID: buyer.org.ID, Kind: domain.TenderFormal, OriginalLanguage: d.lang,
				PlaceNUTS: place, PlaceTown: buyer.org.Town, QuestionsDeadline: deadline.AddDate(0, 0, -7), ResponsesDeadline: deadline,
				ResponseLanguages: []domain.Language{d.lang}, Texts: []domain.TenderText{{Language: d.lang, Title: d.title, Description: d.title + ".", Original: true}}}, published)
			if err != nil {
				return err
			}
			lot, err := tx.CreateTenderLot(ctx, domain.TenderLot{TenderID: t.ID, Position: 1, Title: d.lot, Description: d.lot + ".", CPV: cpv, Currency: "EUR",
				Clauses: domain.DefaultLotClauses()}, published)
			if err != nil {
				return err
			}
			t.State, t.SubmittedAt, t.PublishedAt, t.ClosedAt = domain.TenderAwarded, &published, &published, &deadline
			if _, err := tx.SaveTender(ctx, t, awarded); err != nil {
				return err
			}
			entries := []store.RouteEntry{{OrganisationID: winner.org.ID, Score: 800, Explanation: json.RawMessage("[]")}}
			for _, r := range d.routed {
				if o, ok := w.orgs[r]; ok {
					entries = append(entries, store.RouteEntry{OrganisationID: o.org.ID, Score: 600, Explanation: json.RawMessage("[]")})
				}
			}
			if _, err := tx.RecordRoutingBatch(ctx, t.ID, lot.ID, 1, published, entries); err != nil {
				return err
			}
			for i, e := range entries[:min(2, len(entries))] {
				at := published.Add(time.Duration(d.interestHours+i*4) * time.Hour)
				if _, err := tx.AnswerLotRoute(ctx, lot.ID, e.OrganisationID, domain.RouteAnswer{Interest: domain.Interested, AnsweredAt: at}); err != nil {
					return err
				}
				if _, _, err := tx.CountTenderInterest(ctx, t.ID, e.OrganisationID, at); err != nil {
					return err
				}
			}
			cents := d.euros * 100
			_, err = tx.SaveLotOutcome(ctx, domain.LotOutcome{LotID: lot.ID, Result: domain.LotAwardedPasserelle, SupplierID: winner.org.ID,
				AmountCents: &cents, Currency: "EUR"}, actor.UserID, awarded)
			return err
		})
		if err != nil {
			return fmt.Errorf("demo purchase %q: %w", d.title, err)
		}
	}
	w.count("past purchases", len(demoPurchases))
	return nil
}
