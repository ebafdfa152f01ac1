package agenda

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
	pageMargin   = 15.0
	contentWidth = 210 - 2*pageMargin
	contentEnd   = 297 - 18.0 // the footer sits below
	cellPadX     = 1.5
	cellPadY     = 1.3
	pointInMM    = 25.4 / 72
)

// fontStyle is a font face, size (pt) and colour used for one paragraph.
type fontStyle struct {
	face string // "", "B" or "I"
	size float64
	grey bool
}

var (
	styleBody      = fontStyle{size: 9.5}
	styleBold      = fontStyle{face: "B", size: 9.5}
	styleSmall     = fontStyle{size: 8, grey: true}
	styleNote      = fontStyle{face: "I", size: 8, grey: true}
	styleHeading   = fontStyle{face: "B", size: 11}
	styleTitle     = fontStyle{face: "B", size: 15}
	styleTableNo   = fontStyle{face: "B", size: 12}
	styleColHeader = fontStyle{face: "B", size: 8.5}
)

func (s fontStyle) lineHeight() float64 { return s.size * pointInMM * 1.3 }

// para is a run of text in one style; maxLines > 0 cuts it with an ellipsis.
type para struct {
	text     string
	style    fontStyle
	maxLines int
}

// column is one column of a table: its width and alignment ("L", "C", "R").
type column struct {
	width float64
	align string
}

// pdfDoc wraps fpdf with what both documents need: the embedded Go fonts,
// deterministic metadata, word wrapping, table rows with page breaks, and a
// footer "page x / y".
type pdfDoc struct {
	f          *fpdf.Fpdf
	glyphs     *sfnt.Font
	glyphBuf   sfnt.Buffer
	header     func() // draws what repeats at the top of every page
	contentTop float64
}

func newPDFDoc(t text, created time.Time, title string) (*pdfDoc, error) {
	glyphs, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("agenda: parse embedded font: %w", err)
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	d := &pdfDoc{f: f, glyphs: glyphs}
	// Fixed dates and sorted catalogues make the same agenda give the same bytes.
	f.SetCatalogSort(true)
	f.SetCreationDate(created.UTC())
	f.SetModificationDate(created.UTC())
	f.SetCreator("Passerelle", true)
	f.SetProducer("Passerelle", true)
	f.SetTitle(d.clean(title), true)
	f.SetLang(t.lang)
	f.SetMargins(pageMargin, pageMargin, pageMargin)
	f.SetCellMargin(0)
	f.SetAutoPageBreak(false, 0)
	// fpdf's core fonts are cp1252 only; the Go fonts (BSD) cover every Latin
	// letter a delegate's name may hold (ł, œ, ő, ș …).
	f.AddUTF8FontFromBytes("go", "", goregular.TTF)
	f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	f.AddUTF8FontFromBytes("go", "I", goitalic.TTF)
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(func() {
		f.SetXY(pageMargin, pageMargin)
		if d.header != nil {
			d.header()
		}
	})
	f.SetFooterFunc(func() {
		d.setFont(styleSmall)
		f.SetXY(pageMargin, 297-12)
		f.CellFormat(contentWidth, 4, t.get(labPage, f.PageNo(), "{nb}"), "", 0, "C", false, 0, "")
	})
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("agenda: prepare PDF: %w", err)
	}
	return d, nil
}

// newPage starts a page; the header function draws its top.
func (d *pdfDoc) newPage() {
	d.f.AddPage()
	d.contentTop = d.f.GetY()
}

// atPageTop reports whether nothing was drawn below the page's header yet.
func (d *pdfDoc) atPageTop() bool { return d.f.GetY() <= d.contentTop+0.01 }

// ensure starts a new page unless h millimetres fit below the current position.
func (d *pdfDoc) ensure(h float64) {
	if d.f.GetY()+h > contentEnd && !d.atPageTop() {
		d.newPage()
	}
}

func (d *pdfDoc) setFont(s fontStyle) {
	d.f.SetFont("go", s.face, s.size)
	if s.grey {
		d.f.SetTextColor(80, 80, 80) // 7.8:1 on white: still legible once photocopied
	} else {
		d.f.SetTextColor(0, 0, 0)
	}
}

