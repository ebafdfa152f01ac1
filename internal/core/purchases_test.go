package core_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// purchaseEnv is a buyer with suppliers of known statuses: an ESAT and a
// WfbM verified until 2027, an EA verified only until 31 March 2026, a
// supplier without status, and a supplier unknown to Passerelle.
type purchaseEnv struct {
	db                      *storetest.DB
	ps                      *core.Purchases
	buyer                   domain.Organisation
	memberP, otherP         domain.Principal
	other                   domain.Organisation
	esat, ea, wfbm, plainSp domain.Organisation
}

func supplierWith(t testing.TB, db *storetest.DB, country string, ids ...domain.LegalIdentifier) domain.Organisation {
	t.Helper()
	var out domain.Organisation
	err := db.Store.WithTx(t.Context(), func(tx *store.Tx) (err error) {
		out, err = tx.CreateOrganisation(t.Context(), domain.Organisation{Kind: domain.OrgSSESupplier, Country: country,
			LegalName: "Supplier " + ids[0].Value, Identifiers: ids})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func newPurchaseEnv(t *testing.T) *purchaseEnv {
	t.Helper()
	db := storetest.New(t)
	e := &purchaseEnv{db: db, ps: core.NewPurchases(db.Store, nil, time.Now)}
	e.buyer = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer, Country: "LU"})
	e.memberP = principal(db.User(t, storetest.UserOptions{Organisation: e.buyer.ID, Role: domain.RoleMember}), e.buyer.ID)
	e.other = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	e.otherP = principal(db.User(t, storetest.UserOptions{Organisation: e.other.ID}), e.other.ID)
	until2027 := time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)
	e.esat = supplierWith(t, db, "FR", domain.LegalIdentifier{Kind: legalid.FRSIRET, Value: "81234567600009"})
	db.SSEStatus(t, e.esat.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, ValidUntil: until2027})
	// The EA is known by its SIREN: invoices name an establishment (SIRET).
	e.ea = supplierWith(t, db, "FR", domain.LegalIdentifier{Kind: legalid.FRSIREN, Value: "812345684"})
	db.SSEStatus(t, e.ea.ID, storetest.StatusOptions{Type: domain.SSEFrEA, ValidUntil: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)})
	e.wfbm = supplierWith(t, db, "DE", domain.LegalIdentifier{Kind: legalid.DEVAT, Value: "DE281730003"})
	db.SSEStatus(t, e.wfbm.ID, storetest.StatusOptions{Type: domain.SSEDeWfbM, ValidUntil: until2027})
	e.plainSp = supplierWith(t, db, "FR", domain.LegalIdentifier{Kind: legalid.FRSIRET, Value: "81234569200006"})
	// A status that does not count: only pending.
	db.SSEStatus(t, e.plainSp.ID, storetest.StatusOptions{Type: domain.SSEFrESAT, State: domain.VerificationPending, ValidUntil: until2027})
	// The statuses were verified before the ledgers' invoices.
	e.verifiedOn(t, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC))
	return e
}

