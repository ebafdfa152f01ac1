package core

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"passerelle/internal/domain"
)

// levyLabels are the printed statement's words.
var levyLabels = map[string]domain.Msg{
	"title_FR":     {EN: "Levy offset statement (OETH, France) — %d", FR: "Relevé de déduction de la contribution OETH — %d", DE: "Aufstellung der Abzüge vom OETH-Beitrag (Frankreich) — %d", NL: "Overzicht van de aftrek op de OETH-bijdrage (Frankrijk) — %d"},
	"title_DE":     {EN: "Levy offset statement (Ausgleichsabgabe, Germany) — %d", FR: "Relevé d'imputation sur l'Ausgleichsabgabe (Allemagne) — %d", DE: "Aufstellung der Anrechnung auf die Ausgleichsabgabe — %d", NL: "Overzicht van de verrekening met de Ausgleichsabgabe (Duitsland) — %d"},
	"employer":     {EN: "Employer", FR: "Employeur", DE: "Arbeitgeber", NL: "Werkgever"},
	"rule":         {EN: "Rule", FR: "Règle", DE: "Regel", NL: "Regel"},
	"source":       {EN: "Source", FR: "Source", DE: "Rechtsgrundlage", NL: "Bron"},
	"date":         {EN: "Date", FR: "Date", DE: "Datum", NL: "Datum"},
	"invoice":      {EN: "Invoice", FR: "Facture", DE: "Rechnung", NL: "Factuur"},
	"supplier":     {EN: "Supplier", FR: "Fournisseur", DE: "Lieferant", NL: "Leverancier"},
	"amount":       {EN: "Amount (EUR)", FR: "Montant (EUR)", DE: "Betrag (EUR)", NL: "Bedrag (EUR)"},
	"labour":       {EN: "Labour cost (EUR)", FR: "Main-d'œuvre (EUR)", DE: "Lohnkosten (EUR)", NL: "Arbeidskosten (EUR)"},
	"missing":      {EN: "not entered", FR: "non saisi", DE: "nicht erfasst", NL: "niet ingevuld"},
	"total":        {EN: "Total", FR: "Total", DE: "Summe", NL: "Totaal"},
	"contribution": {EN: "Levy due before offset", FR: "Contribution due avant déduction", DE: "Geschuldete Abgabe vor Anrechnung", NL: "Verschuldigde heffing vóór aftrek"},
	"rate":         {EN: "Employment rate of disabled workers", FR: "Taux d'emploi de travailleurs handicapés", DE: "Beschäftigungsquote schwerbehinderter Menschen", NL: "Tewerkstellingsgraad van werknemers met een handicap"},
	"gross":        {EN: "%d %% of the labour cost", FR: "%d %% du coût de la main-d'œuvre", DE: "%d %% der Lohnkosten", NL: "%d %% van de arbeidskosten"},
	"cap":          {EN: "Cap: %d %% of the levy", FR: "Plafond : %d %% de la contribution", DE: "Höchstbetrag: %d %% der Abgabe", NL: "Plafond: %d %% van de heffing"},
	"offset":       {EN: "Offset", FR: "Déduction", DE: "Anrechnung", NL: "Aftrek"},
	"capped":       {EN: "The cap applies.", FR: "Le plafond s'applique.", DE: "Der Höchstbetrag greift.", NL: "Het plafond is van toepassing."},
	"none":         {EN: "No invoice from an eligible supplier with a status verified at the invoice date.", FR: "Aucune facture d'un fournisseur éligible au statut vérifié à la date de facture.", DE: "Keine Rechnung eines berechtigten Lieferanten mit zum Rechnungsdatum geprüftem Status.", NL: "Geen factuur van een in aanmerking komende leverancier met een op de factuurdatum geverifieerde status."},
	"missing_note": {EN: "%d invoice(s) without a labour cost count for nothing until it is entered.", FR: "%d facture(s) sans coût de main-d'œuvre ne compte(nt) pas tant qu'il n'est pas saisi.", DE: "%d Rechnung(en) ohne Lohnkosten zählen erst, wenn diese erfasst sind.", NL: "%d factuur/facturen zonder arbeidskosten tellen pas mee als die zijn ingevuld."},
	"disclaimer":   {EN: "Computed by Passerelle from the purchases recorded by the employer and the suppliers' statuses verified at each invoice date. The supplier's own attestation remains the supporting document.", FR: "Calculé par Passerelle à partir des achats enregistrés par l'employeur et des statuts des fournisseurs vérifiés à chaque date de facture. L'attestation du fournisseur reste la pièce justificative.", DE: "Von Passerelle berechnet aus den vom Arbeitgeber erfassten Einkäufen und den zum jeweiligen Rechnungsdatum geprüften Status der Lieferanten. Maßgeblicher Nachweis bleibt die Bescheinigung des Lieferanten.", NL: "Door Passerelle berekend uit de door de werkgever geregistreerde aankopen en de op elke factuurdatum geverifieerde statussen van de leveranciers. Het attest van de leverancier blijft het bewijsstuk."},
}

func levyText(key string, l domain.Language, args ...any) string {
	return levyLabels[key].With(args...)[l]
}

// FormatEuros writes cents as an amount in the conventions of l.
func FormatEuros(cents int64, l domain.Language) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	whole := fmt.Sprintf("%d", cents/100)
	var b strings.Builder
	group, dec := "\u202f", ","
	switch l {
	case domain.LangEN:
		group, dec = ",", "."
	case domain.LangDE, domain.LangNL:
		group = "."
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	s := fmt.Sprintf("%s%s%02d", b.String(), dec, cents%100)
	if neg {
		s = "-" + s
	}
	return s
}

