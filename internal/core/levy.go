package core

import (
	"context"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// LevyCountry is the country whose disability levy a statement offsets.
type LevyCountry string

// The levies Passerelle computes offsets for.
const (
	// LevyFR is the French OETH contribution of private employers.
	LevyFR LevyCountry = "FR"
	// LevyDE is the German Ausgleichsabgabe.
	LevyDE LevyCountry = "DE"
)

// LevyInput is what the buyer tells for a statement: the year, the levy
// due before any offset (cents), and for France the share of disabled
// workers it employs (percent), which decides the cap.
type LevyInput struct {
	Country           LevyCountry
	Year              int
	ContributionCents int64
	EmploymentRate    float64
}

// LevyInvoice is an invoice counted in a statement.
type LevyInvoice struct {
	PurchaseID, InvoiceReference, Supplier, SupplierIdentifier string
	InvoiceDate                                                time.Time
	AmountCents                                                int64
	// LabourCostCents is nil when the buyer has not entered it: the invoice
	// then counts for nothing until it is.
	LabourCostCents *int64
	SSETypes        []string
}

// LevyStatement is a computed levy offset with its rule.
type LevyStatement struct {
	Input    LevyInput
	Invoices []LevyInvoice
	// AmountCents and LabourCostCents total the invoices; MissingLabour
	// counts invoices without a labour cost.
	AmountCents, LabourCostCents int64
	MissingLabour                int
	// RatePercent of the labour cost is deductible: GrossCents.
	RatePercent int
	GrossCents  int64
	// CapPercent of the contribution bounds the offset: CapCents.
	CapPercent int
	CapCents   int64
	// OffsetCents is the offset applied; Capped when the cap cut it.
	OffsetCents int64
	Capped      bool
}

// LevyStatusTypes are the supplier statuses whose invoices count.
func LevyStatusTypes(c LevyCountry) []domain.SSEStatusType {
	if c == LevyDE {
		return []domain.SSEStatusType{domain.SSEDeWfbM}
	}
	return []domain.SSEStatusType{domain.SSEFrESAT, domain.SSEFrEA, domain.SSEFrEATT}
}

// The legal parameters of each levy.
const (
	// FR, Code du travail L5212-10-1 and D5212-22: 30 % of the labour cost,
	// within 50 % of the contribution, 75 % for an employer whose
	// employment rate of disabled workers is at least 3 %.
	frRatePercent     = 30
	frCapPercent      = 50
	frHigherCap       = 75
	frHigherCapFromPc = 3.0
	// DE, §223 SGB IX: 50 % of the labour share of the invoice, credited
	// against the Ausgleichsabgabe (never more than is due).
	deRatePercent = 50
	deCapPercent  = 100
)

// percentOf is p % of cents, rounded half up to the cent.
func percentOf(cents int64, p int) int64 { return (cents*int64(p) + 50) / 100 }

// ComputeLevy applies the rule of in.Country to the invoices.
func ComputeLevy(in LevyInput, invoices []LevyInvoice) LevyStatement {
	st := LevyStatement{Input: in, Invoices: invoices}
	for _, inv := range invoices {
		st.AmountCents += inv.AmountCents
		if inv.LabourCostCents == nil {
			st.MissingLabour++
			continue
		}
		st.LabourCostCents += *inv.LabourCostCents
	}
	switch in.Country {
	case LevyDE:
		st.RatePercent, st.CapPercent = deRatePercent, deCapPercent
	default:
		st.RatePercent, st.CapPercent = frRatePercent, frCapPercent
		if in.EmploymentRate >= frHigherCapFromPc {
			st.CapPercent = frHigherCap
		}
	}
	st.GrossCents = percentOf(st.LabourCostCents, st.RatePercent)
	st.CapCents = percentOf(in.ContributionCents, st.CapPercent)
	st.OffsetCents = min(st.GrossCents, st.CapCents)
	st.Capped = st.GrossCents > st.CapCents
	return st
}

func validateLevyInput(in LevyInput) error {
	ve := &domain.ValidationError{}
	if in.Country != LevyFR && in.Country != LevyDE {
		ve.AddLocalized("query.country", "invalid", domain.Msg{EN: "FR or DE", FR: "FR ou DE", DE: "FR oder DE", NL: "FR of DE"}.With())
	}
	if in.Year < 1990 || in.Year > 2100 {
		ve.AddLocalized("query.year", "out_of_range", domain.Msg{EN: "a year from 1990 to 2100", FR: "une année de 1990 à 2100",
			DE: "ein Jahr von 1990 bis 2100", NL: "een jaar van 1990 tot 2100"}.With())
	}
	if in.ContributionCents < 0 || in.ContributionCents > 100_000_000_000 {
		ve.AddLocalized("query.contribution_cents", "out_of_range", domain.Msg{EN: "a positive amount", FR: "un montant positif",
			DE: "ein positiver Betrag", NL: "een positief bedrag"}.With())
	}
	if in.EmploymentRate < 0 || in.EmploymentRate > 100 {
		ve.AddLocalized("query.employment_rate", "out_of_range", domain.Msg{EN: "between 0 and 100", FR: "entre 0 et 100",
			DE: "zwischen 0 und 100", NL: "tussen 0 en 100"}.With())
	}
	if len(ve.Fields) > 0 {
		return ve
	}
	return nil
}

// LevyOffset computes orgID's statement for in from its recorded
// purchases in euros with the supplier's verified status at the invoice
// date.
func (s *Purchases) LevyOffset(ctx context.Context, p domain.Principal, orgID string, in LevyInput) (LevyStatement, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return LevyStatement{}, err
	}
	if err := validateLevyInput(in); err != nil {
		return LevyStatement{}, err
	}
	return levyOffset(ctx, s.st, orgID, in)
}