// clean keeps what the embedded font can draw: line breaks stay, other control
// characters go, tabs become spaces and letters without a glyph become "?"
// (rather than an invisible box, or fpdf indexing past its width table).
func (d *pdfDoc) clean(s string) string {
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

// wrap cuts cleaned text into lines no wider than width in the current font;
// words longer than a line are broken between letters.
func (d *pdfDoc) wrap(s string, width float64) []string {
	var lines []string
	for _, paragraph := range strings.Split(s, "\n") {
		cur := ""
		for _, word := range strings.Fields(paragraph) {
			candidate := word
			if cur != "" {
				candidate = cur + " " + word
			}
			if d.f.GetStringWidth(candidate) <= width {
				cur = candidate
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
			}
			for d.f.GetStringWidth(word) > width {
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
func (d *pdfDoc) fitPrefix(word string, width float64) int {
	n := 0
	for i, r := range word {
		end := i + utf8.RuneLen(r)
		if n > 0 && d.f.GetStringWidth(word[:end]) > width {
			break
		}
		n = end
	}
	return n
}

// paraLines wraps a paragraph in its own font and applies its line limit.
func (d *pdfDoc) paraLines(p para, width float64) []string {
	d.setFont(p.style)
	lines := d.wrap(d.clean(p.text), width)
	if p.maxLines > 0 && len(lines) > p.maxLines {
		lines = lines[:p.maxLines]
		last := []rune(lines[p.maxLines-1])
		for len(last) > 0 && d.f.GetStringWidth(string(last)+"…") > width {
			last = last[:len(last)-1]
		}
		lines[p.maxLines-1] = string(last) + "…"
	}
	return lines
}

// block is a paragraph laid out: its style and lines.
type block struct {
	style fontStyle
	lines []string
}

func (d *pdfDoc) layout(paras []para, width float64) ([]block, float64) {
	var blocks []block
	h := 0.0
	for _, p := range paras {
		lines := d.paraLines(p, width)
		if len(lines) == 0 {
			continue
		}
		blocks = append(blocks, block{style: p.style, lines: lines})
		h += float64(len(lines)) * p.style.lineHeight()
	}
	return blocks, h
}

// paragraph writes text across the content width and moves below it.
func (d *pdfDoc) paragraph(p para) {
	blocks, h := d.layout([]para{p}, contentWidth)
	d.ensure(h)
	d.drawBlocks(blocks, pageMargin, d.f.GetY(), contentWidth, "L")
	d.f.SetXY(pageMargin, d.f.GetY()+h)
}

func (d *pdfDoc) drawBlocks(blocks []block, x, y, width float64, align string) {
	for _, b := range blocks {
		d.setFont(b.style)
		lh := b.style.lineHeight()
		for _, line := range b.lines {
			d.f.SetXY(x, y)
			d.f.CellFormat(width, lh, line, "", 0, align, false, 0, "")
			y += lh
		}
	}
}

// tableRow lays out one row of cells (one list of paragraphs per column), starts
// a new page first if it does not fit (the header repeats the column titles),
// and draws it with a rule below; shade fills it light grey.
func (d *pdfDoc) tableRow(cols []column, cells [][]para, shade bool) {
	laid := make([][]block, len(cols))
	h := 0.0
	for i, c := range cols {
		var ch float64
		laid[i], ch = d.layout(cells[i], c.width-2*cellPadX)
		h = max(h, ch)
	}
	h += 2 * cellPadY
	d.ensure(h)
	y := d.f.GetY()
	if shade {
		d.f.SetFillColor(240, 240, 240)
		d.f.Rect(pageMargin, y, contentWidth, h, "F")
	}
	x := pageMargin
	for i, c := range cols {
		d.drawBlocks(laid[i], x+cellPadX, y+cellPadY, c.width-2*cellPadX, c.align)
		x += c.width
	}
	d.f.SetDrawColor(170, 170, 170)
	d.f.SetLineWidth(0.2)
	d.f.Line(pageMargin, y+h, pageMargin+contentWidth, y+h)
	d.f.SetXY(pageMargin, y+h)
}

// headerRow draws the column titles on a darker band.
func (d *pdfDoc) headerRow(cols []column, titles []string) {
	cells := make([][]para, len(titles))
	for i, s := range titles {
		cells[i] = []para{{text: s, style: styleColHeader}}
	}
	y := d.f.GetY()
	h := 0.0
	for i := range cols {
		_, ch := d.layout(cells[i], cols[i].width-2*cellPadX)
		h = max(h, ch)
	}
	h += 2 * cellPadY
	d.f.SetFillColor(215, 215, 215)
	d.f.Rect(pageMargin, y, contentWidth, h, "F")
	x := pageMargin
	for i, c := range cols {
		blocks, _ := d.layout(cells[i], c.width-2*cellPadX)
		d.drawBlocks(blocks, x+cellPadX, y+cellPadY, c.width-2*cellPadX, c.align)
		x += c.width
	}
	d.f.SetXY(pageMargin, y+h)
}

// gap moves down by h millimetres.
func (d *pdfDoc) gap(h float64) { d.f.SetXY(pageMargin, d.f.GetY()+h) }

// finish writes the document.
func (d *pdfDoc) finish(w io.Writer) error {
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("agenda: write PDF: %w", err)
	}
	return nil
}
