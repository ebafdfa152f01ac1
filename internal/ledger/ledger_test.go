package ledger

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"passerelle/internal/domain/legalid"
)

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{
		"1234.56": 123456, "1234,56": 123456, "1 234,56": 123456, "1.234,56": 123456, "1,234.56": 123456,
		"1\u00a0234,5": 123450, "12": 1200, "€ 12,00": 1200, "1.234.567": 123456700, "1,234": 123400, "0,5": 50, "1'234.50": 123450,
	} {
		if got, ok := parseAmount(in); !ok || got != want {
			t.Errorf("parseAmount(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "12,34,5x", "-12", "1.2.3,456", "1e5", "12,345.678"} {
		if got, ok := parseAmount(in); ok {
			t.Errorf("parseAmount(%q) = %d, accepted", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026-03-31", "31/03/2026", "31.03.2026", "31-03-2026", "2026/03/31"} {
		if got, ok := parseDate(in, false, false); !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v", in, got, ok)
		}
	}
	if got, ok := parseDate("46112", true, false); !ok || !got.Equal(want) {
		t.Errorf("serial 46112 = %v, %v; want 2026-03-31", got, ok)
	}
	for _, in := range []string{"31/02/2026", "2026-13-01", "yesterday", "46112", "01/01/1899"} {
		if got, ok := parseDate(in, false, false); ok {
			t.Errorf("parseDate(%q) = %v, accepted", in, got)
		}
	}
}

func TestIdentifierKind(t *testing.T) {
	for in, want := range map[string]legalid.Kind{
		"812 345 676 00009": legalid.FRSIRET, "812345676": legalid.FRSIREN, "FR 53 812345676": legalid.FRVAT,
		"DE281730003": legalid.DEVAT, "Amtsgericht Saarbrücken HRB 104512": legalid.DEHandelsregister,
		"0403.170.701": legalid.BEEnterprise, "BE0403170701": legalid.BEVAT, "LU15027442": legalid.LUVAT, "B123456": legalid.LURCS,
	} {
		if got, ok := identifierKind(in); !ok || got != want {
			t.Errorf("identifierKind(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"ACME", "12345", "ZZ-99"} {
		if got, ok := identifierKind(in); ok {
			t.Errorf("identifierKind(%q) = %q, accepted", in, got)
		}
	}
}

func TestHeadersInFourLanguages(t *testing.T) {
	for _, header := range []string{
		"Supplier identifier,Amount,Currency,Date,Category,Invoice reference,Labour cost",
		"Identifiant fournisseur;Montant HT;Devise;Date de facture;Catégorie;N° facture;Coût main-d'œuvre",
		"Lieferant;Nettobetrag (EUR);Währung;Rechnungsdatum;Warengruppe;Rechnungsnummer;Lohnkosten",
		"Leverancier;Bedrag;Munt;Factuurdatum;Categorie;Factuurnummer;Arbeidskosten",
	} {
		cells := strings.FieldsFunc(header, func(r rune) bool { return r == ',' || r == ';' })
		l, missing := readHeader(cells)
		if len(missing) > 0 || len(l.index) != 7 || l.labourPercent {
			t.Errorf("%q: missing %v, columns %v, percent %v", header, missing, l.index, l.labourPercent)
		}
	}
	if l, _ := readHeader([]string{"Lohnanteil (%)"}); !l.labourPercent {
		t.Error("a percent column title is not read as a percentage")
	}
}

const goodCSV = "supplier;amount;date;category;invoice;labour share (%)\n" +
	"81234567600009;1 000,50;15/02/2026;90911200 Reinigung;F-1;40\n" +
	"\n" +
	"DE281730003;3000;2026-04-10;\"assembly; packing\";F-2;\n"

func TestParseCSV(t *testing.T) {
	var progress []int
	res, err := Parse([]byte("\xef\xbb\xbf"+goodCSV), func(done, total int) { progress = append(progress, done, total) })
	if err != nil || res.ErrorCount != 0 {
		t.Fatalf("err %v, errors %+v", err, res.Errors)
	}
	if res.Format != CSV || len(res.Rows) != 2 || res.DataRows != 2 {
		t.Fatalf("format %s, rows %+v", res.Format, res.Rows)
	}
	r := res.Rows[0]
	if r.Line != 2 || r.SupplierKind != legalid.FRSIRET || r.Amount != 100050 || r.Currency != "EUR" || r.CPV != "90911200" ||
		r.InvoiceRef != "F-1" || r.LabourCost == nil || *r.LabourCost != 40020 {
		t.Errorf("row 1 = %+v", r)
	}
	if r := res.Rows[1]; r.Line != 4 || r.Category != "assembly; packing" || r.LabourCost != nil || r.SupplierKind != legalid.DEVAT {
		t.Errorf("row 2 (line 4, after a blank line) = %+v", r)
	}
	if len(progress) != 2 || progress[0] != 2 || progress[1] != 2 {
		t.Errorf("progress %v", progress)
	}
}

func TestParseWindows1252AndComma(t *testing.T) {
	// "Catégorie" and "Blanchisserie é" in Windows-1252 (é = 0xE9).
	data := []byte("fournisseur,montant,date,cat\xe9gorie\n81234567600009,\"12,50\",01.02.2026,Blanchisserie \xe9\n")
	res, err := Parse(data, nil)
	if err != nil || res.ErrorCount != 0 {
		t.Fatalf("err %v, errors %+v", err, res.Errors)
	}
	if r := res.Rows[0]; r.Category != "Blanchisserie é" || r.Amount != 1250 {
		t.Errorf("row = %+v", r)
	}
}

func TestParseReportsEveryBadRow(t *testing.T) {
	data := "supplier,amount,currency,date,category\n" +
		"81234567600008,10,EUR,2026-01-01,ok\n" + // 2: SIRET checksum
		"81234567600009,12;5x,EUR,2026-01-01,ok\n" + // 3: amount
		"81234567600009,10,EUR,31/02/2026,ok\n" + // 4: date
		"81234567600009,10,EUR,2026-01-01\n" + // 5: category missing
		"ACME,10,EURO,2026-01-01,ok\n" + // 6: identifier and currency
		"81234567600009,10,EUR,2026-01-01,ok\n"
	res, err := Parse([]byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		line int
		col  Column
		code string
	}
	want := []key{{2, ColSupplier, "invalid_identifier"}, {3, ColAmount, "invalid_amount"}, {4, ColDate, "invalid_date"},
		{5, ColCategory, "required"}, {6, ColSupplier, "unknown_identifier"}, {6, ColCurrency, "invalid_currency"}}
	if res.ErrorCount != len(want) || len(res.Rows) != 0 {
		t.Fatalf("%d errors, %d rows: %+v", res.ErrorCount, len(res.Rows), res.Errors)
	}
	for i, w := range want {
		e := res.Errors[i]
		if (key{e.Line, e.Column, e.Code}) != w || e.Message.FR == "" || e.Message.DE == "" || e.Message.NL == "" || e.Message.FR == e.Message.EN {
			t.Errorf("error %d = %+v, want %+v in four languages", i, e, w)
		}
	}
}

func TestParseMissingColumn(t *testing.T) {
	res, err := Parse([]byte("supplier,amount,category\n81234567600009,10,ok\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ErrorCount != 1 || res.Errors[0].Line != 1 || res.Errors[0].Column != ColDate || res.Errors[0].Code != "missing_column" {
		t.Errorf("errors %+v", res.Errors)
	}
}

func TestParseRefusesOtherFiles(t *testing.T) {
	for name, data := range map[string][]byte{"pdf-like binary": {0x25, 0x50, 0, 1}, "empty": {}, "header only": []byte("supplier,amount,date,category\n"),
		"zip that is not a workbook": []byte("PK\x03\x04garbage")} {
		if _, err := Parse(data, nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Lieferant", "Betrag", "Rechnungsdatum", "Kategorie", "Lohnkosten"},
		{"DE281730003", 1234.5, time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), "Montage", 600},
		{"81234567600009", "99,90", "2026-05-02", "Reinigung", nil},
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
	res, err := Parse(buf.Bytes(), nil)
	if err != nil || res.ErrorCount != 0 {
		t.Fatalf("err %v, errors %+v", err, res.Errors)
	}
	if res.Format != XLSX || len(res.Rows) != 2 {
		t.Fatalf("rows %+v", res.Rows)
	}
	r := res.Rows[0]
	if r.Amount != 123450 || !r.Date.Equal(time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC)) || r.LabourCost == nil || *r.LabourCost != 60000 || r.Line != 2 {
		t.Errorf("row 1 = %+v", r)
	}
	if r := res.Rows[1]; r.Amount != 9990 || r.Date.Day() != 2 || r.Line != 3 {
		t.Errorf("row 2 = %+v", r)
	}
}

// TestParseRefusesControlCharacters: a NUL byte in row 300, past the bytes
// Sniff reads, is a row error at its line; nothing is imported.
func TestParseRefusesControlCharacters(t *testing.T) {
	var b strings.Builder
	b.WriteString("supplier,amount,date,category,invoice\n")
	for line := 2; line <= 301; line++ {
		ref := "F-" + strings.Repeat("1", 3)
		if line == 300 {
			ref = "F-\x00300"
		}
		b.WriteString("81234567600009,10.00,2026-01-05,Reinigung\t(Büro)," + ref + "\n")
	}
	res, err := Parse([]byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ErrorCount != 1 || len(res.Rows) != 0 || res.Errors[0].Line != 300 || res.Errors[0].Column != ColInvoiceRef ||
		res.Errors[0].Code != "control_character" || res.Errors[0].Message.NL == "" {
		t.Fatalf("errors %+v, %d rows", res.Errors, len(res.Rows))
	}
	if res, err := Parse([]byte("supplier,amount,date,category\n81234567600009,10.00,2026-01-05,a\x1bb\n"), nil); err != nil ||
		res.ErrorCount != 1 || res.Errors[0].Column != ColCategory {
		t.Errorf("an escape character: %+v, %v", res.Errors, err)
	}
	multi := "supplier,amount,date,category\r\n81234567600009,10.00,2026-01-05,\"Reinigung\r\n(Büro)\"\r\n"
	if res, err := Parse([]byte(multi), nil); err != nil || res.ErrorCount != 0 || len(res.Rows) != 1 {
		t.Errorf("a cell on two lines is text: %+v, %v", res.Errors, err)
	}
}
