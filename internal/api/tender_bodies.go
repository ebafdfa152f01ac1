package api

import (
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/markdown"
)

// AwardCriterionBody is one award criterion of a lot (BT-539, BT-734,
// BT-540, BT-5421, BT-541), as domain.AwardCriterion.
type AwardCriterionBody struct {
	Type        domain.AwardCriterionType `json:"type" doc:"BT-539: price, cost or quality" example:"quality"`
	Name        string                    `json:"name" maxLength:"400" example:"Insertion hours offered"`
	Description string                    `json:"description,omitempty" maxLength:"4000" doc:"BT-540" example:"Hours beyond the minimum of the insertion clause"`
	WeightType  domain.WeightType         `json:"weight_type" doc:"BT-5421: per-exa, per-mid, poi-exa, poi-mid, dec-exa, dec-mid, ord-imp" example:"per-exa"`
	Weight      float64                   `json:"weight" example:"40" doc:"BT-541; percentages of a lot add up to 100, ranks are 1, 2, 3…"`
	Social      bool                      `json:"social,omitempty" doc:"Rewards social performance (quality criteria only)" example:"true"`
}

// ClausesBody is a lot's clause set, the shared model of DOMAIN.md
// (domain.LotClauses, eForms codes). Codes left out take the defaults of
// domain.DefaultLotClauses: not reserved, no reserved execution, no
// strategic procurement, accessibility criteria included. The codes are
// checked by the domain, which names every wrong field in the caller's
// language.
type ClausesBody struct {
	ReservedParticipation          domain.ReservedParticipation  `json:"reserved_participation,omitempty" doc:"BT-71: none (default), res-ws (art. 20) or res-pub-ser (art. 77)" example:"res-ws"`
	LegalBases                     []domain.LegalBasis           `json:"legal_bases,omitempty" maxItems:"2" doc:"Legal bases of the reservation, available in the buyer's country (FR_L2113_12, DE_GWB_118, …)" example:"[\"FR_L2113_12\"]"`
	ReservedExecution              domain.ReservedExecution      `json:"reserved_execution,omitempty" doc:"BT-736: yes, no (default) or not-known" example:"no"`
	ReservedExecutionJustification string                        `json:"reserved_execution_justification,omitempty" maxLength:"4000" example:"Prestation réalisable en ESAT"`
	StrategicProcurement           []domain.StrategicProcurement `json:"strategic_procurement,omitempty" maxItems:"3" doc:"BT-06: env-imp, inn-pur, soc-obj, or none alone (default)" example:"[\"soc-obj\"]"`
	StrategicDescription           string                        `json:"strategic_description,omitempty" maxLength:"8000" doc:"BT-777" example:"Heures d'insertion pour des demandeurs d'emploi de longue durée"`
	SocialObjectives               []domain.SocialObjective      `json:"social_objectives,omitempty" maxItems:"20" doc:"BT-775, with soc-obj" example:"[\"opp\"]"`
	GreenObjectives                []domain.GreenObjective       `json:"green_objectives,omitempty" maxItems:"20" doc:"BT-774, with env-imp" example:"[\"circ-econ\"]"`
	Accessibility                  domain.Accessibility          `json:"accessibility,omitempty" doc:"BT-754: inc (default), n-inc or n-inc-just" example:"inc"`
	AccessibilityJustification     string                        `json:"accessibility_justification,omitempty" maxLength:"4000" doc:"BT-755, with n-inc-just" example:"Travaux sans usagers"`
	ExecutionConditions            string                        `json:"execution_conditions,omitempty" maxLength:"20000" doc:"BT-70, Markdown" example:"Le titulaire réserve **1 200 heures** à des personnes en insertion."`
	Insertion                      *domain.InsertionClause       `json:"insertion,omitempty" doc:"Structured insertion clause (part of BT-70)"`
	AwardCriteria                  []AwardCriterionBody          `json:"award_criteria,omitempty" maxItems:"20"`
}

// ClauseLabelsBody names a lot's clause codes in the caller's language.
type ClauseLabelsBody struct {
	ReservedParticipation string   `json:"reserved_participation" example:"Réservé aux structures d'insertion et entreprises adaptées"`
	LegalBases            []string `json:"legal_bases,omitempty"`
	ReservedExecution     string   `json:"reserved_execution"`
	StrategicProcurement  []string `json:"strategic_procurement"`
	SocialObjectives      []string `json:"social_objectives,omitempty"`
	GreenObjectives       []string `json:"green_objectives,omitempty"`
	Accessibility         string   `json:"accessibility"`
}

