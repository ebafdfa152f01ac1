package core_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

func f64(v float64) *float64 { return &v }

func row(key string, euros, count int64) core.ImpactRow {
	return core.ImpactRow{Key: key, ImpactAmount: core.ImpactAmount{AmountCents: euros * 100, Count: count}}
}

func amount(euros, count int64) core.ImpactAmount {
	return core.ImpactAmount{AmountCents: euros * 100, Count: count}
}

func months(rows ...core.ImpactRow) []core.ImpactRow { return rows }

type impactEnv struct {
	db    *storetest.DB
	w     storetest.ImpactWorld
	s     *core.Impact
	mod   domain.Principal
	fr    domain.Principal // a member of BuyerFR
	now   time.Time
	first core.ImpactFilter
}

func newImpactEnv(t *testing.T) impactEnv {
	db := storetest.New(t)
	w := db.ImpactFixture(t)
	now := time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)
	return impactEnv{db: db, w: w, s: core.NewImpact(db.Store, func() time.Time { return now }), now: now,
		mod:   domain.Principal{UserID: "m", PlatformRole: domain.PlatformModerator},
		fr:    domain.Principal{UserID: "u", Memberships: map[string]domain.MembershipRole{w.BuyerFR.ID: domain.RoleMember}},
		first: core.ImpactFilter{From: "2026-01-01", To: "2026-06-30"}}
}