func levyOffset(ctx context.Context, st *store.Store, orgID string, in LevyInput) (LevyStatement, error) {
	rows, err := st.LevyPurchases(ctx, orgID, in.Year, LevyStatusTypes(in.Country))
	if err != nil {
		return LevyStatement{}, err
	}
	invoices := make([]LevyInvoice, len(rows))
	for i, r := range rows {
		invoices[i] = LevyInvoice{PurchaseID: r.ID, InvoiceReference: r.InvoiceReference, Supplier: r.SupplierName,
			SupplierIdentifier: r.SupplierIdentifier, InvoiceDate: r.InvoiceDate, AmountCents: r.AmountCents,
			LabourCostCents: r.LabourCostCents, SSETypes: r.SSETypes}
	}
	return ComputeLevy(in, invoices), nil
}

// LevyRule is the rule of a country's offset, stated in the web app and
// the PDF, with its legal source.
func LevyRule(c LevyCountry) (rule, source domain.Msg) {
	if c == LevyDE {
		return domain.Msg{
				EN: "Employers may credit 50 % of the labour share of invoices from recognised workshops for disabled people (WfbM) against their compensatory levy (Ausgleichsabgabe); the credit never exceeds the levy due.",
				FR: "L'employeur peut imputer sur sa contribution compensatoire (Ausgleichsabgabe) 50 % de la part main-d'œuvre des factures d'ateliers reconnus pour personnes handicapées (WfbM) ; l'imputation ne dépasse jamais la contribution due.",
				DE: "Arbeitgeber können 50 % des auf die Arbeitsleistung entfallenden Rechnungsbetrags von Aufträgen an anerkannte Werkstätten für behinderte Menschen (WfbM) auf die Ausgleichsabgabe anrechnen; die Anrechnung übersteigt nie die geschuldete Abgabe.",
				NL: "Werkgevers mogen 50 % van het arbeidsaandeel van facturen van erkende werkplaatsen voor mensen met een handicap (WfbM) verrekenen met hun compensatieheffing (Ausgleichsabgabe); de verrekening is nooit hoger dan de verschuldigde heffing.",
			}, domain.Msg{
				EN: "§223 SGB IX (Germany)", FR: "§ 223 SGB IX (Allemagne)", DE: "§ 223 SGB IX", NL: "§ 223 SGB IX (Duitsland)",
			}
	}
	return domain.Msg{
			EN: "Private employers may deduct from their disability employment contribution (OETH) 30 % of the labour cost of invoices from ESAT and EA (adapted enterprises), within 50 % of the contribution, or 75 % when they employ at least 3 % of disabled workers.",
			FR: "L'employeur privé peut déduire de sa contribution OETH 30 % du coût de la main-d'œuvre des factures d'ESAT et d'EA (entreprises adaptées), dans la limite de 50 % de la contribution, ou de 75 % s'il emploie au moins 3 % de travailleurs handicapés.",
			DE: "Private Arbeitgeber in Frankreich können 30 % der Lohnkosten von Rechnungen der ESAT und EA (angepasste Unternehmen) von ihrem OETH-Beitrag abziehen, höchstens 50 % des Beitrags, oder 75 %, wenn sie mindestens 3 % schwerbehinderte Beschäftigte haben.",
			NL: "Particuliere werkgevers mogen van hun OETH-bijdrage 30 % van de arbeidskosten van facturen van ESAT en EA (aangepaste ondernemingen) aftrekken, tot 50 % van de bijdrage, of 75 % wanneer zij ten minste 3 % werknemers met een handicap in dienst hebben.",
		}, domain.Msg{
			EN: "Code du travail, art. L5212-10-1 and D5212-22 (France); attestation model of 19 November 2020",
			FR: "Code du travail, art. L5212-10-1 et D5212-22 ; modèle d'attestation du 19 novembre 2020",
			DE: "Code du travail, Art. L5212-10-1 und D5212-22 (Frankreich); Bescheinigungsmuster vom 19. November 2020",
			NL: "Code du travail, art. L5212-10-1 en D5212-22 (Frankrijk); attestmodel van 19 november 2020",
		}
}