// EligibilityBody says whether the supplier the caller acts for may take
// part in a lot, and why.
type EligibilityBody struct {
	Result  string       `json:"result" enum:"eligible,not_eligible,unknown" example:"eligible"`
	Reasons []ReasonBody `json:"reasons"`
}

// ReasonBody is one fact behind an eligibility result.
type ReasonBody struct {
	Code string `json:"code" example:"qualifies"`
	Text string `json:"text" doc:"In the caller's language"`
}

// LotFields are what a buyer states about a lot.
type LotFields struct {
	Title         string      `json:"title" maxLength:"400" example:"Cleaning of the town hall"`
	Description   string      `json:"description,omitempty" maxLength:"40000" example:"Daily cleaning of 1,200 m² of offices." doc:"Markdown"`
	CPV           []string    `json:"cpv,omitempty" maxItems:"20" example:"[\"90910000-9\"]" doc:"CPV codes with their check digit"`
	ValueMinCents *int64      `json:"value_min_cents,omitempty" example:"4000000" doc:"Estimated value, lower end (cents)"`
	ValueMaxCents *int64      `json:"value_max_cents,omitempty" example:"6000000" doc:"Estimated value, upper end (cents); equal to the lower end for an amount"`
	Currency      string      `json:"currency,omitempty" maxLength:"3" example:"EUR" doc:"ISO 4217; default EUR"`
	Clauses       ClausesBody `json:"clauses,omitempty"`
}

// LotBody is a lot as the API shows it.
type LotBody struct {
	ID       string `json:"id" format:"uuid"`
	Position int    `json:"position" example:"1"`
	LotFields
	DescriptionHTML         string           `json:"description_html" doc:"The description rendered as safe HTML"`
	ExecutionConditionsHTML string           `json:"execution_conditions_html,omitempty" doc:"The execution conditions rendered as safe HTML" example:"<p>Le titulaire réserve <strong>1 200 heures</strong> à des personnes en insertion.</p>"`
	ClauseLabels            ClauseLabelsBody `json:"clause_labels" doc:"The clause codes named in the caller's language"`
	Eligibility             *EligibilityBody `json:"eligibility,omitempty" doc:"For a signed-in SSE supplier: whether it may take part, from its verified statuses"`
	Outcome                 *OutcomeBody     `json:"outcome,omitempty" doc:"What came of the lot (buyer and moderators only)"`
}

// OutcomeBody is the outcome of a lot.
type OutcomeBody struct {
	Result      string    `json:"result" enum:"awarded_passerelle,awarded_other,not_awarded" example:"awarded_passerelle"`
	SupplierID  string    `json:"supplier_id,omitempty" format:"uuid" doc:"The Passerelle supplier, for awarded_passerelle"`
	AmountCents *int64    `json:"amount_cents,omitempty" example:"5200000"`
	Currency    string    `json:"currency" example:"EUR"`
	RecordedAt  time.Time `json:"recorded_at"`
}

func outcomeBody(o domain.LotOutcome) OutcomeBody {
	return OutcomeBody{Result: string(o.Result), SupplierID: o.SupplierID, AmountCents: o.AmountCents, Currency: o.Currency, RecordedAt: o.RecordedAt}
}

// TenderTextBody is a tender's title and description in one language.
type TenderTextBody struct {
	Language    string `json:"language" enum:"fr,de,en,nl" example:"de"`
	Title       string `json:"title" maxLength:"400" example:"Reinigung des Rathauses"`
	Description string `json:"description,omitempty" maxLength:"40000" doc:"Markdown" example:"Reinigung von **4 200 m²** Büroflächen, werktags ab 18 Uhr."`
	// DescriptionHTML is set in answers only.
	DescriptionHTML string `json:"description_html,omitempty" readOnly:"true" doc:"The description rendered as safe HTML (answers only)" example:"<p>Reinigung von <strong>4 200 m²</strong> Büroflächen, werktags ab 18 Uhr.</p>"`
	Original        bool   `json:"original,omitempty" doc:"The text the buyer wrote first (read only)" example:"false"`
}

// BuyerBody names a tender's buyer.
type BuyerBody struct {
	ID      string `json:"id" format:"uuid"`
	Name    string `json:"name" example:"Ville de Thionville"`
	Country string `json:"country" example:"FR"`
}

