package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/markdown"
	"passerelle/internal/store"
)

// OfferTextBody is an offer's title and description in one language.
type OfferTextBody struct {
	Lang        string `json:"lang" enum:"fr,de,en,nl" example:"de"`
	Title       string `json:"title" maxLength:"200" example:"Büroreinigung im Raum Metz–Saarbrücken"`
	Description string `json:"description" maxLength:"10000" doc:"Markdown (CommonMark); rendered safely when shown" example:"Unsere Teams reinigen **Büros und Gemeinschaftsräume**."`
	// DescriptionHTML is set in answers only.
	DescriptionHTML string `json:"description_html,omitempty" readOnly:"true" doc:"The description rendered as safe HTML (answers only)" example:"<p>Unsere Teams reinigen <strong>Büros und Gemeinschaftsräume</strong>.</p>"`
}

// OfferAreaBody is where a supplier works.
type OfferAreaBody struct {
	Mode               string   `json:"mode" enum:"country,radius,regions" doc:"country: the whole country of the organisation; radius: radius_km around its coordinates (its profile must have them); regions: the listed NUTS regions" example:"radius"`
	RadiusKM           *int     `json:"radius_km,omitempty" minimum:"1" maximum:"1000" doc:"With mode radius only" example:"60"`
	Regions            []string `json:"regions,omitempty" maxItems:"50" doc:"With mode regions only: NUTS codes (see /api/v1/nuts-regions)" example:"FRF33,DEC0"`
	AcceptsCrossBorder bool     `json:"accepts_cross_border,omitempty" doc:"Also works across the border" example:"true"`
}

// OfferPriceBody is an indicative price.
type OfferPriceBody struct {
	Text        string `json:"text,omitempty" maxLength:"300" example:"Sur devis, selon la surface"`
	AmountCents *int64 `json:"amount_cents,omitempty" minimum:"0" maximum:"100000000000" doc:"Amount in cents of currency" example:"2850"`
	Currency    string `json:"currency,omitempty" maxLength:"3" doc:"ISO 4217; EUR when an amount is given without one" example:"EUR"`
	Unit        string `json:"unit,omitempty" maxLength:"100" example:"per hour"`
}

// OfferDocumentBody is a photo or document shown with an offer.
type OfferDocumentBody struct {
	DocumentID string `json:"document_id" format:"uuid" example:"0193a5b2-7c1e-7d20-9f3a-1b2c3d4e5f60"`
	Purpose    string `json:"purpose" enum:"offer_photo,other" example:"offer_photo"`
	Position   int    `json:"position" doc:"Display order, from 0" example:"0"`
}

