package ledger

import (
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// BenchmarkParseXLSX parses a 10,000-row workbook written by excelize's
// stream writer (issue 10: an import of 10,000 rows within 10 s).
func BenchmarkParseXLSX(b *testing.B) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"Supplier", "Amount", "Date", "Category", "Invoice", "Labour cost"}); err != nil {
		b.Fatal(err)
	}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 2; i <= 10_001; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		row := []any{"81234567600009", float64(i) * 1.37, day.AddDate(0, 0, i%300), "90911200 Reinigung", "F-" + cell, float64(i) * 0.4}
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		res, err := Parse(data, nil)
		if err != nil || res.ErrorCount != 0 || len(res.Rows) != 10_000 {
			b.Fatalf("err %v, %d errors %+v, %d rows", err, res.ErrorCount, res.Errors[:min(3, len(res.Errors))], len(res.Rows))
		}
	}
}
