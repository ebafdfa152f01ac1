package ledger

import (
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// fillLedger writes a one-purchase ledger on a sheet: its category says
// which sheet was read, date is the invoice date cell's value.
func fillLedger(t *testing.T, f *excelize.File, sheet, category string, date any) {
	t.Helper()
	for i, v := range []any{"Supplier", "Amount", "Date", "Category", "81234567600009", 100, date, category} {
		cell, _ := excelize.CoordinatesToCellName(i%4+1, i/4+1)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
}

// inlineRow is a sheet row of inline strings, XML-escaped; a value may
// itself hold _xHHHH_ escapes.
func inlineRow(t *testing.T, n int, values ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<row r="` + strconv.Itoa(n) + `">`)
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(i+1, n)
		b.WriteString(`<c r="` + cell + `" t="inlineStr"><is><t xml:space="preserve">`)
		if err := xml.EscapeText(&b, []byte(v)); err != nil {
			t.Fatal(err)
		}
		b.WriteString(`</t></is></c>`)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// TestParseXLSXDate1904: a workbook in the 1904 date system (Excel for
// Mac's, <workbookPr date1904="1"/>) counts serial dates from 1 January
// 1904, 1,462 days after the 1900 system's day 0; text dates are not
// shifted.
func TestParseXLSXDate1904(t *testing.T) {
	day := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	yes := true
	// As a spreadsheet program saves a date typed in such a workbook:
	// excelize writes its 1904 serial, 44650.
	mac := workbook(t, func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		fillLedger(t, f, "Sheet1", "Montage", day)
		set(t, f, "A3", "81234567600009")
		set(t, f, "B3", 200)
		set(t, f, "C3", "2026-04-01")
		set(t, f, "D3", "Montage")
	})
	res, err := Parse(mac, nil)
	if err != nil || res.ErrorCount != 0 || len(res.Rows) != 2 {
		t.Fatalf("err %v, errors %+v, rows %+v", err, res.Errors, res.Rows)
	}
	if got := res.Rows[0].Date; !got.Equal(day) {
		t.Errorf("date cell read as %s, want %s", got.Format(time.DateOnly), day.Format(time.DateOnly))
	}
	if got := res.Rows[1].Date; !got.Equal(day.AddDate(0, 0, 1)) {
		t.Errorf("text date read as %s, want 2026-04-01", got.Format(time.DateOnly))
	}

	// The serial 44650 under each spelling of the setting (an xsd:boolean).
	plain := workbook(t, func(f *excelize.File) { fillLedger(t, f, "Sheet1", "Montage", 44650) })
	in1900 := time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)
	for attr, want := range map[string]time.Time{
		``: in1900, `date1904="0"`: in1900, `date1904="false"`: in1900,
		`date1904="1"`: day, `date1904="true"`: day, `date1904=" 1 "`: day,
	} {
		data := plain
		if attr != "" {
			data = rewritePart(t, plain, "xl/workbook.xml", func(s string) string {
				return strings.Replace(s, `<workbookPr`, `<workbookPr `+attr, 1)
			})
		}
		res, err := Parse(data, nil)
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("%s: err %v, errors %+v", attr, err, res.Errors)
		}
		if got := res.Rows[0].Date; !got.Equal(want) {
			t.Errorf("<workbookPr %s>: serial 44650 read as %s, want %s", attr, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

// TestParseXLSXFirstVisibleSheet: the ledger is the first sheet in the
// workbook's order (xl/workbook.xml, not the parts' names nor their order
// in the ZIP) that is not hidden or very hidden, found through the
// workbook's relationships.
func TestParseXLSXFirstVisibleSheet(t *testing.T) {
	// Sheet1 is worksheets/sheet1.xml (rId1), Ledger sheet2.xml (rId4),
	// Other sheet3.xml (rId5); excelize writes sheet2.xml into the ZIP
	// before sheet1.xml. Each holds a ledger whose category is its name.
	base := workbook(t, func(f *excelize.File) {
		for _, name := range []string{"Ledger", "Other"} {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range []string{"Sheet1", "Ledger", "Other"} {
			fillLedger(t, f, name, name, "2026-03-31")
		}
	})
	sheetElem := regexp.MustCompile(`<sheet name="([A-Za-z0-9]+)"[^>]*>(</sheet>)?`)
	// order rewrites <sheets>: the sheets in that order, "Name:state".
	order := func(sheets ...string) []byte {
		return rewritePart(t, base, "xl/workbook.xml", func(s string) string {
			elems := map[string]string{}
			for _, m := range sheetElem.FindAllStringSubmatch(s, -1) {
				elems[m[1]] = m[0]
			}
			var b strings.Builder
			for _, sh := range sheets {
				name, state, _ := strings.Cut(sh, ":")
				e, ok := elems[name]
				if !ok {
					t.Fatalf("no sheet %s in %s", name, s)
				}
				if state != "" {
					e = strings.Replace(e, `<sheet `, `<sheet state="`+state+`" `, 1)
				}
				b.WriteString(e)
			}
			i, j := strings.Index(s, "<sheets>"), strings.Index(s, "</sheets>")
			return s[:i+len("<sheets>")] + b.String() + s[j:]
		})
	}
	for _, c := range []struct {
		sheets []string
		want   string
	}{
		{nil, "Sheet1"}, // as written: Sheet1, Ledger, Other
		{[]string{"Sheet1:hidden", "Ledger", "Other"}, "Ledger"},
		{[]string{"Sheet1:veryHidden", "Ledger", "Other"}, "Ledger"},
		{[]string{"Sheet1:hidden", "Ledger:veryHidden", "Other"}, "Other"},
		{[]string{"Other", "Sheet1", "Ledger"}, "Other"},
		{[]string{"Ledger:visible", "Sheet1", "Other"}, "Ledger"},
		{[]string{"Sheet1:hidden", "Other:visible", "Ledger"}, "Other"},
	} {
		data := base
		if c.sheets != nil {
			data = order(c.sheets...)
		}
		res, err := Parse(data, nil)
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("%v: err %v, errors %+v", c.sheets, err, res.Errors)
		}
		if got := res.Rows[0].Category; got != c.want {
			t.Errorf("sheets %v: read %s, want %s", c.sheets, got, c.want)
		}
	}
	// No visible sheet: not a workbook a spreadsheet program makes.
	_, err := Parse(order("Sheet1:hidden", "Ledger:veryHidden", "Other:hidden"), nil)
	if code := fileErrorCode(t, err); code != "malformed" {
		t.Errorf("every sheet hidden: code %q", code)
	}
}

// TestParseXLSXStringEscapes: shared and inline strings are ST_Xstring,
// whose _xHHHH_ escapes stand for one UTF-16 code unit (_x005F_ for a
// literal underscore, so _x005F_x0041_ is the text "_x0041_"). Each run
// of a rich text is decoded alone, a surrogate pair is one character, and
// what an escape decodes to passes the row checks like typed text.
func TestParseXLSXStringEscapes(t *testing.T) {
	for _, c := range []struct{ si, want string }{
		{`<t>Nettoyage_x000D_des bureaux</t>`, "Nettoyage\rdes bureaux"},
		{`<t>Caf_x00e9_ _x00C9_t_x00E9_</t>`, "Café Été"},
		{`<t>a_x005F_x0041_b</t>`, "a_x0041_b"},
		{`<t>_x005F_x005F_</t>`, "_x005F_"},
		{`<t>_x005F__x0041_</t>`, "_A"},
		{`<t>_x0041 _xZZZZ_ _x41_ _X0041_ _x+041_</t>`, "_x0041 _xZZZZ_ _x41_ _X0041_ _x+041_"},
		{`<r><t>_x00</t></r><r><t>41_</t></r>`, "_x0041_"},
		{`<r><t>Montage_x000A_</t></r><r><t>_x0031_</t></r>`, "Montage\n1"},
		{`<t>_xD83D__xDE00_ ok</t>`, "\U0001F600 ok"},
		{`<t>_xD83D_ _xDE00_ ok</t>`, "\uFFFD \uFFFD ok"},
		{`<t>Montage</t><rPh sb="0" eb="1"><t>_x0041_</t></rPh>`, "Montage"},
	} {
		// The category of row 2 as a shared string, then as an inline one;
		// the header's category title holds an escape too.
		header := inlineRow(t, 1, "supplier", "amount", "date", "Cat_x00E9_gorie")
		shared := craftedXLSX(t, func(w io.Writer) error {
			_, err := io.WriteString(w, header+`<row r="2"><c r="A2" t="inlineStr"><is><t>81234567600009</t></is></c>`+
				`<c r="B2"><v>10</v></c><c r="C2"><v>46112</v></c><c r="D2" t="s"><v>0</v></c></row>`)
			return err
		}, xlsxPart{"xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<si>` + c.si + `</si></sst>`})
		inline := craftedXLSX(t, func(w io.Writer) error {
			_, err := io.WriteString(w, header+`<row r="2"><c r="A2" t="inlineStr"><is><t>81234567600009</t></is></c>`+
				`<c r="B2"><v>10</v></c><c r="C2"><v>46112</v></c><c r="D2" t="inlineStr"><is>`+c.si+`</is></c></row>`)
			return err
		})
		for form, data := range map[string][]byte{"shared": shared, "inline": inline} {
			res, err := Parse(data, nil)
			if err != nil || res.ErrorCount != 0 || len(res.Rows) != 1 {
				t.Fatalf("%s %s: err %v, errors %+v", form, c.si, err, res.Errors)
			}
			if got := res.Rows[0].Category; got != c.want {
				t.Errorf("%s string %s read as %q, want %q", form, c.si, got, c.want)
			}
		}
	}

	// A NUL written as an escape is refused with its line, as a NUL byte
	// of a CSV file is.
	data := craftedXLSX(t, func(w io.Writer) error {
		_, err := io.WriteString(w, craftedHeader+craftedRow(2)+inlineRow(t, 3, "81234567600009", "10", "31/03/2026", "a_x0000_b"))
		return err
	})
	res, err := Parse(data, nil)
	if err != nil || res.ErrorCount != 1 || res.Errors[0].Line != 3 || res.Errors[0].Code != "control_character" {
		t.Errorf("_x0000_: err %v, errors %+v; want line 3 refused", err, res.Errors)
	}
}

