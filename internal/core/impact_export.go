package core

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"passerelle/internal/domain"
	"passerelle/internal/pdfdoc"
)

// ImpactFile is an export of the impact figures.
type ImpactFile struct {
	Name string
	Body []byte
}

// impactFigure is one scalar figure of the report, in export order.
type impactFigure struct {
	code  string      // the CSV's figure column
	label impactLabel // its name
	unit  string      // EUR, count, ratio or hours
	value float64     // euros for EUR
	null  bool        // no value (a median without any tender)
}

func (r ImpactReport) scalars() []impactFigure {
	f := r.Figures
	eur := func(c int64) float64 { return float64(c) / 100 }
	hours := func(code string, l impactLabel, v *float64) impactFigure {
		if v == nil {
			return impactFigure{code: code, label: l, unit: "hours", null: true}
		}
		return impactFigure{code: code, label: l, unit: "hours", value: *v}
	}
	return []impactFigure{
		{"purchases_amount", labImpactTotal, "EUR", eur(f.Total.AmountCents), false},
		{"purchases_count", labImpactTotal, "count", float64(f.Total.Count), false},
		{"awards_amount", labImpactAwards, "EUR", eur(f.Awards.AmountCents), false},
		{"awards_count", labImpactAwards, "count", float64(f.Awards.Count), false},
		{"deals_amount", labImpactDeals, "EUR", eur(f.Deals.AmountCents), false},
		{"deals_count", labImpactDeals, "count", float64(f.Deals.Count), false},
		{"cross_border_amount", labImpactCrossBorder, "EUR", eur(f.CrossBorder.AmountCents), false},
		{"cross_border_count", labImpactCrossBorder, "count", float64(f.CrossBorder.Count), false},
		{"cross_border_share_by_amount", labImpactShareAmount, "ratio", f.CrossBorderShareByAmount, false},
		{"cross_border_share_by_count", labImpactShareCount, "ratio", f.CrossBorderShareByCount, false},
		{"suppliers_reached", labImpactReached, "count", float64(f.Reach.Reached), false},
		{"suppliers_interested", labImpactInterested, "count", float64(f.Reach.Interested), false},
		{"suppliers_responding", labImpactResponding, "count", float64(f.Reach.Responding), false},
		{"meetings_held", labImpactMeetingsHeld, "count", float64(f.MeetingsHeld), false},
		{"meeting_deals", labImpactMeetingDeals, "count", float64(f.MeetingDeals), false},
		{"tenders_published", labImpactPublished, "count", float64(f.TendersPublished), false},
		{"tenders_with_interest", labImpactWithInterest, "count", float64(f.TendersWithInterest), false},
		hours("hours_to_first_interest_median", labImpactMedianHours, f.MedianHoursToInterest),
		hours("hours_to_first_interest_p90", labImpactP90Hours, f.P90HoursToInterest),
	}
}

// impactDimension is one table of the report.
type impactDimension struct {
	code  string
	title impactLabel
	rows  []ImpactRow
}

func (r ImpactReport) dimensions() []impactDimension {
	return []impactDimension{
		{ImpactDimCountry, labImpactByCountry, r.Figures.ByCountry},
		{ImpactDimSector, labImpactBySector, r.Figures.BySector},
		{ImpactDimStatus, labImpactByStatus, r.Figures.ByStatus},
		{ImpactDimMonth, labImpactByMonth, r.Figures.ByMonth},
	}
}

// fileName is the download's name: impact[-orgid]-from-to.ext.
func (r ImpactReport) fileName(ext string) string {
	parts := []string{"impact"}
	if r.OrganisationID != "" {
		parts = append(parts, r.OrganisationID[:min(8, len(r.OrganisationID))])
	}
	if r.Filter.From != "" {
		parts = append(parts, r.Filter.From)
	}
	if r.Filter.To != "" {
		parts = append(parts, r.Filter.To)
	}
	if r.Filter.Country != "" {
		parts = append(parts, r.Filter.Country)
	}
	return strings.Join(parts, "-") + "." + ext
}

func (r ImpactReport) title(lang domain.Language) string {
	if r.OrganisationID != "" {
		return impactText(labImpactTitleOrg, lang, r.OrganisationName)
	}
	return impactText(labImpactTitle, lang)
}

func (r ImpactReport) periodLine(lang domain.Language) string {
	if r.Filter.From == "" && r.Filter.To == "" {
		return impactText(labImpactAllTime, lang)
	}
	from, to := r.Filter.From, r.Filter.To
	if from == "" {
		from = "…"
	}
	if to == "" {
		to = "…"
	}
	return impactText(labImpactPeriod, lang, from, to)
}

