// Package pdfdoc lays out printable A4 documents with fpdf and the embedded
// Go fonts: word wrapping, tables whose rows break across pages with a
// repeated header, deterministic metadata and a "page x / y" footer. The
// agendas and the impact report draw with it.
package pdfdoc

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Page geometry of the printed documents, in millimetres (A4 portrait).
const (
	// PageMargin is the margin on every side.
	PageMargin = 15.0
	// ContentWidth is the width between the margins.
	ContentWidth = 210 - 2*PageMargin
	// ContentEnd is the lowest line content may reach: the footer sits below.
	ContentEnd = 297 - 18.0
	// CellPadX is the horizontal padding inside a table cell.
	CellPadX = 1.5
	// CellPadY is the vertical padding inside a table cell.
	CellPadY = 1.3
	// PointInMM converts font points to millimetres.
	PointInMM = 25.4 / 72
)

// Style is a font face, size (pt) and colour used for one paragraph.
type Style struct {
	Face string // "", "B" or "I"
	Size float64
	Grey bool
}

// The styles of the printed documents.
var (
	StyleBody      = Style{Size: 9.5}
	StyleBold      = Style{Face: "B", Size: 9.5}
	StyleSmall     = Style{Size: 8, Grey: true}
	StyleNote      = Style{Face: "I", Size: 8, Grey: true}
	StyleHeading   = Style{Face: "B", Size: 11}
	StyleTitle     = Style{Face: "B", Size: 15}
	StyleTableNo   = Style{Face: "B", Size: 12}
	StyleColHeader = Style{Face: "B", Size: 8.5}
)

// LineHeight is the height of one line of text in this style, in millimetres.
func (s Style) LineHeight() float64 { return s.Size * PointInMM * 1.3 }

// Para is a run of text in one style; MaxLines > 0 cuts it with an ellipsis.
type Para struct {
	Text     string
	Style    Style
	MaxLines int
}

// Column is one column of a table: its width and alignment ("L", "C", "R").
type Column struct {
	Width float64
	Align string
}

// Doc wraps fpdf with what printed documents need: the embedded Go fonts,
// deterministic metadata, word wrapping, table rows with page breaks, and a
// footer "page x / y".
type Doc struct {
	// F is the underlying document, for drawing what Doc does not offer.
	F *fpdf.Fpdf
	// Header, when set, draws what repeats at the top of every page.
	Header     func()
	glyphs     *sfnt.Font
	glyphBuf   sfnt.Buffer
	contentTop float64
}

// New prepares an A4 portrait document in language lang (fr, de, en, nl)
// whose metadata carry title and created (fixed dates make the same
// content give the same bytes). pageLabel writes the footer of a page from
// its number and the placeholder of the page count ("Page 2 / {nb}").
func New(lang string, created time.Time, title string, pageLabel func(page int, total string) string) (*Doc, error) {
	glyphs, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: parse embedded font: %w", err)
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	d := &Doc{F: f, glyphs: glyphs}
	// Fixed dates and sorted catalogues make the same document give the same bytes.
	f.SetCatalogSort(true)
	f.SetCreationDate(created.UTC())
	f.SetModificationDate(created.UTC())
	f.SetCreator("Passerelle", true)
	f.SetProducer("Passerelle", true)
	f.SetTitle(d.Clean(title), true)
	f.SetLang(lang)
	f.SetMargins(PageMargin, PageMargin, PageMargin)
	f.SetCellMargin(0)
	f.SetAutoPageBreak(false, 0)
	// fpdf's core fonts are cp1252 only; the Go fonts (BSD) cover every Latin
	// letter a name may hold (ł, œ, ő, ș …).
	f.AddUTF8FontFromBytes("go", "", goregular.TTF)
	f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	f.AddUTF8FontFromBytes("go", "I", goitalic.TTF)
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(func() {
		f.SetXY(PageMargin, PageMargin)
		if d.Header != nil {
			d.Header()
		}
	})
	f.SetFooterFunc(func() {
		d.SetFont(StyleSmall)
		f.SetXY(PageMargin, 297-12)
		f.CellFormat(ContentWidth, 4, pageLabel(f.PageNo(), "{nb}"), "", 0, "C", false, 0, "")
	})
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdfdoc: prepare PDF: %w", err)
	}
	return d, nil
}

// NewPage starts a page; the header function draws its top.
func (d *Doc) NewPage() {
	d.F.AddPage()
	d.contentTop = d.F.GetY()
}

// AtPageTop reports whether nothing was drawn below the page's header yet.
func (d *Doc) AtPageTop() bool { return d.F.GetY() <= d.contentTop+0.01 }

// Ensure starts a new page unless h millimetres fit below the current position.
func (d *Doc) Ensure(h float64) {
	if d.F.GetY()+h > ContentEnd && !d.AtPageTop() {
		d.NewPage()
	}
}

// SetFont selects the style's face, size and colour.
func (d *Doc) SetFont(s Style) {
	d.F.SetFont("go", s.Face, s.Size)
	if s.Grey {
		d.F.SetTextColor(80, 80, 80) // 7.8:1 on white: still legible once photocopied
	} else {
		d.F.SetTextColor(0, 0, 0)
	}
}

// Clean keeps what the embedded font can draw: line breaks stay, other control
// characters go, tabs become spaces and letters without a glyph become "?"
// (rather than an invisible box, or fpdf indexing past its width table).
func (d *Doc) Clean(s string) string {
	s = strings.ToValidUTF8(s, "?")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		case r > 0xFFFF:
			return '?'
		}
		g, err := d.glyphs.GlyphIndex(&d.glyphBuf, r)
		if err != nil || g == 0 {
			return '?'
		}
		return r
	}, s)
}