// OfferBody is an offer as the API shows it.
type OfferBody struct {
	ID              string              `json:"id" format:"uuid" example:"0193a5b2-7c1e-7d20-9f3a-1b2c3d4e5f61"`
	OrganisationID  string              `json:"organisation_id" format:"uuid" example:"0193a5b2-7c1e-7d20-9f3a-1b2c3d4e5f62"`
	State           string              `json:"state" enum:"draft,pending,published,rejected,changes_requested,archived" example:"published"`
	Type            string              `json:"type" enum:"supplies,services,works" example:"services"`
	Language        string              `json:"language" enum:"fr,de,en,nl" doc:"Original language of title and description" example:"fr"`
	Title           string              `json:"title" example:"Nettoyage de bureaux en Moselle"`
	Description     string              `json:"description" doc:"Markdown (CommonMark)" example:"Nos équipes en insertion nettoient **bureaux et parties communes**."`
	DescriptionHTML string              `json:"description_html" doc:"The description rendered as safe HTML: no raw HTML, scripts or images; links get rel=nofollow noopener" example:"<p>Nos équipes en insertion nettoient <strong>bureaux et parties communes</strong>.</p>"`
	Translations    []OfferTextBody     `json:"translations" doc:"The author's own translations"`
	Sectors         []string            `json:"sectors" example:"cleaning.offices"`
	CPVCodes        []string            `json:"cpv_codes" example:"90911200-8"`
	Area            OfferAreaBody       `json:"area"`
	Price           *OfferPriceBody     `json:"price,omitempty"`
	MinimumOrder    string              `json:"minimum_order,omitempty" example:"10 heures par mois"`
	LeadTimeDays    *int                `json:"lead_time_days,omitempty" example:"15"`
	Capacity        string              `json:"capacity,omitempty" example:"3 équipes de 4 personnes"`
	Labels          []string            `json:"labels" example:"Ecolabel,Qualiopi"`
	Documents       []OfferDocumentBody `json:"documents"`
	// AllowedActions are what the offer's state allows next.
	AllowedActions []string   `json:"allowed_actions" doc:"Events the offer's state accepts (edit, submit, archive, delete; approve, reject, request_changes for moderators)" example:"edit,archive"`
	DecisionReason string     `json:"decision_reason,omitempty" doc:"The moderator's reason, while rejected or waiting for changes" example:"Ajoutez la zone d'intervention."`
	SubmittedAt    *time.Time `json:"submitted_at,omitempty"`
	DecidedAt      *time.Time `json:"decided_at,omitempty"`
	PublishedAt    *time.Time `json:"published_at,omitempty" doc:"First publication"`
	ArchivedAt     *time.Time `json:"archived_at,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

func offerBody(o domain.Offer) OfferBody {
	b := OfferBody{ID: o.ID, OrganisationID: o.OrganisationID, State: string(o.State), Type: string(o.Type),
		Language: string(o.Language), Title: o.Title, Description: o.Description, DescriptionHTML: markdown.Render(o.Description),
		Translations: make([]OfferTextBody, len(o.Translations)), Sectors: nonNilStrings(o.Sectors),
		CPVCodes: nonNilStrings(o.CPVCodes), MinimumOrder: o.MinimumOrder, LeadTimeDays: o.LeadTimeDays,
		Capacity: o.Capacity, Labels: nonNilStrings(o.Labels), Documents: make([]OfferDocumentBody, len(o.Documents)),
		AllowedActions: []string{}, DecisionReason: o.DecisionReason, SubmittedAt: o.SubmittedAt, DecidedAt: o.DecidedAt,
		PublishedAt: o.PublishedAt, ArchivedAt: o.ArchivedAt, CreatedAt: o.CreatedAt.UTC(), UpdatedAt: o.UpdatedAt.UTC(),
		Area: OfferAreaBody{Mode: string(o.Area.Mode), Regions: o.Area.Regions, AcceptsCrossBorder: o.Area.AcceptsCrossBorder}}
	for i, t := range o.Translations {
		b.Translations[i] = OfferTextBody{Lang: string(t.Lang), Title: t.Title, Description: t.Description,
			DescriptionHTML: markdown.Render(t.Description)}
	}
	if o.Area.Mode == domain.AreaRadius {
		r := o.Area.RadiusKM
		b.Area.RadiusKM = &r
	}
	if p := o.Price; p != (domain.OfferPrice{}) {
		b.Price = &OfferPriceBody{Text: p.Text, AmountCents: p.AmountCents, Currency: p.Currency, Unit: p.Unit}
	}
	for i, d := range o.Documents {
		b.Documents[i] = OfferDocumentBody{DocumentID: d.DocumentID, Purpose: string(d.Purpose), Position: d.Position}
	}
	for _, ev := range o.State.AllowedEvents() {
		b.AllowedActions = append(b.AllowedActions, string(ev))
	}
	return b
}

// OfferCreateInput creates a draft offer.
type OfferCreateInput struct {
	LanguageHeader
	OrgID string `path:"orgID" format:"uuid" doc:"The supplier organisation's id"`
	Body  struct {
		Type         string          `json:"type" enum:"supplies,services,works" example:"services"`
		Language     string          `json:"language" enum:"fr,de,en,nl" doc:"Language of title and description" example:"fr"`
		Title        string          `json:"title" maxLength:"200" example:"Nettoyage de bureaux en Moselle"`
		Description  string          `json:"description" maxLength:"10000" doc:"Markdown (CommonMark)" example:"Nos équipes en insertion nettoient **bureaux et parties communes**."`
		Translations []OfferTextBody `json:"translations,omitempty" maxItems:"3" doc:"Your own translations, one per other language"`
		Sectors      []string        `json:"sectors,omitempty" maxItems:"20" doc:"Sector codes (group.sector); at least one sector or CPV code is needed to submit" example:"cleaning.offices"`
		CPVCodes     []string        `json:"cpv_codes,omitempty" maxItems:"50" doc:"CPV 2008 codes; the check digit is verified (added when missing)" example:"90911200-8"`
		Area         OfferAreaBody   `json:"area"`
		Price        *OfferPriceBody `json:"price,omitempty"`
		MinimumOrder string          `json:"minimum_order,omitempty" maxLength:"300" example:"10 heures par mois"`
		LeadTimeDays *int            `json:"lead_time_days,omitempty" minimum:"0" maximum:"3650" doc:"Days between order and delivery or start" example:"15"`
		Capacity     string          `json:"capacity,omitempty" maxLength:"500" example:"3 équipes de 4 personnes"`
		Labels       []string        `json:"labels,omitempty" maxItems:"20" doc:"Quality labels and certifications, 80 characters each at most" example:"Ecolabel,Qualiopi"`
	}
}

// OfferPatchInput changes some fields of an offer; lists, area and price
// are replaced whole.
type OfferPatchInput struct {
	LanguageHeader
	OfferID string `path:"offerID" format:"uuid"`
	Body    struct {
		Type          *string          `json:"type,omitempty" enum:"supplies,services,works" example:"services"`
		Language      *string          `json:"language,omitempty" enum:"fr,de,en,nl" example:"fr"`
		Title         *string          `json:"title,omitempty" maxLength:"200" example:"Nettoyage de bureaux et de vitres en Moselle"`
		Description   *string          `json:"description,omitempty" maxLength:"10000" example:"Nos équipes nettoient aussi **les vitres**."`
		Translations  *[]OfferTextBody `json:"translations,omitempty" maxItems:"3"`
		Sectors       *[]string        `json:"sectors,omitempty" maxItems:"20" example:"cleaning.offices,cleaning.windows"`
		CPVCodes      *[]string        `json:"cpv_codes,omitempty" maxItems:"50" example:"90911200-8"`
		Area          *OfferAreaBody   `json:"area,omitempty"`
		Price         *OfferPriceBody  `json:"price,omitempty" doc:"Replaces the price; {} removes it"`
		MinimumOrder  *string          `json:"minimum_order,omitempty" maxLength:"300" example:"20 heures par mois"`
		LeadTimeDays  *int             `json:"lead_time_days,omitempty" minimum:"0" maximum:"3650" example:"10"`
		ClearLeadTime bool             `json:"clear_lead_time,omitempty" doc:"Remove the lead time" example:"false"`
		Capacity      *string          `json:"capacity,omitempty" maxLength:"500" example:"4 équipes de 4 personnes"`
		Labels        *[]string        `json:"labels,omitempty" maxItems:"20" example:"Ecolabel"`
	}
}

// OfferIDInput names an offer.
type OfferIDInput struct {
	LanguageHeader
	OfferID string `path:"offerID" format:"uuid"`
}

// OfferDocumentInput names a document of an offer.
type OfferDocumentInput struct {
	LanguageHeader
	OfferID    string `path:"offerID" format:"uuid"`
	DocumentID string `path:"documentID" format:"uuid" doc:"A document of the offer's organisation, uploaded with purpose offer_photo or other"`
}

// OfferOutput returns one offer.
type OfferOutput struct {
	Body OfferBody
}

// OfferPageOutput is a page of offers.
type OfferPageOutput struct {
	Body struct {
		Items      []OfferBody `json:"items"`
		NextCursor string      `json:"next_cursor" doc:"Empty after the last page" example:"MjAyNi0xMS0yNlQwMjowMDowMFp8MDE5M2E1YjI"`
	}
}

// OrganisationOffersInput pages through an organisation's offers.
type OrganisationOffersInput struct {
	LanguageHeader
	OrgID  string `path:"orgID" format:"uuid"`
	State  string `query:"state" enum:"draft,pending,published,rejected,changes_requested,archived" doc:"Only offers in this state (members and moderators; others see published offers only)" example:"draft"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// PublishedOffersInput filters and pages through published offers.
type PublishedOffersInput struct {
	LanguageHeader
	Sector  string `query:"sector" maxLength:"100" doc:"Only offers of this sector code" example:"cleaning.offices"`
	Type    string `query:"type" enum:"supplies,services,works" example:"services"`
	Country string `query:"country" maxLength:"2" doc:"Only offers of suppliers of this country (ISO 3166-1)" example:"FR"`
	Sort    string `query:"sort" enum:"-published_at,published_at" default:"-published_at" doc:"By publication date, newest first (default) or oldest first"`
	Cursor  string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit   int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// OfferQueueInput pages through the moderators' queue of offers.
type OfferQueueInput struct {
	LanguageHeader
	Country string `query:"country" maxLength:"2" doc:"Only offers of organisations of this country" example:"LU"`
	Cursor  string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit   int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// OfferQueueItem is a pending offer with its organisation.
type OfferQueueItem struct {
	OfferBody
	OrganisationName    string `json:"organisation_name" example:"Les Jardins de Cocagne Thionville"`
	OrganisationCountry string `json:"organisation_country" example:"FR"`
}

// OfferQueueOutput is a page of the queue, oldest submission first.
type OfferQueueOutput struct {
	Body struct {
		Items      []OfferQueueItem `json:"items"`
		NextCursor string           `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// OfferDecisionInput is a moderator's decision on a pending offer.
type OfferDecisionInput struct {
	LanguageHeader
	OfferID string `path:"offerID" format:"uuid"`
	Body    struct {
		Decision string `json:"decision" enum:"approve,reject,request_changes" example:"request_changes"`
		Reason   string `json:"reason,omitempty" maxLength:"4000" doc:"Required to reject or request changes (at most 2,000 characters) unless reason_template is given, then it follows the template; sent to the supplier" example:"Précisez la zone d'intervention et ajoutez une photo."`
		// ReasonTemplate came with issue 6; clients that send only reason keep working.
		ReasonTemplate string `json:"reason_template,omitempty" maxLength:"64" doc:"A template of /api/v1/moderation/reason-templates: each owner reads it in their language" example:"incomplete_description"`
	}
}

func registerOffers(r *routes, s *core.Offers) {
	tag := []string{"Offers"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	moderator := Rule{Action: domain.ActModerate}
	const one = "/api/v1/offers/{offerID}"
	notVisible := " Offers that are not published, or whose organisation is suspended, exist only for members of their organisation " +
		"and moderators: 404 for anyone else."

	handle(r, member, huma.Operation{OperationID: "create-offer", Method: http.MethodPost, Path: "/api/v1/organisations/{orgID}/offers",
		Tags: tag, Summary: "Create a draft offer", DefaultStatus: http.StatusCreated,
		Description: "Members of an SSE supplier organisation (buyers and the cluster get 403). The offer starts as a draft, " +
			"which any supplier may keep; publishing needs a verified SSE status (see submit). Every invalid field is named in the 422 problem."},
		func(ctx context.Context, in *OfferCreateInput) (*OfferOutput, error) {
			b := in.Body
			f := domain.OfferFields{Type: domain.OfferType(b.Type), Language: domain.Language(b.Language), Title: b.Title,
				Description: b.Description, Translations: offerTexts(b.Translations), Sectors: nonNilStrings(b.Sectors),
				CPVCodes: nonNilStrings(b.CPVCodes), Area: offerArea(b.Area), Price: offerPrice(b.Price),
				MinimumOrder: b.MinimumOrder, LeadTimeDays: b.LeadTimeDays, Capacity: b.Capacity, Labels: nonNilStrings(b.Labels)}
			o, err := s.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, f)
			return offerOutput(o, err)
		})

	handle(r, Public, huma.Operation{OperationID: "list-organisation-offers", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/offers",
		Tags: tag, Summary: "An organisation's offers",
		Description: "Newest first, a page at a time. Members of the organisation and moderators see offers in every state; anyone else sees published ones, " +
			"and for anyone else a suspended organisation does not exist (404)."},
		func(ctx context.Context, in *OrganisationOffersInput) (*OfferPageOutput, error) {
			page, next, err := s.ListByOrganisation(ctx, authFrom(ctx).principal, in.OrgID, domain.OfferState(in.State), in.Cursor, in.Limit)
			return offerPage(page, next, err)
		})

	handle(r, Public, huma.Operation{OperationID: "list-offers", Method: http.MethodGet, Path: "/api/v1/offers", Tags: tag,
		Summary: "Published offers",
		Description: "Every published offer of an active (not suspended) organisation, sorted by publication date, filtered by sector, " +
			"type and the supplier's country, a page at a time."},
		func(ctx context.Context, in *PublishedOffersInput) (*OfferPageOutput, error) {
			f := store.OfferFilter{Sector: in.Sector, Type: domain.OfferType(in.Type), Country: in.Country, Oldest: in.Sort == "published_at"}
			page, next, err := s.ListPublished(ctx, f, in.Cursor, in.Limit)
			return offerPage(page, next, err)
		})

	handle(r, Public, huma.Operation{OperationID: "get-offer", Method: http.MethodGet, Path: one, Tags: tag,
		Summary: "An offer", Description: "A published offer, for anyone." + notVisible},
		func(ctx context.Context, in *OfferIDInput) (*OfferOutput, error) {
			return offerOutput(s.Get(ctx, authFrom(ctx).principal, in.OfferID))
		})

	handle(r, SignedIn, huma.Operation{OperationID: "update-offer", Method: http.MethodPatch, Path: one, Tags: tag,
		Summary: "Change an offer",
		Description: "Members of the offer's organisation, on a draft, an offer waiting for changes or a published offer. Editing a " +
			"published offer sends it back to the moderators (pending): it leaves the public list until approved again, and needs a " +
			"verified SSE status like any submission. Pending, rejected and archived offers cannot change (409 lists what is allowed)." + notVisible},
		func(ctx context.Context, in *OfferPatchInput) (*OfferOutput, error) {
			o, err := s.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID, offerPatch(in))
			return offerOutput(o, err)
		})

	handle(r, SignedIn, huma.Operation{OperationID: "delete-offer", Method: http.MethodDelete, Path: one, Tags: tag,
		Summary: "Delete a draft offer", DefaultStatus: http.StatusNoContent,
		Description: "Members of the offer's organisation; drafts only (409 otherwise: archive a published offer). Its documents stay." + notVisible},
		func(ctx context.Context, in *OfferIDInput) (*NoContentOutput, error) {
			if err := s.Delete(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "submit-offer", Method: http.MethodPost, Path: one + "/submit", Tags: tag,
		Summary: "Submit an offer for publication",
		Description: "Members of the offer's organisation, on a draft or an offer waiting for changes: it becomes pending and joins the " +
			"moderators' queue. Only organisations with a verified SSE status that has not expired can publish (403 otherwise; the offer " +
			"stays a draft). The offer needs at least one sector or CPV code (422)." + notVisible},
		func(ctx context.Context, in *OfferIDInput) (*OfferOutput, error) {
			return offerOutput(s.Submit(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID))
		})

	handle(r, SignedIn, huma.Operation{OperationID: "archive-offer", Method: http.MethodPost, Path: one + "/archive", Tags: tag,
		Summary: "Archive a published offer", Description: "Members of the offer's organisation. The offer leaves the public list for good." + notVisible},
		func(ctx context.Context, in *OfferIDInput) (*OfferOutput, error) {
			return offerOutput(s.Archive(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID))
		})

	handle(r, SignedIn, huma.Operation{OperationID: "attach-offer-document", Method: http.MethodPut, Path: one + "/documents/{documentID}", Tags: tag,
		Summary: "Show a photo or document with an offer",
		Description: "Members of the offer's organisation. Upload the file first (POST /api/v1/organisations/{orgID}/documents, purpose " +
			"offer_photo or other); it goes after the others, at most 20. Idempotent. As an edit, it sends a published offer back to pending." + notVisible},
		func(ctx context.Context, in *OfferDocumentInput) (*OfferOutput, error) {
			return offerOutput(s.AttachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID, in.DocumentID))
		})

	handle(r, SignedIn, huma.Operation{OperationID: "detach-offer-document", Method: http.MethodDelete, Path: one + "/documents/{documentID}", Tags: tag,
		Summary:     "Stop showing a document with an offer",
		Description: "Members of the offer's organisation. The document itself stays. As an edit, it sends a published offer back to pending." + notVisible},
		func(ctx context.Context, in *OfferDocumentInput) (*OfferOutput, error) {
			return offerOutput(s.DetachDocument(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID, in.DocumentID))
		})

	handle(r, moderator, huma.Operation{OperationID: "list-offer-moderation", Method: http.MethodGet, Path: "/api/v1/moderation/offers", Tags: tag,
		Summary:     "The moderators' queue of offers",
		Description: "Moderators. Pending offers, oldest submission first, optionally of organisations of one country, a page at a time."},
		func(ctx context.Context, in *OfferQueueInput) (*OfferQueueOutput, error) {
			page, next, err := s.Queue(ctx, authFrom(ctx).principal, in.Country, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &OfferQueueOutput{}
			out.Body.Items = make([]OfferQueueItem, len(page))
			for i, it := range page {
				out.Body.Items[i] = OfferQueueItem{OfferBody: offerBody(it.Offer), OrganisationName: it.OrganisationName,
					OrganisationCountry: it.OrganisationCountry}
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, moderator, huma.Operation{OperationID: "decide-offer", Method: http.MethodPost, Path: "/api/v1/moderation/offers/{offerID}/decision", Tags: tag,
		Summary: "Approve, reject or request changes to a pending offer",
		Description: "Moderators, except members of the offer's organisation (403). A reason is required to reject or request changes. " +
			"Approval publishes the offer, and is refused (409) when the supplier's SSE status no longer counts. The organisation's " +
			"owners get an email with the decision and the reason."},
		func(ctx context.Context, in *OfferDecisionInput) (*OfferOutput, error) {
			return offerOutput(s.DecideWith(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OfferID, core.Decision(in.Body.Decision),
				domain.DecisionReason{Template: in.Body.ReasonTemplate, Note: in.Body.Reason}))
		})
}

func offerOutput(o domain.Offer, err error) (*OfferOutput, error) {
	if err != nil {
		return nil, toHTTP(err)
	}
	return &OfferOutput{Body: offerBody(o)}, nil
}

func offerPage(page []domain.Offer, next string, err error) (*OfferPageOutput, error) {
	if err != nil {
		return nil, toHTTP(err)
	}
	out := &OfferPageOutput{}
	out.Body.Items = mapItems(page, offerBody)
	out.Body.NextCursor = next
	return out, nil
}

func offerTexts(in []OfferTextBody) []domain.OfferText {
	out := make([]domain.OfferText, len(in))
	for i, t := range in {
		out[i] = domain.OfferText{Lang: domain.Language(t.Lang), Title: t.Title, Description: t.Description}
	}
	return out
}

func offerArea(a OfferAreaBody) domain.OfferArea {
	out := domain.OfferArea{Mode: domain.AreaMode(a.Mode), Regions: nonNilStrings(a.Regions), AcceptsCrossBorder: a.AcceptsCrossBorder}
	if a.RadiusKM != nil {
		out.RadiusKM = *a.RadiusKM
	}
	return out
}

func offerPrice(p *OfferPriceBody) domain.OfferPrice {
	if p == nil {
		return domain.OfferPrice{}
	}
	return domain.OfferPrice{Text: p.Text, AmountCents: p.AmountCents, Currency: p.Currency, Unit: p.Unit}
}

func offerPatch(in *OfferPatchInput) core.OfferPatch {
	b := in.Body
	p := core.OfferPatch{Title: b.Title, Description: b.Description, Sectors: b.Sectors, CPVCodes: b.CPVCodes,
		MinimumOrder: b.MinimumOrder, LeadTimeDays: b.LeadTimeDays, ClearLeadTime: b.ClearLeadTime, Capacity: b.Capacity, Labels: b.Labels}
	if b.Type != nil {
		t := domain.OfferType(*b.Type)
		p.Type = &t
	}
	if b.Language != nil {
		l := domain.Language(*b.Language)
		p.Language = &l
	}
	if b.Translations != nil {
		t := offerTexts(*b.Translations)
		p.Translations = &t
	}
	if b.Area != nil {
		a := offerArea(*b.Area)
		p.Area = &a
	}
	if b.Price != nil {
		pr := offerPrice(b.Price)
		p.Price = &pr
	}
	return p
}