// TenderBody is a tender as the API shows it. The buyer is absent for
// suppliers and the public when it posts anonymously.
type TenderBody struct {
	ID                string           `json:"id" format:"uuid"`
	Buyer             *BuyerBody       `json:"buyer,omitempty"`
	Kind              string           `json:"kind" enum:"formal_tender,quote_request,sourcing" example:"formal_tender"`
	State             string           `json:"state" enum:"draft,pending,published,closed,awarded,not_awarded,rejected,changes_requested,cancelled"`
	Language          string           `json:"language" doc:"Original language" example:"fr"`
	Title             string           `json:"title" doc:"In the original language"`
	Description       string           `json:"description" doc:"Markdown, in the original language"`
	DescriptionHTML   string           `json:"description_html" doc:"The description rendered as safe HTML: no raw HTML, scripts or images"`
	Texts             []TenderTextBody `json:"texts" doc:"Every language, the original first"`
	PlaceNUTS         string           `json:"place_nuts" example:"FRF33"`
	PlaceTown         string           `json:"place_town" example:"Thionville"`
	QuestionsDeadline time.Time        `json:"questions_deadline" example:"2027-03-01T12:00:00Z"`
	ResponsesDeadline time.Time        `json:"responses_deadline"`
	DeadlinePassed    bool             `json:"deadline_passed"`
	ResponseLanguages []string         `json:"response_languages" example:"[\"fr\",\"de\"]"`
	BuyerAnonymous    bool             `json:"buyer_anonymous" example:"false"`
	Lots              []LotBody        `json:"lots"`
	DocumentIDs       []string         `json:"document_ids" doc:"Documents (purpose tender_document)"`
	SubstanceVersion  int              `json:"substance_version" doc:"Incremented by each substantial edit after publication"`
	PublishedAt       *time.Time       `json:"published_at,omitempty"`
	ClosedAt          *time.Time       `json:"closed_at,omitempty"`
	SubmittedAt       *time.Time       `json:"submitted_at,omitempty" doc:"Buyer and moderators only"`
	DecidedAt         *time.Time       `json:"decided_at,omitempty" doc:"Buyer and moderators only"`
	Reason            string           `json:"reason,omitempty" doc:"The moderator's or the buyer's reason; buyer and moderators only"`
	UpdatedAt         time.Time        `json:"updated_at"`
}

func tenderBody(v core.TenderView, now time.Time, p domain.Principal, lang string) TenderBody {
	t := v.Tender
	orig := t.Original()
	b := TenderBody{ID: t.ID, Kind: string(t.Kind), State: string(t.State), Language: string(t.OriginalLanguage),
		Title: orig.Title, Description: orig.Description, DescriptionHTML: markdown.Render(orig.Description), PlaceNUTS: t.PlaceNUTS, PlaceTown: t.PlaceTown,
		QuestionsDeadline: t.QuestionsDeadline, ResponsesDeadline: t.ResponsesDeadline, DeadlinePassed: t.DeadlinePassed(now),
		BuyerAnonymous: t.BuyerAnonymous, DocumentIDs: t.DocumentIDs, SubstanceVersion: t.SubstanceVersion,
		PublishedAt: t.PublishedAt, ClosedAt: t.ClosedAt, UpdatedAt: t.UpdatedAt}
	if v.Buyer != nil {
		b.Buyer = &BuyerBody{ID: v.Buyer.ID, Name: buyerName(*v.Buyer), Country: v.Buyer.Country}
	}
	for _, l := range t.ResponseLanguages {
		b.ResponseLanguages = append(b.ResponseLanguages, string(l))
	}
	b.Texts = make([]TenderTextBody, len(t.Texts))
	for i, x := range t.Texts {
		b.Texts[i] = TenderTextBody{Language: string(x.Language), Title: x.Title, Description: x.Description,
			DescriptionHTML: markdown.Render(x.Description), Original: x.Original}
	}
	insider := v.Manage || domain.Can(p, domain.ActModerate, domain.Resource{})
	b.Lots = make([]LotBody, len(t.Lots))
	for i, l := range t.Lots {
		b.Lots[i] = lotBody(l, lang)
		if verdict, ok := v.Eligibility[l.ID]; ok {
			b.Lots[i].Eligibility = eligibilityBody(verdict, lang)
		}
		if insider && l.Outcome != nil {
			o := outcomeBody(*l.Outcome)
			b.Lots[i].Outcome = &o
		}
	}
	if insider {
		b.SubmittedAt, b.DecidedAt, b.Reason = t.SubmittedAt, t.DecidedAt, t.Reason
	}
	return b
}