// TestParseCellTooLong: a read cell over 1 KiB (1,024 bytes, escapes
// decoded) is a row error with its line, whatever its column; the other
// rows are reported as usual and nothing is kept. A cell of a column the
// ledger does not read is not looked at.
func TestParseCellTooLong(t *testing.T) {
	const supplier, amount, date = "81234567600009", "10", "31/03/2026"
	rows := [][]string{
		{supplier, amount, date, "Montage", strings.Repeat("a note ", 1000)}, // 2: an unread column
		{supplier, amount, date, strings.Repeat("x", 1025)},                  // 3
		{supplier, amount, date, strings.Repeat("é", 513)},                   // 4: 513 characters, 1,026 bytes
		{strings.Repeat("8", 1100), amount, date, "Montage"},                 // 5
		{supplier, amount, date, strings.Repeat("_x0041_", 150)},             // 6: 1,050 bytes written, 150 read
		{supplier, amount, date, strings.Repeat("x", 1024)},                  // 7: at the bound, too long for a category
		{supplier, amount, "31/02/2026", "Montage"},                          // 8
		{supplier, amount, date, "Montage"},                                  // 9
	}
	data := craftedXLSX(t, func(w io.Writer) error {
		var b strings.Builder
		b.WriteString(inlineRow(t, 1, "supplier", "amount", "date", "category", "notes"))
		for i, r := range rows {
			b.WriteString(inlineRow(t, i+2, r...))
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
	res, err := Parse(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	type found struct {
		line int
		col  Column
		code string
		arg  string
	}
	want := []found{
		{3, ColCategory, "too_long", "1024"}, {4, ColCategory, "too_long", "1024"}, {5, ColSupplier, "too_long", "1024"},
		{7, ColCategory, "too_long", "200"}, {8, ColDate, "invalid_date", ""},
	}
	if len(res.Errors) != len(want) || res.ErrorCount != len(want) || res.Rows != nil || res.DataRows != len(rows) {
		t.Fatalf("errors %+v (%d), %d rows of %d: want %v, no row kept", res.Errors, res.ErrorCount, len(res.Rows), res.DataRows, want)
	}
	for i, e := range res.Errors {
		w := want[i]
		if e.Line != w.line || e.Column != w.col || e.Code != w.code || !strings.Contains(e.Message.EN, w.arg) {
			t.Errorf("error %d = %d %s %s %q, want %v", i, e.Line, e.Column, e.Code, e.Message.EN, w)
		}
		checkMsg(t, "error", e.Message)
	}
	if m := res.Errors[0].Message; !strings.Contains(m.FR, "1024 octets") || !strings.Contains(m.DE, "1024 Byte") || !strings.Contains(m.NL, "1024 bytes") {
		t.Errorf("message %+v: want the bound in bytes in each language", m)
	}

	// The same bound for a CSV ledger.
	csv := "supplier;amount;date;category\n" + supplier + ";10;31/03/2026;Montage\n" + supplier + ";10;31/03/2026;" + strings.Repeat("é", 513) + "\n"
	res, err = Parse([]byte(csv), nil)
	if err != nil || res.ErrorCount != 1 || res.Errors[0].Line != 3 || !strings.Contains(res.Errors[0].Message.EN, "1024 bytes") {
		t.Errorf("CSV: err %v, errors %+v; want line 3 refused at 1024 bytes", err, res.Errors)
	}
}
