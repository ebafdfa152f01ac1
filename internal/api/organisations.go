package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
)

// DescriptionBody is a text an organisation wrote about itself, in one language.
type DescriptionBody struct {
	Lang string `json:"lang" maxLength:"8" doc:"ISO 639-1 code of the text's language" example:"fr"`
	Text string `json:"text" maxLength:"20000" doc:"At most 5,000 characters" example:"Atelier de conditionnement et de mise sous pli en Moselle."`
}

// IdentifierBody is one legal identifier of an organisation.
type IdentifierBody struct {
	Kind  string `json:"kind" enum:"fr_siret,fr_siren,fr_vat,be_enterprise,be_vat,lu_rcs,lu_vat,de_vat,de_hr" doc:"FR: fr_siret, fr_siren, fr_vat; DE: de_hr (Handelsregister entry), de_vat; BE: be_enterprise, be_vat; LU: lu_rcs, lu_vat. Organisations of other EU countries register none." example:"fr_siret"`
	Value string `json:"value" maxLength:"200" doc:"Any usual spelling; stored in canonical form (732 829 320 00074 → 73282932000074)" example:"732 829 320 00074"`
}

// OrganisationBody is an organisation's public profile.
type OrganisationBody struct {
	ID           string            `json:"id" format:"uuid"`
	Kind         string            `json:"kind" enum:"sse_supplier,public_buyer,private_buyer,cluster"`
	Country      string            `json:"country" doc:"ISO 3166-1 code of an EU member state"`
	LegalName    string            `json:"legal_name"`
	TradeName    string            `json:"trade_name,omitempty"`
	Status       string            `json:"status" enum:"active,suspended"`
	StreetLines  []string          `json:"street_lines"`
	Postcode     string            `json:"postcode,omitempty"`
	Town         string            `json:"town,omitempty"`
	NUTS3        string            `json:"nuts3,omitempty" doc:"NUTS 3 region code (see /api/v1/nuts-regions)"`
	Latitude     *float64          `json:"latitude,omitempty"`
	Longitude    *float64          `json:"longitude,omitempty"`
	Website      string            `json:"website,omitempty" format:"uri"`
	Phone        string            `json:"phone,omitempty"`
	Languages    []string          `json:"languages" doc:"ISO 639-1 codes of the languages it works in"`
	Descriptions []DescriptionBody `json:"descriptions"`
	Identifiers  []IdentifierBody  `json:"identifiers"`
	// LogoURL is where the logo is fetched (a redirect to a short-lived link).
	LogoURL   string    `json:"logo_url,omitempty" doc:"GET it for a redirect to the image; absent without a logo"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func organisationBody(o domain.Organisation) OrganisationBody {
	b := OrganisationBody{
		ID: o.ID, Kind: string(o.Kind), Country: o.Country, LegalName: o.LegalName, TradeName: o.TradeName, Status: o.Status,
		StreetLines: nonNilStrings(o.StreetLines), Postcode: o.Postcode, Town: o.Town, NUTS3: o.NUTS3, Website: o.Website,
		Phone: o.Phone, Languages: nonNilStrings(o.Languages), Descriptions: make([]DescriptionBody, len(o.Descriptions)),
		Identifiers: make([]IdentifierBody, len(o.Identifiers)), CreatedAt: o.CreatedAt.UTC(), UpdatedAt: o.UpdatedAt.UTC(),
	}
	if o.Location != nil {
		b.Latitude, b.Longitude = &o.Location.Latitude, &o.Location.Longitude
	}
	for i, d := range o.Descriptions {
		b.Descriptions[i] = DescriptionBody{Lang: d.Lang, Text: d.Text}
	}
	for i, id := range o.Identifiers {
		b.Identifiers[i] = IdentifierBody{Kind: string(id.Kind), Value: id.Value}
	}
	if o.LogoDocumentID != "" {
		b.LogoURL = "/api/v1/organisations/" + o.ID + "/logo"
	}
	return b
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// OrganisationOutput returns an organisation.
type OrganisationOutput struct {
	Body OrganisationBody
}

// ProfileFields are the editable fields of a profile, shared by creation
// and update. Limits here only bound the input; the rules (formats per
// country, NUTS region, identifiers) are checked by core with field-level
// errors.
type ProfileFields struct {
	StreetLines  []string          `json:"street_lines,omitempty" maxItems:"10" doc:"Address lines before postcode and town (at most 3)" example:"12 rue des Salines"`
	Postcode     *string           `json:"postcode,omitempty" maxLength:"40" doc:"FR and DE 5 digits, BE 4 digits, LU L-1234" example:"57170"`
	Town         *string           `json:"town,omitempty" maxLength:"400" example:"Château-Salins"`
	NUTS3        *string           `json:"nuts3,omitempty" maxLength:"10" doc:"A current NUTS 3 region of the country; required in FR, DE, BE and LU once their regions are loaded" example:"FRF33"`
	Latitude     *float64          `json:"latitude,omitempty" doc:"WGS 84, with longitude" example:"48.8189"`
	Longitude    *float64          `json:"longitude,omitempty" doc:"WGS 84, with latitude" example:"6.5131"`
	Website      *string           `json:"website,omitempty" maxLength:"600" doc:"http(s) address; https:// is added when no scheme is given" example:"https://ateliers-saulnois.example"`
	Phone        *string           `json:"phone,omitempty" maxLength:"60" example:"+33 3 87 05 12 34"`
	Languages    []string          `json:"languages,omitempty" maxItems:"50" doc:"ISO 639-1 codes" example:"fr"`
	Descriptions []DescriptionBody `json:"descriptions,omitempty" maxItems:"20" doc:"One per language"`
	Identifiers  []IdentifierBody  `json:"identifiers,omitempty" maxItems:"20" doc:"At most one per kind; each is checked with its scheme's check digits"`
}

// location reads the coordinates, which come together or not at all.
func (f ProfileFields) location() (*domain.GeoPoint, error) {
	switch {
	case f.Latitude == nil && f.Longitude == nil:
		return nil, nil
	case f.Latitude == nil || f.Longitude == nil:
		ve := &domain.ValidationError{}
		field := "body.latitude"
		if f.Longitude == nil {
			field = "body.longitude"
		}
		ve.Add(field, "required", "latitude and longitude go together")
		return nil, ve
	}
	return &domain.GeoPoint{Latitude: *f.Latitude, Longitude: *f.Longitude}, nil
}

func descriptions(in []DescriptionBody) []domain.LocalizedText {
	out := make([]domain.LocalizedText, len(in))
	for i, d := range in {
		out[i] = domain.LocalizedText{Lang: d.Lang, Text: d.Text}
	}
	return out
}

func identifiers(in []IdentifierBody) []domain.LegalIdentifier {
	out := make([]domain.LegalIdentifier, len(in))
	for i, id := range in {
		out[i] = domain.LegalIdentifier{Kind: legalid.Kind(id.Kind), Value: id.Value}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// CreateOrganisationInput creates an organisation.
type CreateOrganisationInput struct {
	Body struct {
		Kind      string `json:"kind" enum:"sse_supplier,public_buyer,private_buyer,cluster" doc:"cluster: platform admins only" example:"sse_supplier"`
		Country   string `json:"country" maxLength:"8" doc:"ISO 3166-1 code of an EU member state" example:"FR"`
		LegalName string `json:"legal_name" maxLength:"600" example:"ESAT Les Ateliers du Saulnois"`
		TradeName string `json:"trade_name,omitempty" maxLength:"600" example:"Ateliers du Saulnois"`
		ProfileFields
	}
}

func (in *CreateOrganisationInput) organisation() (domain.Organisation, error) {
	b := in.Body
	loc, err := b.location()
	if err != nil {
		return domain.Organisation{}, err
	}
	return domain.Organisation{
		Kind: domain.OrganisationKind(b.Kind), Country: b.Country, LegalName: b.LegalName, TradeName: b.TradeName,
		StreetLines: b.StreetLines, Postcode: deref(b.Postcode), Town: deref(b.Town), NUTS3: deref(b.NUTS3), Location: loc,
		Website: deref(b.Website), Phone: deref(b.Phone), Languages: b.Languages, Descriptions: descriptions(b.Descriptions),
		Identifiers: identifiers(b.Identifiers),
	}, nil
}

// UpdateOrganisationInput changes a profile: absent fields stay as they
// are, a list given replaces the whole list.
type UpdateOrganisationInput struct {
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		Country       *string `json:"country,omitempty" maxLength:"8" example:"FR"`
		LegalName     *string `json:"legal_name,omitempty" maxLength:"600" example:"ESAT Les Ateliers du Saulnois"`
		TradeName     *string `json:"trade_name,omitempty" maxLength:"600" doc:"An empty string removes it" example:"Ateliers du Saulnois"`
		ClearLocation bool    `json:"clear_location,omitempty" doc:"Remove the coordinates" example:"false"`
		ProfileFields
	}
}

func (in *UpdateOrganisationInput) patch() (core.OrganisationPatch, error) {
	b := in.Body
	loc, err := b.location()
	if err != nil {
		return core.OrganisationPatch{}, err
	}
	p := core.OrganisationPatch{
		Country: b.Country, LegalName: b.LegalName, TradeName: b.TradeName, Postcode: b.Postcode, Town: b.Town,
		NUTS3: b.NUTS3, Website: b.Website, Phone: b.Phone, Location: loc, ClearLocation: b.ClearLocation,
	}
	// A list sent, even empty, replaces the stored one; huma decodes an
	// absent list as nil and an empty one as empty.
	if b.StreetLines != nil {
		p.StreetLines = &b.StreetLines
	}
	if b.Languages != nil {
		p.Languages = &b.Languages
	}
	if b.Descriptions != nil {
		d := descriptions(b.Descriptions)
		p.Descriptions = &d
	}
	if b.Identifiers != nil {
		ids := identifiers(b.Identifiers)
		p.Identifiers = &ids
	}
	return p, nil
}

// OrgIDInput names an organisation.
type OrgIDInput struct {
	OrgID string `path:"orgID" format:"uuid"`
}

// SetLogoInput attaches an uploaded document as the logo.
type SetLogoInput struct {
	OrgID string `path:"orgID" format:"uuid"`
	Body  struct {
		DocumentID string `json:"document_id" format:"uuid" doc:"A document of this organisation uploaded with purpose logo" example:"0193a5b2-7c1e-7d20-9f3a-1b2c3d4e5f70"`
	}
}

// RedirectOutput sends the client elsewhere.
type RedirectOutput struct {
	Location     string `header:"Location"`
	CacheControl string `header:"Cache-Control"`
}

// MemberOrganisationBody is an organisation with the caller's role in it.
type MemberOrganisationBody struct {
	ID        string `json:"id" format:"uuid"`
	Kind      string `json:"kind" enum:"sse_supplier,public_buyer,private_buyer,cluster"`
	Country   string `json:"country"`
	LegalName string `json:"legal_name"`
	TradeName string `json:"trade_name,omitempty"`
	Status    string `json:"status" enum:"active,suspended"`
	Role      string `json:"role" enum:"owner,member"`
}

// MemberOrganisationsOutput lists the caller's organisations.
type MemberOrganisationsOutput struct {
	Body struct {
		Items      []MemberOrganisationBody `json:"items"`
		NextCursor string                   `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// MyOrganisationsInput pages through the caller's organisations.
type MyOrganisationsInput struct {
	Sort   string `query:"sort" enum:"name" default:"name" doc:"By legal name"`
	Cursor string `query:"cursor" maxLength:"400" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200" doc:"Page size (default 50, at most 200)" example:"50"`
}

// NUTSRegionsInput filters the NUTS regions.
type NUTSRegionsInput struct {
	Country string `query:"country" maxLength:"2" doc:"ISO code of the country (e.g. FR); all countries when absent"`
	Level   int    `query:"level" minimum:"-1" maximum:"3" default:"-1" doc:"0 (country) to 3; all levels when absent"`
}

// NUTSRegionBody is one NUTS region.
type NUTSRegionBody struct {
	Code    string `json:"code" example:"FRF33"`
	Level   int    `json:"level"`
	Name    string `json:"name" doc:"The name Eurostat publishes, in the region's own language"`
	Country string `json:"country"`
	Parent  string `json:"parent,omitempty"`
	// Assignable regions are the ones an organisation may name as its own.
	Assignable bool `json:"assignable" doc:"A current level-3 region an organisation may choose (not Extra-Regio)"`
}

// NUTSRegionsOutput lists NUTS regions.
type NUTSRegionsOutput struct {
	Body struct {
		Items []NUTSRegionBody `json:"items"`
	}
}

func registerOrganisations(r *routes, orgs *core.Organisations) {
	tag := []string{"Organisations"}
	edit := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}
	handle(r, SignedIn, huma.Operation{OperationID: "create-organisation", Method: http.MethodPost, Path: "/api/v1/organisations", Tags: tag,
		Summary: "Create an organisation", DefaultStatus: http.StatusCreated,
		Description: "Creates an organisation whose owner is the caller, who must have confirmed their email. Only platform admins create clusters. " +
			"Every field is checked: postcode format per country, NUTS 3 region of the country (required in FR, DE, BE and LU once their regions are loaded), " +
			"coordinates, website, ISO 639-1 languages, and legal identifiers with their check digits (errors explained in fr, de, en and nl). " +
			"An identifier another organisation already holds is a 409."},
		func(ctx context.Context, in *CreateOrganisationInput) (*OrganisationOutput, error) {
			o, err := in.organisation()
			if err == nil {
				o, err = orgs.Create(ctx, actorFrom(ctx), authFrom(ctx).principal, o)
			}
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OrganisationOutput{Body: organisationBody(o)}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "get-organisation", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}", Tags: tag,
		Summary:     "An organisation's public profile",
		Description: "Anyone may read it. A suspended organisation is shown only to its members and to moderators (404 for anyone else)."},
		func(ctx context.Context, in *OrgIDInput) (*OrganisationOutput, error) {
			o, err := orgs.Get(ctx, authFrom(ctx).principal, in.OrgID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OrganisationOutput{Body: organisationBody(o)}, nil
		})
	handle(r, edit, huma.Operation{OperationID: "update-organisation", Method: http.MethodPatch, Path: "/api/v1/organisations/{orgID}", Tags: tag,
		Summary: "Edit an organisation's profile",
		Description: "Members of the organisation only. Fields left out stay as they are; a list sent replaces the whole list. " +
			"The resulting profile is checked as on creation."},
		func(ctx context.Context, in *UpdateOrganisationInput) (*OrganisationOutput, error) {
			p, err := in.patch()
			var o domain.Organisation
			if err == nil {
				o, err = orgs.Update(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, p)
			}
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OrganisationOutput{Body: organisationBody(o)}, nil
		})
	handle(r, edit, huma.Operation{OperationID: "set-organisation-logo", Method: http.MethodPut, Path: "/api/v1/organisations/{orgID}/logo", Tags: tag,
		Summary:     "Make an uploaded image the logo",
		Description: "Members only. The document must be this organisation's, uploaded with purpose logo (PNG, JPEG or WebP)."},
		func(ctx context.Context, in *SetLogoInput) (*OrganisationOutput, error) {
			o, err := orgs.SetLogo(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.Body.DocumentID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OrganisationOutput{Body: organisationBody(o)}, nil
		})
	handle(r, edit, huma.Operation{OperationID: "clear-organisation-logo", Method: http.MethodDelete, Path: "/api/v1/organisations/{orgID}/logo", Tags: tag,
		Summary: "Remove the logo", Description: "Members only. The image stays among the organisation's documents.", DefaultStatus: http.StatusNoContent},
		func(ctx context.Context, in *OrgIDInput) (*NoContentOutput, error) {
			if _, err := orgs.ClearLogo(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
	handle(r, Public, huma.Operation{OperationID: "get-organisation-logo", Method: http.MethodGet, Path: "/api/v1/organisations/{orgID}/logo", Tags: tag,
		Summary: "Fetch the logo", DefaultStatus: http.StatusSeeOther,
		Description: "Redirects (303) to a download link valid for at most 5 minutes; 404 when the organisation has no logo or is not visible."},
		func(ctx context.Context, in *OrgIDInput) (*RedirectOutput, error) {
			url, expires, err := orgs.LogoURL(ctx, authFrom(ctx).principal, in.OrgID)
			if err != nil {
				return nil, toHTTP(err)
			}
			// Caches may keep the redirect only while its link still works.
			maxAge := max(int(time.Until(expires).Seconds())-60, 0)
			return &RedirectOutput{Location: url, CacheControl: "private, max-age=" + strconv.Itoa(maxAge)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "list-my-organisations", Method: http.MethodGet, Path: "/api/v1/me/organisations", Tags: tag,
		Summary:     "The organisations you belong to, with your role",
		Description: "Every organisation the signed-in user is a member of, with their role (owner or member), by legal name, a page at a time."},
		func(ctx context.Context, in *MyOrganisationsInput) (*MemberOrganisationsOutput, error) {
			ms, next, err := orgs.ListMine(ctx, authFrom(ctx).principal, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &MemberOrganisationsOutput{}
			out.Body.Items = make([]MemberOrganisationBody, len(ms))
			for i, m := range ms {
				o := m.Organisation
				out.Body.Items[i] = MemberOrganisationBody{ID: o.ID, Kind: string(o.Kind), Country: o.Country, LegalName: o.LegalName,
					TradeName: o.TradeName, Status: o.Status, Role: string(m.Role)}
			}
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, Public, huma.Operation{OperationID: "list-nuts-regions", Method: http.MethodGet, Path: "/api/v1/nuts-regions", Tags: tag,
		Summary:     "NUTS regions",
		Description: "The current NUTS regions loaded by `passerelle import-nuts`, by code, with the names Eurostat publishes. Retired codes are left out."},
		func(ctx context.Context, in *NUTSRegionsInput) (*NUTSRegionsOutput, error) {
			regions, err := orgs.NUTSRegions(ctx, strings.ToUpper(in.Country), in.Level)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &NUTSRegionsOutput{}
			out.Body.Items = make([]NUTSRegionBody, len(regions))
			for i, rg := range regions {
				out.Body.Items[i] = NUTSRegionBody{Code: rg.Code, Level: rg.Level, Name: rg.Name, Country: rg.Country, Parent: rg.Parent,
					Assignable: rg.Assignable()}
			}
			return out, nil
		})
}