// Every figure of the cluster over the first half of 2026, computed by
// hand from storetest.ImpactFixture.
func TestImpactClusterFigures(t *testing.T) {
	e := newImpactEnv(t)
	rep, err := e.s.Cluster(context.Background(), e.mod, e.first)
	if err != nil {
		t.Fatal(err)
	}
	want := core.ImpactFigures{
		// A1 10,000 + A2 30,000 + A3 5,000; M1 8,000 (the buyer's, not the
		// supplier's 9,000) + M2 2,000 (the supplier's: the buyer said held).
		Total: amount(55000, 5), Awards: amount(45000, 3), Deals: amount(10000, 2),
		ByCountry: []core.ImpactRow{row("DE", 35000, 2), row("FR", 12000, 2), row("LU", 8000, 1)},
		// A1 cleaning, A2 green spaces, M1 the LU delegate's cleaning.offices;
		// A3 and M2 have no sector.
		BySector: []core.ImpactRow{row("green_spaces", 30000, 1), row("cleaning", 18000, 2), row("unclassified", 7000, 2)},
		// SupplierDE counts under both its statuses; SupplierLU's is pending.
		ByStatus: []core.ImpactRow{row("de_inklusionsbetrieb", 35000, 2), row("de_wfbm", 35000, 2), row("fr_esat", 12000, 2),
			row("none", 8000, 1)},
		// From the first to the last month with purchases, not the whole period.
		ByMonth: months(row("2026-03", 40000, 2), row("2026-04", 15000, 3)),
		// A2 DE→FR, M1 LU→FR, M2 FR→DE.
		CrossBorder: amount(40000, 3), CrossBorderShareByAmount: 0.7273, CrossBorderShareByCount: 0.6,
		// T1–T4: routed to the three suppliers; FR and DE interested; FR responded (DE's is a draft).
		Reach: store.ImpactReach{Reached: 3, Interested: 2, Responding: 1},
		// M1, M2, M3 (follow-up), M5 (two suppliers) held; M4 a no-show.
		MeetingsHeld: 4, MeetingDeals: 3,
		// 2, 4 and 10 hours; T4 had no interest.
		TendersPublished: 4, TendersWithInterest: 3, MedianHoursToInterest: f64(4), P90HoursToInterest: f64(8.8),
	}
	if !reflect.DeepEqual(rep.Figures, want) {
		t.Errorf("cluster figures\n got %+v\nwant %+v", rep.Figures, want)
	}

	// Without a period: A0 (31 December 2025 in Paris) and T0 join.
	all, err := e.s.Cluster(context.Background(), e.mod, core.ImpactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Figures.Total != amount(62000, 6) || all.Figures.TendersPublished != 5 {
		t.Errorf("all time: total %+v, %d tenders; want 62,000 € in 6, 5 tenders", all.Figures.Total, all.Figures.TendersPublished)
	}
	if all.Figures.ByMonth[0] != row("2025-12", 7000, 1) || len(all.Figures.ByMonth) != 5 {
		t.Errorf("all time months: %+v; want December 2025 to April 2026, 7,000 € first", all.Figures.ByMonth)
	}
	// The period's last day is included, in Paris time: A0 was recorded
	// at 23:30 on 31 December there.
	dec, err := e.s.Cluster(context.Background(), e.mod, core.ImpactFilter{From: "2025-12-31", To: "2025-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if dec.Figures.Total != amount(7000, 1) || !reflect.DeepEqual(dec.Figures.ByMonth, months(row("2025-12", 7000, 1))) {
		t.Errorf("31 December 2025: %+v by month %+v", dec.Figures.Total, dec.Figures.ByMonth)
	}
}

// The country filter keeps the buyers of a country: German buyers bought
// A3 and, at the convention, M2.
func TestImpactCountryFilter(t *testing.T) {
	e := newImpactEnv(t)
	f := e.first
	f.Country = "DE"
	rep, err := e.s.Cluster(context.Background(), e.mod, f)
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Figures
	if got.Total != amount(7000, 2) || got.Awards != amount(5000, 1) || got.Deals != amount(2000, 1) {
		t.Errorf("DE totals: %+v %+v %+v", got.Total, got.Awards, got.Deals)
	}
	if got.CrossBorder != amount(2000, 1) || got.CrossBorderShareByAmount != 0.2857 || got.CrossBorderShareByCount != 0.5 {
		t.Errorf("DE cross-border: %+v %v %v", got.CrossBorder, got.CrossBorderShareByAmount, got.CrossBorderShareByCount)
	}
	if got.MeetingsHeld != 1 || got.MeetingDeals != 1 {
		t.Errorf("DE meetings: held %d deals %d; want 1 and 1", got.MeetingsHeld, got.MeetingDeals)
	}
	if got.Reach != (store.ImpactReach{Reached: 2, Interested: 1, Responding: 0}) {
		t.Errorf("DE reach: %+v", got.Reach)
	}
	if got.TendersPublished != 2 || got.TendersWithInterest != 1 || *got.MedianHoursToInterest != 10 || *got.P90HoursToInterest != 10 {
		t.Errorf("DE first interest: %d %d %v %v", got.TendersPublished, got.TendersWithInterest, *got.MedianHoursToInterest, *got.P90HoursToInterest)
	}
}

// A buyer sees its own purchases only; anyone else gets 404.
func TestImpactOrganisationScope(t *testing.T) {
	e := newImpactEnv(t)
	ctx := context.Background()
	rep, err := e.s.Organisation(ctx, e.fr, e.w.BuyerFR.ID, e.first)
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Figures
	want := core.ImpactFigures{
		Total: amount(48000, 3), Awards: amount(40000, 2), Deals: amount(8000, 1),
		ByCountry:   []core.ImpactRow{row("DE", 30000, 1), row("FR", 10000, 1), row("LU", 8000, 1)},
		BySector:    []core.ImpactRow{row("green_spaces", 30000, 1), row("cleaning", 18000, 2)},
		ByStatus:    []core.ImpactRow{row("de_inklusionsbetrieb", 30000, 1), row("de_wfbm", 30000, 1), row("fr_esat", 10000, 1), row("none", 8000, 1)},
		ByMonth:     months(row("2026-03", 40000, 2), row("2026-04", 8000, 1)),
		CrossBorder: amount(38000, 2), CrossBorderShareByAmount: 0.7917, CrossBorderShareByCount: 0.6667,
		Reach:        store.ImpactReach{Reached: 3, Interested: 2, Responding: 1},
		MeetingsHeld: 2, MeetingDeals: 1,
		TendersPublished: 2, TendersWithInterest: 2, MedianHoursToInterest: f64(3), P90HoursToInterest: f64(3.8),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BuyerFR figures\n got %+v\nwant %+v", got, want)
	}
	if rep.OrganisationID != e.w.BuyerFR.ID || rep.OrganisationName != "Commune de Testville" {
		t.Errorf("report of %q %q", rep.OrganisationID, rep.OrganisationName)
	}
	// A moderator reads any buyer's figures.
	if _, err := e.s.Organisation(ctx, e.mod, e.w.BuyerDE.ID, e.first); err != nil {
		t.Errorf("moderator on BuyerDE: %v", err)
	}
	for name, c := range map[string]struct {
		p     domain.Principal
		orgID string
	}{
		"another buyer":           {e.fr, e.w.BuyerDE.ID},
		"a supplier's own member": {domain.Principal{UserID: "s", Memberships: map[string]domain.MembershipRole{e.w.SupplierFR.ID: domain.RoleOwner}}, e.w.SupplierFR.ID},
		"no such organisation":    {e.mod, "01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"},
		"not an id":               {e.mod, "nope"},
	} {
		if _, err := e.s.Organisation(ctx, c.p, c.orgID, e.first); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: %v, want not found", name, err)
		}
	}
	if _, err := e.s.Cluster(ctx, e.fr, e.first); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a buyer on the cluster: %v, want forbidden", err)
	}
}