// csvNumber writes a value with a decimal point: euros with two decimals,
// ratios with four, counts as integers.
func csvNumber(unit string, v float64) string {
	switch unit {
	case "EUR", "hours":
		return strconv.FormatFloat(v, 'f', 2, 64)
	case "ratio":
		return strconv.FormatFloat(v, 'f', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// ImpactCSVHeader is the header of the CSV export, a long format: one row
// per value. Scalar figures have an empty dimension and key; the four
// dimensions (country, sector, status, month) give two rows per key,
// figure "amount" (EUR) and "count". Units: EUR (euros, two decimals),
// count, ratio (0 to 1) and hours; an empty value means none.
var ImpactCSVHeader = []string{"figure", "dimension", "key", "label", "value", "unit"}

// CSV writes the report as CSV (RFC 4180, UTF-8, labels in lang).
func (r ImpactReport) CSV(lang domain.Language) (ImpactFile, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(ImpactCSVHeader)
	for _, s := range r.scalars() {
		v := ""
		if !s.null {
			v = csvNumber(s.unit, s.value)
		}
		_ = w.Write([]string{s.code, "", "", impactText(s.label, lang), v, s.unit})
	}
	for _, d := range r.dimensions() {
		for _, row := range d.rows {
			label := ImpactLabel(d.code, row.Key, lang)
			_ = w.Write([]string{"amount", d.code, row.Key, label, csvNumber("EUR", float64(row.AmountCents)/100), "EUR"})
			_ = w.Write([]string{"count", d.code, row.Key, label, csvNumber("count", float64(row.Count)), "count"})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return ImpactFile{}, err
	}
	return ImpactFile{Name: r.fileName("csv"), Body: buf.Bytes()}, nil
}

// impactEuroFormat shows euros with two decimals and the sign.
const impactEuroFormat = `#,##0.00 "€"`

// XLSX writes the report as a spreadsheet: a summary sheet (figure, value)
// then one sheet per dimension (code, label, amount, number), each with a
// header row; amounts are numbers in euros shown with a euro format,
// shares are percentages.
func (r ImpactReport) XLSX(lang domain.Language) (ImpactFile, error) {
	x := excelize.NewFile()
	defer func() { _ = x.Close() }()
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"D9D9D9"}, Pattern: 1}})
	if err != nil {
		return ImpactFile{}, err
	}
	euro, err := x.NewStyle(&excelize.Style{CustomNumFmt: ptr(impactEuroFormat)})
	if err != nil {
		return ImpactFile{}, err
	}
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return ImpactFile{}, err
	}
	hrs, err := x.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return ImpactFile{}, err
	}
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
	set := func(sheet string, col, row int, v any, style int) error {
		if err := x.SetCellValue(sheet, cell(col, row), v); err != nil {
			return err
		}
		if style != 0 {
			return x.SetCellStyle(sheet, cell(col, row), cell(col, row), style)
		}
		return nil
	}
	summary := sheetName(impactText(labImpactSummary, lang))
	if err := x.SetSheetName("Sheet1", summary); err != nil {
		return ImpactFile{}, err
	}
	for i, h := range []string{impactText(labImpactFigure, lang), impactText(labImpactValue, lang)} {
		if err := set(summary, i+1, 1, h, head); err != nil {
			return ImpactFile{}, err
		}
	}
	for i, s := range r.scalars() {
		label := impactText(s.label, lang)
		style := 0
		switch s.unit {
		case "EUR":
			style = euro
		case "ratio":
			style = pct
		case "hours":
			style = hrs
		case "count":
			label += " (" + strings.ToLower(impactText(labImpactCount, lang)) + ")"
		}
		if err := set(summary, 1, i+2, label, 0); err != nil {
			return ImpactFile{}, err
		}
		var v any = s.value
		if s.null {
			v = ""
		} else if s.unit == "count" {
			v = int64(s.value)
		}
		if err := set(summary, 2, i+2, v, style); err != nil {
			return ImpactFile{}, err
		}
	}
	_ = x.SetColWidth(summary, "A", "A", 60)
	_ = x.SetColWidth(summary, "B", "B", 18)
	for _, d := range r.dimensions() {
		name := sheetName(impactText(d.title, lang))
		if _, err := x.NewSheet(name); err != nil {
			return ImpactFile{}, err
		}
		for i, h := range []string{impactText(labImpactKey, lang), impactText(d.title, lang), impactText(labImpactAmount, lang), impactText(labImpactCount, lang)} {
			if err := set(name, i+1, 1, h, head); err != nil {
				return ImpactFile{}, err
			}
		}
		for i, row := range d.rows {
			if err := set(name, 1, i+2, row.Key, 0); err != nil {
				return ImpactFile{}, err
			}
			if err := set(name, 2, i+2, ImpactLabel(d.code, row.Key, lang), 0); err != nil {
				return ImpactFile{}, err
			}
			if err := set(name, 3, i+2, float64(row.AmountCents)/100, euro); err != nil {
				return ImpactFile{}, err
			}
			if err := set(name, 4, i+2, row.Count, 0); err != nil {
				return ImpactFile{}, err
			}
		}
		_ = x.SetColWidth(name, "A", "A", 22)
		_ = x.SetColWidth(name, "B", "B", 45)
		_ = x.SetColWidth(name, "C", "D", 16)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return ImpactFile{}, err
	}
	return ImpactFile{Name: r.fileName("xlsx"), Body: buf.Bytes()}, nil
}

func ptr[T any](v T) *T { return &v }

// sheetName fits a title in a sheet name (31 characters, none of []:*?/\).
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	return s
}