func lotBody(l domain.TenderLot, lang string) LotBody {
	c := l.Clauses
	b := LotBody{ID: l.ID, Position: l.Position, LotFields: LotFields{Title: l.Title, Description: l.Description, CPV: l.CPV,
		ValueMinCents: l.ValueMin, ValueMaxCents: l.ValueMax, Currency: l.Currency, Clauses: ClausesBody{
			ReservedParticipation: c.ReservedParticipation, LegalBases: c.LegalBases, ReservedExecution: c.ReservedExecution,
			ReservedExecutionJustification: c.ReservedExecutionJustification, StrategicProcurement: c.StrategicProcurement,
			StrategicDescription: c.StrategicDescription, SocialObjectives: c.SocialObjectives, GreenObjectives: c.GreenObjectives,
			Accessibility: c.Accessibility, AccessibilityJustification: c.AccessibilityJustification,
			ExecutionConditions: c.ExecutionConditions, Insertion: c.Insertion}},
		DescriptionHTML: markdown.Render(l.Description), ClauseLabels: clauseLabels(c, lang)}
	if c.ExecutionConditions != "" {
		b.ExecutionConditionsHTML = markdown.Render(c.ExecutionConditions)
	}
	for _, a := range c.AwardCriteria {
		b.Clauses.AwardCriteria = append(b.Clauses.AwardCriteria, AwardCriterionBody{Type: a.Type, Name: a.Name,
			Description: a.Description, WeightType: a.WeightType, Weight: a.Weight, Social: a.Social})
	}
	return b
}

func clauseLabels(c domain.LotClauses, lang string) ClauseLabelsBody {
	b := ClauseLabelsBody{ReservedParticipation: c.ReservedParticipation.Label(lang), ReservedExecution: c.ReservedExecution.Label(lang),
		Accessibility: c.Accessibility.Label(lang), StrategicProcurement: []string{}}
	for _, x := range c.LegalBases {
		b.LegalBases = append(b.LegalBases, x.Label(lang))
	}
	for _, x := range c.StrategicProcurement {
		b.StrategicProcurement = append(b.StrategicProcurement, x.Label(lang))
	}
	for _, x := range c.SocialObjectives {
		b.SocialObjectives = append(b.SocialObjectives, x.Label(lang))
	}
	for _, x := range c.GreenObjectives {
		b.GreenObjectives = append(b.GreenObjectives, x.Label(lang))
	}
	return b
}

func eligibilityBody(v domain.EligibilityVerdict, lang string) *EligibilityBody {
	b := &EligibilityBody{Result: string(v.Result), Reasons: make([]ReasonBody, len(v.Reasons))}
	for i, r := range v.Reasons {
		b.Reasons[i] = ReasonBody{Code: r.Code, Text: r.Text(lang)}
	}
	return b
}

func lotFrom(f LotFields) domain.TenderLot {
	c := f.Clauses
	l := domain.TenderLot{Title: f.Title, Description: f.Description, CPV: f.CPV, ValueMin: f.ValueMinCents, ValueMax: f.ValueMaxCents,
		Currency: f.Currency, Clauses: domain.LotClauses{
			ReservedParticipation: c.ReservedParticipation, LegalBases: c.LegalBases, ReservedExecution: c.ReservedExecution,
			ReservedExecutionJustification: c.ReservedExecutionJustification, StrategicProcurement: c.StrategicProcurement,
			StrategicDescription: c.StrategicDescription, SocialObjectives: c.SocialObjectives, GreenObjectives: c.GreenObjectives,
			Accessibility: c.Accessibility, AccessibilityJustification: c.AccessibilityJustification,
			ExecutionConditions: c.ExecutionConditions, Insertion: c.Insertion}}
	for _, a := range c.AwardCriteria {
		l.Clauses.AwardCriteria = append(l.Clauses.AwardCriteria, domain.AwardCriterion{Type: a.Type, Name: a.Name,
			Description: a.Description, WeightType: a.WeightType, Weight: a.Weight, Social: a.Social})
	}
	return l
}

func languages(in []string) []domain.Language {
	out := make([]domain.Language, len(in))
	for i, l := range in {
		out[i] = domain.Language(l)
	}
	return out
}

func texts(in []TenderTextBody) []domain.TenderText {
	out := make([]domain.TenderText, len(in))
	for i, x := range in {
		out[i] = domain.TenderText{Language: domain.Language(x.Language), Title: x.Title, Description: x.Description}
	}
	return out
}

// buyerName is the name a buyer is known by: its trade name, else its legal name.
func buyerName(o domain.Organisation) string {
	if o.TradeName != "" {
		return o.TradeName
	}
	return o.LegalName
}
