package core

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/pdfdoc"
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
	return writeLevyPDF(w, org.LegalName, st, l, s.now())
}

func writeLevyPDF(w io.Writer, employer string, st LevyStatement, l domain.Language, now time.Time) error {
	title := levyText("title_"+string(st.Input.Country), l, st.Input.Year)
	d, err := pdfdoc.New(string(l), now, title, func(page int, total string) string {
		return fmt.Sprintf("%s — %d / %s", title, page, total)
	})
	if err != nil {
		return err
	}
	cols := []pdfdoc.Column{{Width: 22, Align: "L"}, {Width: 30, Align: "L"}, {Width: 66, Align: "L"}, {Width: 31, Align: "R"}, {Width: 31, Align: "R"}}
	header := []string{levyText("date", l), levyText("invoice", l), levyText("supplier", l), levyText("amount", l), levyText("labour", l)}
	d.NewPage()
	d.Paragraph(pdfdoc.Para{Text: title, Style: pdfdoc.StyleTitle})
	d.Gap(2)
	d.Paragraph(pdfdoc.Para{Text: levyText("employer", l) + colon(l) + employer, Style: pdfdoc.StyleBody})
	rule, source := LevyRule(st.Input.Country)
	d.Gap(2)
	d.Paragraph(pdfdoc.Para{Text: levyText("rule", l), Style: pdfdoc.StyleHeading})
	d.Paragraph(pdfdoc.Para{Text: rule.With()[l], Style: pdfdoc.StyleBody})
	d.Paragraph(pdfdoc.Para{Text: levyText("source", l) + colon(l) + source.With()[l], Style: pdfdoc.StyleNote})
	d.Gap(3)

	// The column titles repeat at the top of every page the table crosses.
	d.HeaderRow(cols, header)
	d.Header = func() { d.HeaderRow(cols, header) }
	if len(st.Invoices) == 0 {
		d.Paragraph(pdfdoc.Para{Text: levyText("none", l), Style: pdfdoc.StyleBody})
	}
	for i, inv := range st.Invoices {
		labour := levyText("missing", l)
		if inv.LabourCostCents != nil {
			labour = FormatEuros(*inv.LabourCostCents, l)
		}
		cell := func(s string) []pdfdoc.Para { return []pdfdoc.Para{{Text: s, Style: pdfdoc.StyleBody, MaxLines: 2}} }
		d.TableRow(cols, [][]pdfdoc.Para{cell(inv.InvoiceDate.Format("2006-01-02")), cell(inv.InvoiceReference), cell(inv.Supplier),
			cell(FormatEuros(inv.AmountCents, l)), cell(labour)}, i%2 == 1)
	}
	bold := func(s string) []pdfdoc.Para { return []pdfdoc.Para{{Text: s, Style: pdfdoc.StyleBold}} }
	d.TableRow(cols, [][]pdfdoc.Para{bold(levyText("total", l)), nil, nil, bold(FormatEuros(st.AmountCents, l)), bold(FormatEuros(st.LabourCostCents, l))}, true)
	d.Header = nil
	d.Gap(4)

	figures := []pdfdoc.Column{{Width: 120, Align: "L"}, {Width: 60, Align: "R"}}
	line := func(label, value string, style pdfdoc.Style) {
		d.TableRow(figures, [][]pdfdoc.Para{{{Text: label, Style: style}}, {{Text: value, Style: style}}}, false)
	}
	line(levyText("contribution", l), FormatEuros(st.Input.ContributionCents, l)+" EUR", pdfdoc.StyleBody)
	if st.Input.Country == LevyFR {
		line(levyText("rate", l), fmt.Sprintf("%.2f %%", st.Input.EmploymentRate), pdfdoc.StyleBody)
	}
	line(levyText("gross", l, st.RatePercent), FormatEuros(st.GrossCents, l)+" EUR", pdfdoc.StyleBody)
	line(levyText("cap", l, st.CapPercent), FormatEuros(st.CapCents, l)+" EUR", pdfdoc.StyleBody)
	line(levyText("offset", l), FormatEuros(st.OffsetCents, l)+" EUR", pdfdoc.StyleHeading)
	d.Gap(2)
	if st.Capped {
		d.Paragraph(pdfdoc.Para{Text: levyText("capped", l), Style: pdfdoc.StyleBody})
	}
	if st.MissingLabour > 0 {
		d.Paragraph(pdfdoc.Para{Text: levyText("missing_note", l, st.MissingLabour), Style: pdfdoc.StyleBody})
	}
	d.Gap(4)
	d.Paragraph(pdfdoc.Para{Text: levyText("disclaimer", l), Style: pdfdoc.StyleNote})
	return d.Finish(w)
}

// colon is ": ", with the space French puts before it.
func colon(l domain.Language) string {
	if l == domain.LangFR {
		return "\u00a0: "
	}
	return ": "
}