// LevyStatementPDF computes orgID's statement and writes it as a PDF in l.
func (s *Purchases) LevyStatementPDF(ctx context.Context, p domain.Principal, orgID string, in LevyInput, l domain.Language, w io.Writer) error {
	st, err := s.LevyOffset(ctx, p, orgID, in)
	if err != nil {
		return err
	}
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return err
	}
	return writeLevyPDF(w, org.LegalName, st, l)
}

func writeLevyPDF(w io.Writer, employer string, st LevyStatement, l domain.Language) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("go", "", goregular.TTF)
	f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	f.SetMargins(15, 15, 15)
	f.SetAutoPageBreak(true, 15)
	f.SetTitle(levyText("title_"+string(st.Input.Country), l, st.Input.Year), true)
	f.SetLang(string(l))
	f.AddPage()
	f.SetFont("go", "B", 14)
	f.MultiCell(0, 7, levyText("title_"+string(st.Input.Country), l, st.Input.Year), "", "L", false)
	f.Ln(2)
	f.SetFont("go", "", 10)
	f.MultiCell(0, 5, levyText("employer", l)+colon(l)+employer, "", "L", false)
	rule, source := LevyRule(st.Input.Country)
	f.Ln(2)
	f.SetFont("go", "B", 10)
	f.MultiCell(0, 5, levyText("rule", l), "", "L", false)
	f.SetFont("go", "", 9.5)
	f.MultiCell(0, 5, rule.With()[l], "", "L", false)
	f.MultiCell(0, 5, levyText("source", l)+colon(l)+source.With()[l], "", "L", false)
	f.Ln(3)

	widths := []float64{22, 30, 66, 31, 31}
	header := []string{levyText("date", l), levyText("invoice", l), levyText("supplier", l), levyText("amount", l), levyText("labour", l)}
	f.SetFont("go", "B", 8.5)
	f.SetFillColor(235, 235, 235)
	for i, h := range header {
		f.CellFormat(widths[i], 6, h, "1", 0, "L", true, 0, "")
	}
	f.Ln(-1)
	f.SetFont("go", "", 8.5)
	if len(st.Invoices) == 0 {
		f.MultiCell(0, 6, levyText("none", l), "1", "L", false)
	}
	for _, inv := range st.Invoices {
		labour := levyText("missing", l)
		if inv.LabourCostCents != nil {
			labour = FormatEuros(*inv.LabourCostCents, l)
		}
		cells := []string{inv.InvoiceDate.Format("2006-01-02"), fit(f, inv.InvoiceReference, widths[1]), fit(f, inv.Supplier, widths[2]),
			FormatEuros(inv.AmountCents, l), labour}
		for i, c := range cells {
			align := "L"
			if i >= 3 {
				align = "R"
			}
			f.CellFormat(widths[i], 5.5, c, "1", 0, align, false, 0, "")
		}
		f.Ln(-1)
	}
	f.SetFont("go", "B", 8.5)
	f.CellFormat(widths[0]+widths[1]+widths[2], 6, levyText("total", l), "1", 0, "L", true, 0, "")
	f.CellFormat(widths[3], 6, FormatEuros(st.AmountCents, l), "1", 0, "R", true, 0, "")
	f.CellFormat(widths[4], 6, FormatEuros(st.LabourCostCents, l), "1", 0, "R", true, 0, "")
	f.Ln(-1)
	f.Ln(4)

	line := func(label, value string, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		f.SetFont("go", style, 10)
		f.CellFormat(120, 6, label, "", 0, "L", false, 0, "")
		f.CellFormat(60, 6, value, "", 1, "R", false, 0, "")
	}
	line(levyText("contribution", l), FormatEuros(st.Input.ContributionCents, l)+" EUR", false)
	if st.Input.Country == LevyFR {
		line(levyText("rate", l), fmt.Sprintf("%.2f %%", st.Input.EmploymentRate), false)
	}
	line(levyText("gross", l, st.RatePercent), FormatEuros(st.GrossCents, l)+" EUR", false)
	line(levyText("cap", l, st.CapPercent), FormatEuros(st.CapCents, l)+" EUR", false)
	line(levyText("offset", l), FormatEuros(st.OffsetCents, l)+" EUR", true)
	f.SetFont("go", "", 9)
	if st.Capped {
		f.MultiCell(0, 5, levyText("capped", l), "", "L", false)
	}
	if st.MissingLabour > 0 {
		f.MultiCell(0, 5, levyText("missing_note", l, st.MissingLabour), "", "L", false)
	}
	f.Ln(4)
	f.SetFont("go", "", 8)
	f.SetTextColor(80, 80, 80)
	f.MultiCell(0, 4.5, levyText("disclaimer", l), "", "L", false)

	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("levy pdf: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// colon is ": ", with the space French puts before it.
func colon(l domain.Language) string {
	if l == domain.LangFR {
		return "\u00a0: "
	}
	return ": "
}

// fit shortens s with an ellipsis to fit width mm in the current font.
func fit(f *fpdf.Fpdf, s string, width float64) string {
	r := []rune(s)
	for len(r) > 1 && f.GetStringWidth(string(r))+2 > width {
		r = r[:len(r)-2]
		r = append(r, '…')
	}
	return string(r)
}
