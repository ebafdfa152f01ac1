package api

import (
	"context"
	"mime"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// ImpactFilterInput narrows the impact figures.
type ImpactFilterInput struct {
	From           string `query:"from" format:"date" doc:"First day of the period (Europe/Paris), included; empty: since the start. A period (to today when to is empty) of more than 120 calendar months is refused (422 on query.from and query.to)" example:"2026-01-01"`
	To             string `query:"to" format:"date" doc:"Last day of the period (Europe/Paris), included; empty: until now" example:"2026-12-31"`
	Country        string `query:"country" pattern:"^[A-Z]{2}$" doc:"Only the purchases, meetings and tenders of buyers in this country" example:"FR"`
	AcceptLanguage string `header:"Accept-Language" doc:"Language of the labels" example:"fr"`
}

func (in ImpactFilterInput) filter() core.ImpactFilter {
	return core.ImpactFilter{From: in.From, To: in.To, Country: in.Country}
}

// OrgImpactInput names a buyer organisation and narrows its figures.
type OrgImpactInput struct {
	OrgID string `path:"orgID" doc:"The buyer organisation" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	ImpactFilterInput
}

// ImpactAmountBody is an amount in euro cents and a number of purchases.
type ImpactAmountBody struct {
	AmountCents int64 `json:"amount_cents" doc:"In euro cents" example:"1250000"`
	Count       int64 `json:"count" example:"4"`
}

// ImpactRowBody is one key of a dimension.
type ImpactRowBody struct {
	Key         string `json:"key" doc:"Country code, sector group code, SSE status type (none: without one) or month (YYYY-MM)" example:"FR"`
	Label       string `json:"label" doc:"The key named in the response language" example:"France"`
	AmountCents int64  `json:"amount_cents" doc:"In euro cents" example:"1250000"`
	Count       int64  `json:"count" example:"4"`
}

// ImpactBody are the impact figures.
type ImpactBody struct {
	Scope            string           `json:"scope" enum:"cluster,organisation" example:"cluster"`
	OrganisationID   string           `json:"organisation_id,omitempty" doc:"The buyer, for its own figures" example:"01936f3e-1111-7c2d-9e10-3f5a6b7c8d9e"`
	OrganisationName string           `json:"organisation_name,omitempty" example:"Commune de Val-de-Moselle"`
	From             string           `json:"from" doc:"As asked; empty: open" example:"2026-01-01"`
	To               string           `json:"to" doc:"As asked; empty: open" example:"2026-12-31"`
	Country          string           `json:"country" doc:"As asked; empty: all" example:""`
	Currency         string           `json:"currency" enum:"EUR" doc:"Of every amount" example:"EUR"`
	GeneratedAt      time.Time        `json:"generated_at" example:"2026-11-26T09:30:00Z"`
	Total            ImpactAmountBody `json:"total" doc:"Purchases: lots awarded to SSE suppliers of Passerelle and convention deals"`
	Awards           ImpactAmountBody `json:"awards" doc:"Awarded tender lots"`
	Deals            ImpactAmountBody `json:"deals" doc:"Convention deals, counted once per meeting (the buyer's amount, else the supplier's)"`
	CrossBorder      ImpactAmountBody `json:"cross_border" doc:"Purchases from a supplier of another country than the buyer's"`
	// Shares are ratios between 0 and 1.
	CrossBorderShareByAmount float64         `json:"cross_border_share_by_amount" minimum:"0" maximum:"1" example:"0.25"`
	CrossBorderShareByCount  float64         `json:"cross_border_share_by_count" minimum:"0" maximum:"1" example:"0.5"`
	ByCountry                []ImpactRowBody `json:"by_country" doc:"By supplier country, largest amount first"`
	BySector                 []ImpactRowBody `json:"by_sector" doc:"By sector group, largest amount first"`
	ByStatus                 []ImpactRowBody `json:"by_status" doc:"By verified SSE status type of the supplier: a purchase counts under each of them, so the rows may add up to more than the total"`
	ByMonth                  []ImpactRowBody `json:"by_month" doc:"Every month from the first to the last with purchases in the period (Europe/Paris), in order, zero in between; empty without purchases"`
	Suppliers                struct {
		Reached    int64 `json:"reached" doc:"Distinct suppliers the period's tenders were routed to" example:"40"`
		Interested int64 `json:"interested" doc:"… that said they were interested" example:"12"`
		Responding int64 `json:"responding" doc:"… that submitted a response" example:"6"`
	} `json:"suppliers"`
	Meetings struct {
		Held  int64 `json:"held" doc:"Convention meetings held (held, follow-up or deal recorded by either side)" example:"30"`
		Deals int64 `json:"deals" doc:"Meetings with a deal recorded by either side" example:"5"`
	} `json:"meetings"`
	FirstInterest struct {
		TendersPublished    int64    `json:"tenders_published" example:"10"`
		TendersWithInterest int64    `json:"tenders_with_interest" example:"8"`
		MedianHours         *float64 `json:"median_hours" doc:"Hours from publication to the first interested supplier, median; null without any" example:"18.5"`
		P90Hours            *float64 `json:"p90_hours" doc:"… 90th percentile (linear interpolation)" example:"70"`
	} `json:"first_interest"`
}

// ImpactOutput are the impact figures.
type ImpactOutput struct {
	Body ImpactBody
}

func impactRowsBody(dim string, rows []core.ImpactRow, lang domain.Language) []ImpactRowBody {
	out := make([]ImpactRowBody, len(rows))
	for i, r := range rows {
		out[i] = ImpactRowBody{Key: r.Key, Label: core.ImpactLabel(dim, r.Key, lang), AmountCents: r.AmountCents, Count: r.Count}
	}
	return out
}

func impactBody(r core.ImpactReport, lang domain.Language) ImpactBody {
	f := r.Figures
	amount := func(a core.ImpactAmount) ImpactAmountBody {
		return ImpactAmountBody{AmountCents: a.AmountCents, Count: a.Count}
	}
	b := ImpactBody{Scope: "cluster", OrganisationID: r.OrganisationID, OrganisationName: r.OrganisationName, From: r.Filter.From,
		To: r.Filter.To, Country: r.Filter.Country, Currency: "EUR", GeneratedAt: r.GeneratedAt, Total: amount(f.Total),
		Awards: amount(f.Awards), Deals: amount(f.Deals), CrossBorder: amount(f.CrossBorder),
		CrossBorderShareByAmount: f.CrossBorderShareByAmount, CrossBorderShareByCount: f.CrossBorderShareByCount,
		ByCountry: impactRowsBody(core.ImpactDimCountry, f.ByCountry, lang), BySector: impactRowsBody(core.ImpactDimSector, f.BySector, lang),
		ByStatus: impactRowsBody(core.ImpactDimStatus, f.ByStatus, lang), ByMonth: impactRowsBody(core.ImpactDimMonth, f.ByMonth, lang)}
	if r.OrganisationID != "" {
		b.Scope = "organisation"
	}
	b.Suppliers.Reached, b.Suppliers.Interested, b.Suppliers.Responding = f.Reach.Reached, f.Reach.Interested, f.Reach.Responding
	b.Meetings.Held, b.Meetings.Deals = f.MeetingsHeld, f.MeetingDeals
	b.FirstInterest.TendersPublished, b.FirstInterest.TendersWithInterest = f.TendersPublished, f.TendersWithInterest
	b.FirstInterest.MedianHours, b.FirstInterest.P90Hours = f.MedianHoursToInterest, f.P90HoursToInterest
	return b
}

// impactExport is one of the impact downloads.
type impactExport struct {
	ext, contentType, summary string
	render                    func(core.ImpactReport, domain.Language) (core.ImpactFile, error)
}

var impactExports = []impactExport{
	{"csv", "text/csv; charset=utf-8", "as CSV: a long format, one value per row (figure, dimension, key, label, value, unit; " +
		"scalar figures with an empty dimension, then for each dimension an amount row in EUR and a count row per key; " +
		"euros with two decimals, ratios from 0 to 1, an empty value when there is none)", core.ImpactReport.CSV},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "as a spreadsheet: a summary sheet, then one sheet " +
		"per dimension (code, label, amount, number), each with a header row; amounts are numbers in euros with a euro format", core.ImpactReport.XLSX},
	{"pdf", "application/pdf", "as a printable A4 report: the scope and period, the summary figures and one table per dimension", core.ImpactReport.PDF},
}

func impactFile(f core.ImpactFile, contentType string) *FileOutput {
	return &FileOutput{ContentType: contentType, CacheControl: "private, no-store", Body: f.Body,
		ContentDisposition: mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})}
}

func registerImpact(r *routes, s *core.Impact) {
	tag := []string{"Impact"}
	cluster := Rule{Action: domain.ActModerate}
	const rules = " Purchases are lots awarded to SSE suppliers of Passerelle with an amount in euros (dated when recorded) and " +
		"convention deals between an SSE supplier and a buyer (dated by their meeting, counted once: the buyer's amount, else the " +
		"supplier's). The country filter keeps the buyers of a country. 422 names a bad filter (query.from, query.to, query.country)."
	handle(r, cluster, huma.Operation{OperationID: "get-impact", Method: http.MethodGet, Path: "/api/v1/impact", Tags: tag,
		Summary: "The cluster's impact figures",
		Description: "Moderators and admins. Amounts and numbers of purchases by supplier country, sector, SSE status type and month; " +
			"the cross-border share; suppliers reached, interested and responding; convention meetings held and deals; hours from " +
			"publication to first interest (median, 90th percentile)." + rules},
		func(ctx context.Context, in *ImpactFilterInput) (*ImpactOutput, error) {
			rep, err := s.Cluster(ctx, authFrom(ctx).principal, in.filter())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &ImpactOutput{Body: impactBody(rep, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "get-organisation-impact", Method: http.MethodGet,
		Path: "/api/v1/organisations/{orgID}/impact", Tags: tag, Summary: "A buyer's impact figures",
		Description: "Members of the buyer organisation, and moderators; 404 for anyone else and for an organisation that is not a " +
			"buyer. The figures of GET /api/v1/impact over the buyer's own tenders, purchases and convention meetings." + rules},
		func(ctx context.Context, in *OrgImpactInput) (*ImpactOutput, error) {
			rep, err := s.Organisation(ctx, authFrom(ctx).principal, in.OrgID, in.filter())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &ImpactOutput{Body: impactBody(rep, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})
	for _, e := range impactExports {
		resp := map[string]*huma.Response{"200": {Description: "The file", Content: map[string]*huma.MediaType{e.contentType: {}}}}
		handle(r, cluster, huma.Operation{OperationID: "get-impact-" + e.ext, Method: http.MethodGet, Path: "/api/v1/impact." + e.ext,
			Tags: tag, Summary: "The cluster's impact figures as " + e.ext,
			Description: "Who may read GET /api/v1/impact, with the same filters; the figures " + e.summary + ", labels in the " +
				"caller's language.", Responses: resp},
			func(ctx context.Context, in *ImpactFilterInput) (*FileOutput, error) {
				rep, err := s.Cluster(ctx, authFrom(ctx).principal, in.filter())
				if err != nil {
					return nil, toHTTP(err)
				}
				f, err := e.render(rep, requestLanguage(ctx, in.AcceptLanguage))
				if err != nil {
					return nil, toHTTP(err)
				}
				return impactFile(f, e.contentType), nil
			})
		handle(r, SignedIn, huma.Operation{OperationID: "get-organisation-impact-" + e.ext, Method: http.MethodGet,
			Path: "/api/v1/organisations/{orgID}/impact." + e.ext, Tags: tag, Summary: "A buyer's impact figures as " + e.ext,
			Description: "Who may read GET /api/v1/organisations/{orgID}/impact, with the same filters; the figures " + e.summary +
				", labels in the caller's language.", Responses: resp},
			func(ctx context.Context, in *OrgImpactInput) (*FileOutput, error) {
				rep, err := s.Organisation(ctx, authFrom(ctx).principal, in.OrgID, in.filter())
				if err != nil {
					return nil, toHTTP(err)
				}
				f, err := e.render(rep, requestLanguage(ctx, in.AcceptLanguage))
				if err != nil {
					return nil, toHTTP(err)
				}
				return impactFile(f, e.contentType), nil
			})
	}
}
