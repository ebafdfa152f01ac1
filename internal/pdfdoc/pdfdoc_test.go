package pdfdoc_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"passerelle/internal/pdfdoc"
)

// A table longer than a page breaks onto further pages, each with its
// header and its footer, and the document is a PDF.
func TestTableBreaksAcrossPages(t *testing.T) {
	d, err := pdfdoc.New("fr", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), "Rapport d'impact", func(page int, total string) string {
		return "Page " + strings.Repeat("I", page) + " / " + total
	})
	if err != nil {
		t.Fatal(err)
	}
	cols := []pdfdoc.Column{{Width: 120, Align: "L"}, {Width: pdfdoc.ContentWidth - 120, Align: "R"}}
	headers := 0
	d.Header = func() { headers++; d.HeaderRow(cols, []string{"Pays", "Montant"}) }
	d.NewPage()
	for i := range 120 {
		d.TableRow(cols, [][]pdfdoc.Para{{{Text: "Łódź œuvre", Style: pdfdoc.StyleBody}}, {{Text: "1 000 €", Style: pdfdoc.StyleBold}}}, i%2 == 1)
	}
	var buf bytes.Buffer
	if err := d.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", buf.Bytes()[:8])
	}
	if pages := d.F.PageCount(); pages < 2 || headers != pages {
		t.Errorf("%d pages, header drawn %d times: want at least 2 pages, one header each", pages, headers)
	}
}

// Letters the embedded font cannot draw become "?", control characters go.
func TestCleanKeepsDrawableText(t *testing.T) {
	d, err := pdfdoc.New("en", time.Unix(0, 0), "t", func(int, string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Clean("a\tb\x07c\n漢"); got != "a bc\n?" {
		t.Errorf("Clean = %q", got)
	}
}
