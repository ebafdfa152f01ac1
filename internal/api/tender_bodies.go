package api

import (
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// AwardCriterionBody is one award criterion of a lot.
type AwardCriterionBody struct {
	Type       string  `json:"type" enum:"price,cost,quality" example:"quality"`
	Name       string  `json:"name" maxLength:"400" example:"Insertion hours offered"`
	WeightType string  `json:"weight_type" enum:"percentage,points,order" example:"percentage"`
	Weight     float64 `json:"weight" example:"40" doc:"Percentages of a lot sum to 100"`
	Social     bool    `json:"social,omitempty" doc:"The criterion rewards a social objective"`
}

// ClausesBody is a lot's clause set (eForms codes).
type ClausesBody struct {
	ReservedParticipation string               `json:"reserved_participation,omitempty" enum:"none,res-ws,res-pub-ser" example:"res-ws" doc:"BT-71; default none"`
	LegalBasis            string               `json:"legal_basis,omitempty" enum:"FR_L2113_12,FR_L2113_13,FR_L2113_15,DE_GWB_118,BE_2016_ART15,LU_2018_ART20,EU_ART20,EU_ART77" example:"FR_L2113_12" doc:"National legal basis of a reservation"`
	AwardCriteria         []AwardCriterionBody `json:"award_criteria,omitempty" maxItems:"20"`
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
	Outcome *OutcomeBody `json:"outcome,omitempty" doc:"What came of the lot (buyer and moderators only)"`
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
	Description string `json:"description,omitempty" maxLength:"40000" doc:"Markdown"`
	Original    bool   `json:"original,omitempty" doc:"The text the buyer wrote first (read only)"`
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
	Kind              string           `json:"kind" enum:"formal_tender,quote_request,sourcing"`
	State             string           `json:"state" enum:"draft,pending,published,closed,awarded,not_awarded,rejected,changes_requested,cancelled"`
	Language          string           `json:"language" doc:"Original language"`
	Title             string           `json:"title" doc:"In the original language"`
	Description       string           `json:"description" doc:"Markdown, in the original language"`
	Texts             []TenderTextBody `json:"texts" doc:"Every language, the original first"`
	PlaceNUTS         string           `json:"place_nuts" example:"FRF33"`
	PlaceTown         string           `json:"place_town" example:"Thionville"`
	QuestionsDeadline time.Time        `json:"questions_deadline"`
	ResponsesDeadline time.Time        `json:"responses_deadline"`
	DeadlinePassed    bool             `json:"deadline_passed"`
	ResponseLanguages []string         `json:"response_languages" example:"[\"fr\",\"de\"]"`
	BuyerAnonymous    bool             `json:"buyer_anonymous"`
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

func tenderBody(v core.TenderView, now time.Time, p domain.Principal) TenderBody {
	t := v.Tender
	orig := t.Original()
	b := TenderBody{ID: t.ID, Kind: string(t.Kind), State: string(t.State), Language: string(t.OriginalLanguage),
		Title: orig.Title, Description: orig.Description, PlaceNUTS: t.PlaceNUTS, PlaceTown: t.PlaceTown,
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
		b.Texts[i] = TenderTextBody{Language: string(x.Language), Title: x.Title, Description: x.Description, Original: x.Original}
	}
	insider := v.Manage || domain.Can(p, domain.ActModerate, domain.Resource{})
	b.Lots = make([]LotBody, len(t.Lots))
	for i, l := range t.Lots {
		b.Lots[i] = lotBody(l)
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

func lotBody(l domain.TenderLot) LotBody {
	b := LotBody{ID: l.ID, Position: l.Position, LotFields: LotFields{Title: l.Title, Description: l.Description, CPV: l.CPV,
		ValueMinCents: l.ValueMin, ValueMaxCents: l.ValueMax, Currency: l.Currency,
		Clauses: ClausesBody{ReservedParticipation: l.Clauses.ReservedParticipation, LegalBasis: l.Clauses.LegalBasis}}}
	for _, a := range l.Clauses.AwardCriteria {
		b.Clauses.AwardCriteria = append(b.Clauses.AwardCriteria, AwardCriterionBody{Type: a.Type, Name: a.Name,
			WeightType: a.WeightType, Weight: a.Weight, Social: a.Social})
	}
	return b
}

func lotFrom(f LotFields) domain.TenderLot {
	l := domain.TenderLot{Title: f.Title, Description: f.Description, CPV: f.CPV, ValueMin: f.ValueMinCents, ValueMax: f.ValueMaxCents,
		Currency: f.Currency, Clauses: domain.LotClauses{ReservedParticipation: f.Clauses.ReservedParticipation, LegalBasis: f.Clauses.LegalBasis}}
	for _, a := range f.Clauses.AwardCriteria {
		l.Clauses.AwardCriteria = append(l.Clauses.AwardCriteria, domain.AwardCriterion{Type: a.Type, Name: a.Name,
			WeightType: a.WeightType, Weight: a.Weight, Social: a.Social})
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
