package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbook builds a real XLSX file with excelize; fill writes the cells of
// Sheet1.
func workbook(t *testing.T, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	fill(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rewritePart returns the XLSX package with one part's text transformed:
// excelize writes formulas without their cached results, which spreadsheet
// programs always store.
func rewritePart(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			before := string(body)
			body = []byte(edit(before))
			if string(body) == before {
				t.Fatalf("%s unchanged by the edit", name)
			}
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func set(t *testing.T, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue("Sheet1", cell, v); err != nil {
		t.Fatal(err)
	}
}

// TestParseXLSXNumberCells reads number cells by their value, not through
// the text heuristics: 1234.567 is 1,234.57 (not 1,234,567.00), a formula's
// cached number counts, a percent-formatted 0.3 is 30 %, a date is its
// serial number, and text cells keep the decimal comma.
func TestParseXLSXNumberCells(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		for i, h := range []string{"Supplier", "Amount", "Date", "Category", "Labour share"} {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			set(t, f, cell, h)
		}
		pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
		if err != nil {
			t.Fatal(err)
		}
		// Row 2: a number with three decimals, a date cell, a percent cell.
		set(t, f, "A2", "81234567600009")
		set(t, f, "B2", 1234.567)
		set(t, f, "C2", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
		set(t, f, "D2", "Reinigung")
		set(t, f, "E2", 0.3)
		if err := f.SetCellStyle("Sheet1", "E2", "E2", pct); err != nil {
			t.Fatal(err)
		}
		// Row 3: a formula with a float result, the SIRET as a number, a
		// plain number in the percent column (header "share": 40 %).
		set(t, f, "A3", 81234567600009)
		if err := f.SetCellFormula("Sheet1", "B3", "B2*2"); err != nil {
			t.Fatal(err)
		}
		set(t, f, "C3", "2026-04-01")
		set(t, f, "D3", "Montage")
		set(t, f, "E3", 40)
		// Row 4: text cells keep the text heuristics: "1,5" is 1.50.
		set(t, f, "A4", "DE281730003")
		set(t, f, "B4", "1,5")
		set(t, f, "C4", "02.04.2026")
		set(t, f, "D4", "Druck")
		set(t, f, "E4", "12,5 %")
	})
	data = rewritePart(t, data, "xl/worksheets/sheet1.xml", func(s string) string {
		// As spreadsheet programs store a formula with a number result.
		return strings.Replace(s, `<c r="B3" t="str"><f>B2*2</f></c>`, `<c r="B3"><f>B2*2</f><v>2469.134</v></c>`, 1)
	})
	res, err := Parse(data, nil)
	if err != nil || res.ErrorCount != 0 {
		t.Fatalf("err %v, errors %+v", err, res.Errors)
	}
	if len(res.Rows) != 3 {
		t.Fatalf("rows %+v", res.Rows)
	}
	r := res.Rows[0]
	if r.Amount != 123457 || !r.Date.Equal(time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)) || r.LabourCost == nil || *r.LabourCost != 37037 {
		t.Errorf("row 2 = %+v (want 1234.57, 2026-03-31, labour 30 %% = 370.37)", r)
	}
	r = res.Rows[1]
	if r.Amount != 246913 || r.Supplier != "81234567600009" || r.LabourCost == nil || *r.LabourCost != 98765 {
		t.Errorf("row 3 = %+v (want the formula's 2469.13, the SIRET, labour 40 %% = 987.65)", r)
	}
	r = res.Rows[2]
	if r.Amount != 150 || r.Date.Day() != 2 || r.LabourCost == nil || *r.LabourCost != 19 {
		t.Errorf("row 4 = %+v (want 1.50, 2 April, labour 12.5 %% = 0.19)", r)
	}
}

// xlsxPart is one part of a crafted workbook: its name and its text.
type xlsxPart struct{ name, body string }

// craftedXLSX builds a minimal workbook with archive/zip whose sheet XML
// is written by sheet, with extra parts (a string table, say): files no
// spreadsheet program would make.
func craftedXLSX(t *testing.T, sheet func(w io.Writer) error, extra ...xlsxPart) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	parts := []xlsxPart{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	}
	for _, p := range append(parts, extra...) {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`); err != nil {
		t.Fatal(err)
	}
	if err := sheet(w); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, `</sheetData></worksheet>`); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const craftedHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>supplier</t></is></c><c r="B1" t="inlineStr"><is><t>amount</t></is></c>` +
	`<c r="C1" t="inlineStr"><is><t>date</t></is></c><c r="D1" t="inlineStr"><is><t>category</t></is></c></row>`

func craftedRow(n int) string {
	return strings.NewReplacer("N", strconv.Itoa(n)).Replace(`<row r="N"><c r="AN" t="inlineStr"><is><t>81234567600009</t></is></c>` +
		`<c r="BN"><v>10</v></c><c r="CN"><v>46112</v></c><c r="DN" t="inlineStr"><is><t>ok</t></is></c></row>`)
}

func fileErrorCode(t *testing.T, err error) string {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a *FileError", err)
	}
	if fe.Message.FR == "" || fe.Message.DE == "" || fe.Message.NL == "" || fe.Message.FR == fe.Message.EN {
		t.Errorf("message %+v not in four languages", fe.Message)
	}
	return fe.Code
}

// TestParseXLSXZipBomb refuses a 2 MB workbook whose sheet unpacks to
// 200 MB, from the ZIP directory, without inflating it.
func TestParseXLSXZipBomb(t *testing.T) {
	const unpacked = 200 << 20
	data := craftedXLSX(t, func(w io.Writer) error {
		if _, err := io.WriteString(w, craftedHeader); err != nil {
			return err
		}
		pad := bytes.Repeat([]byte("<!-- padding -->"), 1<<16)
		for written := 0; written < unpacked; written += len(pad) {
			if _, err := w.Write(pad); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, craftedRow(2))
		return err
	})
	if len(data) > 16<<20 { // core.DefaultMaxLedgerSize
		t.Fatalf("the bomb (%d bytes) does not fit the upload limit", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Parse(data, nil)
	runtime.ReadMemStats(&after)
	if code := fileErrorCode(t, err); code != "too_large_unzipped" {
		t.Errorf("code %q", code)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", alloc)
	}
}

// TestParseXLSXDeclaredSizesCannotWrap: a ZIP64 entry declaring a size
// near 2^64 must not wrap the running total back under the bound (the
// directory is refused before anything is inflated).
func TestParseXLSXDeclaredSizesCannotWrap(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []struct {
		name string
		size uint64
	}{{"xl/workbook.xml", 1000}, {"xl/worksheets/sheet1.xml", ^uint64(0) - 500}} {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Store, UncompressedSize64: e.size, CompressedSize64: 4})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte("<a/>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Parse(buf.Bytes(), nil)
	if code := fileErrorCode(t, err); code != "too_large_unzipped" {
		t.Errorf("code %q (%v)", code, err)
	}
}

// TestParseXLSXRowsBeyondLimit refuses a sheet whose data comes after a
// million empty rows, at the first row past the limit, and ignores cells
// right of MaxColumns.
func TestParseXLSXRowsBeyondLimit(t *testing.T) {
	far := craftedXLSX(t, func(w io.Writer) error {
		_, err := io.WriteString(w, craftedHeader+craftedRow(2)+craftedRow(1_000_002))
		return err
	})
	if _, err := Parse(far, nil); fileErrorCode(t, err) != "too_many_rows" {
		t.Errorf("err %v", err)
	}
	empty := craftedXLSX(t, func(w io.Writer) error {
		if _, err := io.WriteString(w, craftedHeader); err != nil {
			return err
		}
		if _, err := io.WriteString(w, strings.Repeat("<row/>", 1_000_000)); err != nil {
			return err
		}
		_, err := io.WriteString(w, `<row><c><v>1</v></c></row>`)
		return err
	})
	if _, err := Parse(empty, nil); fileErrorCode(t, err) != "too_many_rows" {
		t.Errorf("err %v", err)
	}
	wide := craftedXLSX(t, func(w io.Writer) error {
		_, err := io.WriteString(w, craftedHeader+craftedRow(2)+`<row r="3"><c r="XFD3"><v>1</v></c></row>`)
		return err
	})
	res, err := Parse(wide, nil)
	if err != nil || res.ErrorCount != 0 || len(res.Rows) != 1 {
		t.Errorf("a cell in column XFD: err %v, result %+v", err, res)
	}
}
