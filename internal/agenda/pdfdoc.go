package agenda

import (
	"time"

	"passerelle/internal/pdfdoc"
)

// The agenda documents draw with the shared layout of internal/pdfdoc;
// these short names keep the drawing code readable.
type (
	pdfDoc    = pdfdoc.Doc
	para      = pdfdoc.Para
	column    = pdfdoc.Column
	fontStyle = pdfdoc.Style
)

const (
	pageMargin   = pdfdoc.PageMargin
	contentWidth = pdfdoc.ContentWidth
	cellPadY     = pdfdoc.CellPadY
)

var (
	styleBody    = pdfdoc.StyleBody
	styleBold    = pdfdoc.StyleBold
	styleSmall   = pdfdoc.StyleSmall
	styleNote    = pdfdoc.StyleNote
	styleHeading = pdfdoc.StyleHeading
	styleTitle   = pdfdoc.StyleTitle
	styleTableNo = pdfdoc.StyleTableNo
)

func newPDFDoc(t text, created time.Time, title string) (*pdfDoc, error) {
	return pdfdoc.New(t.lang, created, title, func(page int, total string) string { return t.get(labPage, page, total) })
}