// impactEuros writes an amount in cents as euros the way lang does
// ("1 234,50 €", "1,234.50 €").
func impactEuros(cents int64, lang domain.Language) string {
	return impactNumber(float64(cents)/100, 2, lang) + " €"
}

// impactNumber writes v with decimals digits, grouping thousands as lang does.
func impactNumber(v float64, decimals int, lang domain.Language) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	group, point := ",", "."
	switch lang {
	case domain.LangFR:
		group, point = "\u202f", ","
	case domain.LangDE, domain.LangNL:
		group, point = ".", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += point + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func impactScalarText(s impactFigure, lang domain.Language) string {
	switch {
	case s.null:
		return "—"
	case s.unit == "EUR":
		return impactEuros(int64(s.value*100+0.5), lang)
	case s.unit == "ratio":
		return impactNumber(s.value*100, 1, lang) + " %"
	case s.unit == "hours":
		return impactNumber(s.value, 1, lang)
	}
	return impactNumber(s.value, 0, lang)
}

// PDF writes the report as a printable A4 document in lang: the scope and
// period, the summary figures, then one table per dimension.
func (r ImpactReport) PDF(lang domain.Language) (ImpactFile, error) {
	title := r.title(lang)
	d, err := pdfdoc.New(string(lang), r.GeneratedAt, title, func(page int, total string) string {
		return impactText(labImpactPage, lang, page, total)
	})
	if err != nil {
		return ImpactFile{}, err
	}
	d.NewPage()
	d.Paragraph(pdfdoc.Para{Text: title, Style: pdfdoc.StyleTitle, MaxLines: 3})
	meta := r.periodLine(lang)
	if r.Filter.Country != "" {
		meta += " · " + impactText(labImpactCountryFilter, lang, ImpactLabel(ImpactDimCountry, r.Filter.Country, lang))
	}
	d.Paragraph(pdfdoc.Para{Text: meta, Style: pdfdoc.StyleBody})
	d.Paragraph(pdfdoc.Para{Text: impactText(labImpactGenerated, lang, r.GeneratedAt.In(impactZone()).Format(time.DateOnly)), Style: pdfdoc.StyleSmall})
	d.Gap(3)
	d.Paragraph(pdfdoc.Para{Text: impactText(labImpactRules, lang), Style: pdfdoc.StyleNote})
	d.Gap(4)

	two := []pdfdoc.Column{{Width: 130, Align: "L"}, {Width: pdfdoc.ContentWidth - 130, Align: "R"}}
	d.Paragraph(pdfdoc.Para{Text: impactText(labImpactSummary, lang), Style: pdfdoc.StyleHeading})
	d.Gap(1)
	d.HeaderRow(two, []string{impactText(labImpactFigure, lang), impactText(labImpactValue, lang)})
	for i, s := range r.scalars() {
		label := impactText(s.label, lang)
		if s.unit == "count" && (s.label == labImpactTotal || s.label == labImpactAwards || s.label == labImpactDeals || s.label == labImpactCrossBorder) {
			label += " (" + strings.ToLower(impactText(labImpactCount, lang)) + ")"
		}
		d.TableRow(two, [][]pdfdoc.Para{{{Text: label, Style: pdfdoc.StyleBody}}, {{Text: impactScalarText(s, lang), Style: pdfdoc.StyleBold}}}, i%2 == 1)
	}
	four := []pdfdoc.Column{{Width: 100, Align: "L"}, {Width: 50, Align: "R"}, {Width: pdfdoc.ContentWidth - 150, Align: "R"}}
	for _, dim := range r.dimensions() {
		d.Gap(5)
		d.Ensure(30)
		d.Paragraph(pdfdoc.Para{Text: impactText(dim.title, lang), Style: pdfdoc.StyleHeading})
		d.Gap(1)
		if len(dim.rows) == 0 {
			d.Paragraph(pdfdoc.Para{Text: impactText(labImpactNothing, lang), Style: pdfdoc.StyleBody})
			continue
		}
		d.HeaderRow(four, []string{impactText(dim.title, lang), impactText(labImpactAmount, lang), impactText(labImpactCount, lang)})
		for i, row := range dim.rows {
			d.TableRow(four, [][]pdfdoc.Para{
				{{Text: ImpactLabel(dim.code, row.Key, lang), Style: pdfdoc.StyleBody, MaxLines: 2}},
				{{Text: impactEuros(row.AmountCents, lang), Style: pdfdoc.StyleBody}},
				{{Text: impactNumber(float64(row.Count), 0, lang), Style: pdfdoc.StyleBody}},
			}, i%2 == 1)
		}
		if dim.code == ImpactDimStatus {
			d.Gap(1)
			d.Paragraph(pdfdoc.Para{Text: impactText(labImpactStatusNote, lang), Style: pdfdoc.StyleSmall})
		}
	}
	var buf bytes.Buffer
	if err := d.Finish(&buf); err != nil {
		return ImpactFile{}, err
	}
	return ImpactFile{Name: r.fileName("pdf"), Body: buf.Bytes()}, nil
}