// verifiedOn sets when the verified statuses of the suppliers (all of
// them, or those given) were verified.
func (e *purchaseEnv) verifiedOn(t *testing.T, at time.Time, orgs ...domain.Organisation) {
	t.Helper()
	ids := []string{}
	for _, o := range orgs {
		ids = append(ids, o.ID)
	}
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE sse_statuses SET reviewed_at = $1
		WHERE state = 'verified' AND (cardinality($2::uuid[]) = 0 OR organisation_id = ANY ($2::uuid[]))`, at, ids); err != nil {
		t.Fatal(err)
	}
}

// knownLedger: 2026 totals 10,000.00 EUR, of which 6,000.00 from SSE
// suppliers at the invoice date (ESAT 1,000, EA 2,000 before its status
// ended, WfbM 3,000); 2025 totals 100.00, all ESAT; one USD invoice.
const knownLedger = "Identifiant fournisseur;Montant HT;Devise;Date facture;Catégorie;N° facture;Part main-d'œuvre (%)\n" +
	"812 345 676 00009;1 000,00;EUR;15/02/2026;90911200 Nettoyage;F-1;40\n" +
	"81234568400003;2 000,00;EUR;01/03/2026;Saisie de données;F-2;50\n" +
	"81234568400003;500,00;EUR;01/05/2026;Saisie de données;F-3;50\n" +
	"DE281730003;3 000,00;EUR;10/04/2026;Montage;F-4;60\n" +
	"81234569200006;1 500,00;EUR;01/06/2026;Mobilier;F-5;\n" +
	"73282932000017;2 000,00;;01/07/2026;Fournitures;F-6;\n" +
	"81234567600009;100,00;EUR;31/12/2025;Nettoyage;F-7;\n" +
	"81234567600009;900,00;USD;02/01/2026;Nettoyage;F-8;\n"

func (e *purchaseEnv) importLedger(t *testing.T, name string, data []byte) domain.PurchaseImport {
	t.Helper()
	imp, err := e.ps.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.buyer.ID, name, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := core.ProcessPurchaseImport(t.Context(), e.db.Store, imp.ID); err != nil {
		t.Fatal(err)
	}
	got, err := e.ps.GetImport(t.Context(), e.memberP, e.buyer.ID, imp.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestPurchaseImportComputesTheSSEShare(t *testing.T) {
	e := newPurchaseEnv(t)
	imp := e.importLedger(t, "grand-livre.csv", []byte(knownLedger))
	if imp.State != domain.ImportDone || imp.RowsImported != 8 || imp.RowsMatched != 7 || imp.RowsTotal != 8 || imp.RowsDone != 8 {
		t.Fatalf("import = %+v", imp)
	}
	shares, err := e.ps.SSEShare(t.Context(), e.memberP, e.buyer.ID, imp.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.SSEShare{
		{Year: 2026, Purchases: 6, Unmatched: 1, TotalCents: 1_000_000, SSECents: 600_000},
		{Year: 2025, Purchases: 1, Unmatched: 0, TotalCents: 10_000, SSECents: 10_000},
	}
	if len(shares) != 2 || shares[0] != want[0] || shares[1] != want[1] {
		t.Fatalf("shares = %+v, want %+v", shares, want)
	}
	if s := shares[0].Share(); s != 0.6 {
		t.Errorf("2026 share = %v, want 0.6", s)
	}

	unknown := false
	page, _, err := e.ps.List(t.Context(), e.memberP, e.buyer.ID, domain.PurchaseFilter{Matched: &unknown}, "", 10)
	if err != nil || len(page) != 1 || page[0].SupplierIdentifier != "73282932000017" || page[0].SupplierOrganisationID != "" {
		t.Fatalf("unknown suppliers: %+v, %v", page, err)
	}
	// Paging walks every purchase once, latest invoice first.
	seen, cursor := map[string]bool{}, ""
	var last time.Time
	for range 10 {
		page, next, err := e.ps.List(t.Context(), e.memberP, e.buyer.ID, domain.PurchaseFilter{}, cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page {
			if seen[p.ID] || (!last.IsZero() && p.InvoiceDate.After(last)) {
				t.Fatalf("purchase %s seen twice or out of order", p.ID)
			}
			seen[p.ID], last = true, p.InvoiceDate
		}
		if cursor = next; cursor == "" {
			break
		}
	}
	if len(seen) != 8 {
		t.Errorf("paged through %d purchases, want 8", len(seen))
	}
}

func TestLevyOffsetFiguresWithTheirCaps(t *testing.T) {
	e := newPurchaseEnv(t)
	e.importLedger(t, "ledger.csv", []byte(knownLedger))
	// France 2026: ESAT labour 400.00 and EA labour 1,000.00 (the EA's May
	// invoice is after its status ended): 30 % of 1,400.00 = 420.00.
	cases := []struct {
		name                   string
		in                     core.LevyInput
		gross, cap, offset     int64
		capPercent, rate, invs int
		capped                 bool
	}{
		{"FR under the 50 % cap", core.LevyInput{Country: core.LevyFR, Year: 2026, ContributionCents: 100_000, EmploymentRate: 2}, 42_000, 50_000, 42_000, 50, 30, 2, false},
		{"FR capped at 50 %", core.LevyInput{Country: core.LevyFR, Year: 2026, ContributionCents: 60_000, EmploymentRate: 2.99}, 42_000, 30_000, 30_000, 50, 30, 2, true},
		{"FR 75 % cap from 3 %", core.LevyInput{Country: core.LevyFR, Year: 2026, ContributionCents: 60_000, EmploymentRate: 3}, 42_000, 45_000, 42_000, 75, 30, 2, false},
		// Germany 2026: WfbM labour 1,800.00: 50 % = 900.00, within the levy due.
		{"DE within the levy", core.LevyInput{Country: core.LevyDE, Year: 2026, ContributionCents: 500_000}, 90_000, 500_000, 90_000, 100, 50, 1, false},
		{"DE capped by the levy", core.LevyInput{Country: core.LevyDE, Year: 2026, ContributionCents: 50_000}, 90_000, 50_000, 50_000, 100, 50, 1, true},
		{"FR 2025: the ESAT invoice has no labour cost", core.LevyInput{Country: core.LevyFR, Year: 2025, ContributionCents: 100_000}, 0, 50_000, 0, 50, 30, 1, false},
	}
	for _, c := range cases {
		st, err := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, c.in)
		if err != nil {
			t.Fatal(err)
		}
		if st.GrossCents != c.gross || st.CapCents != c.cap || st.OffsetCents != c.offset || st.CapPercent != c.capPercent ||
			st.RatePercent != c.rate || len(st.Invoices) != c.invs || st.Capped != c.capped {
			t.Errorf("%s: gross %d cap %d (%d %%) offset %d rate %d invoices %d capped %v", c.name, st.GrossCents, st.CapCents,
				st.CapPercent, st.OffsetCents, st.RatePercent, len(st.Invoices), st.Capped)
		}
	}
	st, _ := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, cases[5].in)
	if st.MissingLabour != 1 {
		t.Errorf("missing labour = %d, want 1", st.MissingLabour)
	}

	// The labour cost entered afterwards counts: 100 % of 100.00 → 30.00.
	if err := e.ps.SetLabourCost(t.Context(), actorOf(e.memberP), e.memberP, e.buyer.ID, st.Invoices[0].PurchaseID,
		core.LabourCostPatch{Percent: ptr(100.0)}); err != nil {
		t.Fatal(err)
	}
	st, _ = e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, cases[5].in)
	if st.GrossCents != 3_000 || st.MissingLabour != 0 {
		t.Errorf("after entering the labour cost: gross %d, missing %d", st.GrossCents, st.MissingLabour)
	}
	var ve *domain.ValidationError
	if err := e.ps.SetLabourCost(t.Context(), actorOf(e.memberP), e.memberP, e.buyer.ID, st.Invoices[0].PurchaseID,
		core.LabourCostPatch{Cents: ptr(int64(10_001))}); !errors.As(err, &ve) || ve.Fields[0].Field != "body.labour_cost_cents" {
		t.Errorf("a labour cost above the amount: %v", err)
	}
	if _, err := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, core.LevyInput{Country: "BE", Year: 2026}); !errors.As(err, &ve) {
		t.Errorf("country BE: %v", err)
	}

	var pdf bytes.Buffer
	if err := e.ps.LevyStatementPDF(t.Context(), e.memberP, e.buyer.ID, cases[1].in, domain.LangDE, &pdf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || pdf.Len() < 2000 {
		t.Errorf("PDF of %d bytes", pdf.Len())
	}
}

func ptr[T any](v T) *T { return &v }

func TestBadLedgerFailsWithItsLinesAndInsertsNothing(t *testing.T) {
	e := newPurchaseEnv(t)
	e.importLedger(t, "first.csv", []byte(knownLedger))
	before, err := e.db.Store.CountPurchases(t.Context(), e.buyer.ID)
	if err != nil || before != 8 {
		t.Fatalf("before: %d, %v", before, err)
	}
	bad := "supplier,amount,date,category\n" +
		"81234567600009,10.00,2026-01-05,ok\n" +
		"81234567600008,10.00,2026-01-05,bad identifier\n" +
		"81234567600009,ten,2026-01-05,bad amount\n" +
		"81234567600009,10.00,2026-02-30,bad date\n" +
		"81234567600009,10.00,2026-01-05\n" + // missing column
		"81234567600009,10.00,2026-01-05,ok\n"
	imp := e.importLedger(t, "bad.csv", []byte(bad))
	if imp.State != domain.ImportFailed || imp.ErrorCount != 4 || imp.RowsImported != 0 {
		t.Fatalf("import = %+v", imp)
	}
	wantLines := []int{3, 4, 5, 6}
	wantCols := []string{"supplier_identifier", "amount", "date", "category"}
	for i, e := range imp.Errors {
		if e.Line != wantLines[i] || e.Column != wantCols[i] || e.Message.FR == "" {
			t.Errorf("error %d = %+v, want line %d column %s", i, e, wantLines[i], wantCols[i])
		}
	}
	after, _ := e.db.Store.CountPurchases(t.Context(), e.buyer.ID)
	if after != before {
		t.Errorf("purchases %d → %d: a failed import inserted rows", before, after)
	}

	missingColumn := e.importLedger(t, "no-date.csv", []byte("supplier,amount,category\n81234567600009,10,ok\n"))
	if missingColumn.State != domain.ImportFailed || len(missingColumn.Errors) != 1 || missingColumn.Errors[0].Line != 1 ||
		missingColumn.Errors[0].Column != "date" {
		t.Errorf("missing column: %+v", missingColumn)
	}
	if after, _ := e.db.Store.CountPurchases(t.Context(), e.buyer.ID); after != before {
		t.Errorf("purchases %d → %d after a missing column", before, after)
	}
}

func TestXLSXLedgerImports(t *testing.T) {
	e := newPurchaseEnv(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Lieferant", "Betrag", "Rechnungsdatum", "Kategorie", "Lohnkosten"},
		{"DE281730003", 3000, time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), "Montage", 1800},
		{"81234567600009", 1000, time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), "Reinigung", 400},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	imp := e.importLedger(t, "Einkauf.xlsx", buf.Bytes())
	if imp.State != domain.ImportDone || imp.Format != "xlsx" || imp.RowsImported != 2 || imp.RowsMatched != 2 {
		t.Fatalf("import = %+v", imp)
	}
	st, err := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, core.LevyInput{Country: core.LevyDE, Year: 2026, ContributionCents: 1_000_000})
	if err != nil || st.OffsetCents != 90_000 {
		t.Errorf("DE offset from the workbook: %d, %v", st.OffsetCents, err)
	}
	// A workbook named .csv is refused: the content decides, and must match.
	var ve *domain.ValidationError
	if _, err := e.ps.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.buyer.ID, "ledger.csv", bytes.NewReader(buf.Bytes())); !errors.As(err, &ve) || ve.Fields[0].Code != "type_mismatch" {
		t.Errorf("disguised workbook: %v", err)
	}
	if _, err := e.ps.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.buyer.ID, "x.pdf", strings.NewReader("%PDF-1.4\x00\x01")); !errors.As(err, &ve) {
		t.Errorf("a PDF: %v", err)
	}
}

func TestAnotherOrganisationsPurchasesAreNotFound(t *testing.T) {
	e := newPurchaseEnv(t)
	imp := e.importLedger(t, "ledger.csv", []byte(knownLedger))
	ctx := t.Context()
	// Through its own organisation, the other buyer does not find them.
	if _, err := e.ps.GetImport(ctx, e.otherP, e.other.ID, imp.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another organisation's import: %v", err)
	}
	page, _, _ := e.ps.List(ctx, e.memberP, e.buyer.ID, domain.PurchaseFilter{}, "", 1)
	if err := e.ps.SetLabourCost(ctx, actorOf(e.otherP), e.otherP, e.other.ID, page[0].ID, core.LabourCostPatch{Percent: ptr(10.0)}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another organisation's purchase: %v", err)
	}
	if _, err := e.ps.SSEShare(ctx, e.otherP, e.other.ID, imp.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another organisation's import share: %v", err)
	}
	if other, _, _ := e.ps.List(ctx, e.otherP, e.other.ID, domain.PurchaseFilter{}, "", 10); len(other) != 0 {
		t.Errorf("the other buyer lists %d purchases", len(other))
	}
	// Naming the buyer's organisation is refused, and moderators do not read ledgers.
	if _, err := e.ps.GetImport(ctx, e.otherP, e.buyer.ID, imp.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("outsider on the buyer's organisation: %v", err)
	}
	mod := principal(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}), "")
	if _, _, err := e.ps.List(ctx, mod, e.buyer.ID, domain.PurchaseFilter{}, "", 10); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("moderator: %v", err)
	}
}

// TestStatusCountsFromItsVerification: an invoice counts for the SSE share
// and the levy only when the supplier's status was verified on or before
// the invoice date (and valid until it): the WfbM verified on 11 April
// 2026 does not make its invoice of 10 April count; verified late on the
// invoice day (UTC), it does.
func TestStatusCountsFromItsVerification(t *testing.T) {
	e := newPurchaseEnv(t)
	e.importLedger(t, "ledger.csv", []byte(knownLedger))
	de := core.LevyInput{Country: core.LevyDE, Year: 2026, ContributionCents: 500_000}

	e.verifiedOn(t, time.Date(2026, 4, 11, 8, 0, 0, 0, time.UTC), e.wfbm)
	st, err := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, de)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Invoices) != 0 || st.OffsetCents != 0 {
		t.Errorf("verified after the invoice: %d invoices, offset %d", len(st.Invoices), st.OffsetCents)
	}
	shares, err := e.ps.SSEShare(t.Context(), e.memberP, e.buyer.ID, "")
	if err != nil || shares[0].Year != 2026 || shares[0].SSECents != 300_000 {
		t.Errorf("2026 SSE share without the WfbM: %+v, %v", shares, err)
	}
	page, _, err := e.ps.List(t.Context(), e.memberP, e.buyer.ID, domain.PurchaseFilter{}, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range page {
		if p.SupplierOrganisationID == e.wfbm.ID && len(p.SSETypes) != 0 {
			t.Errorf("the WfbM invoice lists statuses %v", p.SSETypes)
		}
	}

	e.verifiedOn(t, time.Date(2026, 4, 10, 23, 30, 0, 0, time.UTC), e.wfbm)
	if st, _ := e.ps.LevyOffset(t.Context(), e.memberP, e.buyer.ID, de); len(st.Invoices) != 1 || st.OffsetCents != 90_000 {
		t.Errorf("verified on the invoice day: %d invoices, offset %d", len(st.Invoices), st.OffsetCents)
	}
}