// Wrap cuts cleaned text into lines no wider than width in the current font;
// words longer than a line are broken between letters.
func (d *Doc) Wrap(s string, width float64) []string {
	var lines []string
	for _, Paragraph := range strings.Split(s, "\n") {
		cur := ""
		for _, word := range strings.Fields(Paragraph) {
			candidate := word
			if cur != "" {
				candidate = cur + " " + word
			}
			if d.F.GetStringWidth(candidate) <= width {
				cur = candidate
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
			}
			for d.F.GetStringWidth(word) > width {
				n := d.fitPrefix(word, width)
				lines = append(lines, word[:n])
				word = word[n:]
			}
			cur = word
		}
		if cur != "" {
			lines = append(lines, cur)
		}
	}
	return lines
}

// fitPrefix is the byte length of the longest prefix of word that fits in width
// (at least one letter, so that wrapping always advances).
func (d *Doc) fitPrefix(word string, width float64) int {
	n := 0
	for i, r := range word {
		end := i + utf8.RuneLen(r)
		if n > 0 && d.F.GetStringWidth(word[:end]) > width {
			break
		}
		n = end
	}
	return n
}

// ParaLines wraps a paragraph in its own font and applies its line limit.
func (d *Doc) ParaLines(p Para, width float64) []string {
	d.SetFont(p.Style)
	lines := d.Wrap(d.Clean(p.Text), width)
	if p.MaxLines > 0 && len(lines) > p.MaxLines {
		lines = lines[:p.MaxLines]
		last := []rune(lines[p.MaxLines-1])
		for len(last) > 0 && d.F.GetStringWidth(string(last)+"…") > width {
			last = last[:len(last)-1]
		}
		lines[p.MaxLines-1] = string(last) + "…"
	}
	return lines
}

// Block is a paragraph laid out: its style and lines.
type Block struct {
	Style Style
	Lines []string
}

// Layout wraps paragraphs into blocks within width and returns their total height.
func (d *Doc) Layout(paras []Para, width float64) ([]Block, float64) {
	var blocks []Block
	h := 0.0
	for _, p := range paras {
		lines := d.ParaLines(p, width)
		if len(lines) == 0 {
			continue
		}
		blocks = append(blocks, Block{Style: p.Style, Lines: lines})
		h += float64(len(lines)) * p.Style.LineHeight()
	}
	return blocks, h
}

// Paragraph writes text across the content width and moves below it.
func (d *Doc) Paragraph(p Para) {
	blocks, h := d.Layout([]Para{p}, ContentWidth)
	d.Ensure(h)
	d.DrawBlocks(blocks, PageMargin, d.F.GetY(), ContentWidth, "L")
	d.F.SetXY(PageMargin, d.F.GetY()+h)
}

// DrawBlocks draws laid-out blocks from (x, y) within width, aligned "L", "C" or "R".
func (d *Doc) DrawBlocks(blocks []Block, x, y, width float64, align string) {
	for _, b := range blocks {
		d.SetFont(b.Style)
		lh := b.Style.LineHeight()
		for _, line := range b.Lines {
			d.F.SetXY(x, y)
			d.F.CellFormat(width, lh, line, "", 0, align, false, 0, "")
			y += lh
		}
	}
}

// TableRow lays out one row of cells (one list of paragraphs per column), starts
// a new page first if it does not fit (the header repeats the column titles),
// and draws it with a rule below; shade fills it light grey.
func (d *Doc) TableRow(cols []Column, cells [][]Para, shade bool) {
	laid := make([][]Block, len(cols))
	h := 0.0
	for i, c := range cols {
		var ch float64
		laid[i], ch = d.Layout(cells[i], c.Width-2*CellPadX)
		h = max(h, ch)
	}
	h += 2 * CellPadY
	d.Ensure(h)
	y := d.F.GetY()
	if shade {
		d.F.SetFillColor(240, 240, 240)
		d.F.Rect(PageMargin, y, ContentWidth, h, "F")
	}
	x := PageMargin
	for i, c := range cols {
		d.DrawBlocks(laid[i], x+CellPadX, y+CellPadY, c.Width-2*CellPadX, c.Align)
		x += c.Width
	}
	d.F.SetDrawColor(170, 170, 170)
	d.F.SetLineWidth(0.2)
	d.F.Line(PageMargin, y+h, PageMargin+ContentWidth, y+h)
	d.F.SetXY(PageMargin, y+h)
}

// HeaderRow draws the column titles on a darker band.
func (d *Doc) HeaderRow(cols []Column, titles []string) {
	cells := make([][]Para, len(titles))
	for i, s := range titles {
		cells[i] = []Para{{Text: s, Style: StyleColHeader}}
	}
	y := d.F.GetY()
	h := 0.0
	for i := range cols {
		_, ch := d.Layout(cells[i], cols[i].Width-2*CellPadX)
		h = max(h, ch)
	}
	h += 2 * CellPadY
	d.F.SetFillColor(215, 215, 215)
	d.F.Rect(PageMargin, y, ContentWidth, h, "F")
	x := PageMargin
	for i, c := range cols {
		blocks, _ := d.Layout(cells[i], c.Width-2*CellPadX)
		d.DrawBlocks(blocks, x+CellPadX, y+CellPadY, c.Width-2*CellPadX, c.Align)
		x += c.Width
	}
	d.F.SetXY(PageMargin, y+h)
}

// Gap moves down by h millimetres.
func (d *Doc) Gap(h float64) { d.F.SetXY(PageMargin, d.F.GetY()+h) }

// Finish writes the document.
func (d *Doc) Finish(w io.Writer) error {
	if err := d.F.Output(w); err != nil {
		return fmt.Errorf("pdfdoc: write PDF: %w", err)
	}
	return nil
}