func TestImpactFilterValidation(t *testing.T) {
	e := newImpactEnv(t)
	for _, c := range []struct {
		f     core.ImpactFilter
		field string
	}{
		{core.ImpactFilter{From: "2026-13-01"}, "query.from"},
		{core.ImpactFilter{To: "31/12/2026"}, "query.to"},
		{core.ImpactFilter{From: "2026-05-01", To: "2026-04-30"}, "query.to"},
		{core.ImpactFilter{Country: "fr"}, "query.country"},
	} {
		_, err := e.s.Cluster(context.Background(), e.mod, c.f)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != c.field || ve.Fields[0].Messages[domain.LangFR] == "" {
			t.Errorf("%+v: %v, want one localized error on %s", c.f, err, c.field)
		}
	}
}

// The month series runs from the first to the last month with purchases
// in the period, however long ago the period starts, with every month in
// between: none is dropped, none padded.
func TestImpactMonthsFollowTheData(t *testing.T) {
	at := func(y int, m time.Month) time.Time { return time.Date(y, m, 15, 12, 0, 0, 0, time.UTC) }
	award := func(t time.Time) store.ImpactAward {
		return store.ImpactAward{AmountCents: 100, RecordedAt: t, SupplierCountry: "FR", BuyerCountry: "FR"}
	}
	facts := core.ImpactFacts{Awards: []store.ImpactAward{award(at(2016, 3)), award(at(2026, 4)), award(at(2026, 4))}}
	got := core.ComputeImpact(facts).ByMonth
	if len(got) != 122 || got[0] != row("2016-03", 1, 1) || got[121] != row("2026-04", 2, 2) || got[60] != row("2021-03", 0, 0) {
		t.Errorf("all time: %d months, first %+v, last %+v; want March 2016 to April 2026 (122)", len(got), got[0], got[len(got)-1])
	}
	// A period that starts long before the first purchase starts the
	// series at that purchase.
	facts = core.ImpactFacts{Awards: []store.ImpactAward{award(at(2026, 3)), award(at(2026, 5))},
		From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	if got := core.ComputeImpact(facts).ByMonth; !reflect.DeepEqual(got, months(row("2026-03", 1, 1), row("2026-04", 0, 0), row("2026-05", 1, 1))) {
		t.Errorf("period from 2017: %+v, want March to May 2026", got)
	}
	if got := core.ComputeImpact(core.ImpactFacts{}).ByMonth; got == nil || len(got) != 0 {
		t.Errorf("no purchase: %#v, want an empty list", got)
	}
}

// A period longer than 120 months is refused on its fields, in four
// languages, rather than cut; 120 months are accepted.
func TestImpactRefusesPeriodsLongerThan120Months(t *testing.T) {
	e := newImpactEnv(t) // today is 1 July 2026
	ctx := context.Background()
	for _, c := range []struct {
		f      core.ImpactFilter
		fields []string
	}{
		{core.ImpactFilter{From: "2016-06-30", To: "2026-06-30"}, []string{"query.from", "query.to"}},
		{core.ImpactFilter{From: "2016-06-01"}, []string{"query.from"}}, // until today: 122 months
	} {
		_, err := e.s.Cluster(ctx, e.mod, c.f)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != len(c.fields) {
			t.Errorf("%+v: %v, want errors on %v", c.f, err, c.fields)
			continue
		}
		for i, f := range ve.Fields {
			if f.Field != c.fields[i] || !strings.Contains(f.Messages[domain.LangEN], "120 months") ||
				!strings.Contains(f.Messages[domain.LangFR], "120 mois") || !strings.Contains(f.Messages[domain.LangDE], "120 Monate") ||
				!strings.Contains(f.Messages[domain.LangNL], "120 maanden") {
				t.Errorf("%+v: field %d = %+v", c.f, i, f)
			}
		}
	}
	for _, f := range []core.ImpactFilter{{From: "2016-07-01", To: "2026-06-30"}, {From: "2016-08-01"}} {
		if _, err := e.s.Cluster(ctx, e.mod, f); err != nil {
			t.Errorf("%+v (120 months): %v", f, err)
		}
	}
}

// The exports hold the figures: the CSV parsed, the spreadsheet read back,
// the PDF's title.
func TestImpactExports(t *testing.T) {
	e := newImpactEnv(t)
	rep, err := e.s.Organisation(context.Background(), e.fr, e.w.BuyerFR.ID, e.first)
	if err != nil {
		t.Fatal(err)
	}

	f, err := rep.CSV(domain.LangDE)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(f.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(records[0], core.ImpactCSVHeader) {
		t.Errorf("CSV header %v", records[0])
	}
	find := func(figure, dim, key string) []string {
		for _, r := range records[1:] {
			if r[0] == figure && r[1] == dim && r[2] == key {
				return r
			}
		}
		t.Errorf("CSV: no row %s/%s/%s", figure, dim, key)
		return make([]string, 6)
	}
	for _, c := range []struct {
		figure, dim, key, label, value, unit string
	}{
		{"purchases_amount", "", "", "Einkäufe bei Anbietern der Sozialwirtschaft", "48000.00", "EUR"},
		{"purchases_count", "", "", "Einkäufe bei Anbietern der Sozialwirtschaft", "3", "count"},
		{"cross_border_share_by_amount", "", "", "Grenzüberschreitender Anteil nach Betrag", "0.7917", "ratio"},
		{"suppliers_reached", "", "", "Erreichte Anbieter", "3", "count"},
		{"meetings_held", "", "", "Geführte Gespräche", "2", "count"},
		{"hours_to_first_interest_p90", "", "", "Stunden von der Veröffentlichung bis zum ersten Interesse (90. Perzentil)", "3.80", "hours"},
		{"amount", "country", "LU", "Luxemburg", "8000.00", "EUR"},
		{"count", "country", "LU", "Luxemburg", "1", "count"},
		{"amount", "sector", "green_spaces", "Garten- und Landschaftspflege", "30000.00", "EUR"},
		{"amount", "status", "none", "Kein geprüfter Status", "8000.00", "EUR"},
		{"amount", "month", "2026-03", "März 2026", "40000.00", "EUR"},
	} {
		if got, want := find(c.figure, c.dim, c.key), []string{c.figure, c.dim, c.key, c.label, c.value, c.unit}; !reflect.DeepEqual(got, want) {
			t.Errorf("CSV row\n got %q\nwant %q", got, want)
		}
	}
	if n := len(records); n != 1+19+2*(3+2+4+2) { // two months: March and April
		t.Errorf("CSV has %d records", n)
	}

	f, err = rep.XLSX(domain.LangFR)
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(f.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = x.Close() }()
	if got, want := x.GetSheetList(), []string{"Synthèse", "Par pays du fournisseur", "Par secteur", "Par statut ESS", "Par mois"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	cells := func(sheet string, refs ...string) []string {
		out := make([]string, len(refs))
		for i, ref := range refs {
			out[i], _ = x.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		}
		return out
	}
	if got := cells("Synthèse", "A1", "B1", "A2", "B2", "B3", "B10"); !reflect.DeepEqual(got, []string{"Indicateur", "Valeur",
		"Achats auprès de structures de l'ESS", "48000", "3", "0.7917"}) {
		t.Errorf("summary cells %q", got)
	}
	if typ, _ := x.GetCellType("Synthèse", "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the amount is stored as %v, want a number", typ)
	}
	if got := cells("Par pays du fournisseur", "A1", "B1", "C1", "D1", "A2", "B2", "C2", "D2"); !reflect.DeepEqual(got,
		[]string{"Code", "Par pays du fournisseur", "Montant (EUR)", "Nombre", "DE", "Allemagne", "30000", "1"}) {
		t.Errorf("country sheet %q", got)
	}
	style, _ := x.GetCellStyle("Par pays du fournisseur", "C2")
	if st, err := x.GetStyle(style); err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != `#,##0.00 "€"` {
		t.Errorf("amount format: %+v %v", st, err)
	}

	f, err = rep.PDF(domain.LangFR)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(f.Body, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", f.Body[:8])
	}
	if title := utf16be("Rapport d'impact — Commune de Testville"); !bytes.Contains(f.Body, title) {
		t.Error("the PDF does not carry its title")
	}
	if f.Name != "impact-"+e.w.BuyerFR.ID[:8]+"-2026-01-01-2026-06-30.pdf" {
		t.Errorf("file name %q", f.Name)
	}
}

// utf16be is how fpdf writes a UTF-8 text string in the document's
// information: a byte-order mark then UTF-16BE.
func utf16be(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.BigEndian.AppendUint16(out, u)
	}
	return out
}
