package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// SectorBody is one sector of the catalogue.
type SectorBody struct {
	Code  string   `json:"code" example:"cleaning.offices" doc:"Stable code, namespaced by its group"`
	Label string   `json:"label" example:"Nettoyage de bureaux" doc:"Name in the caller's language"`
	CPV   []string `json:"cpv" example:"[\"90919200-4\"]" doc:"CPV 2008 codes whose subtrees the sector covers"`
}

// SectorGroupBody is a group of sectors.
type SectorGroupBody struct {
	Code    string       `json:"code" example:"cleaning"`
	Label   string       `json:"label" example:"Propreté et hygiène" doc:"Name in the caller's language"`
	Sectors []SectorBody `json:"sectors"`
}

// SectorsOutput is the whole sector catalogue.
type SectorsOutput struct {
	ContentLanguage string `header:"Content-Language" example:"fr"`
	Body            struct {
		Items []SectorGroupBody `json:"items"`
	}
}

func sectorBody(s domain.Sector, lang domain.Language) SectorBody {
	return SectorBody{Code: s.Code, Label: s.Labels.In(lang), CPV: s.CPV}
}

// CPVBody is one CPV code.
type CPVBody struct {
	Code   string `json:"code" example:"90911200-8" doc:"The code with its check digit"`
	Code8  string `json:"code8" example:"90911200" doc:"The eight digits other records name it by"`
	Level  int    `json:"level" minimum:"1" maximum:"7" example:"5" doc:"1 for a division (XX000000) to 7"`
	Parent string `json:"parent,omitempty" example:"90911000" doc:"code8 of the code one level up; absent for a division"`
	Type   string `json:"type" enum:"supplies,services,works" example:"services"`
	Label  string `json:"label" example:"Services de nettoyage de bâtiments" doc:"Name in the caller's language"`
}

func cpvBody(c domain.CPVCode, lang domain.Language) CPVBody {
	return CPVBody{Code: c.Code, Code8: c.Code8, Level: c.Level, Parent: c.Parent, Type: string(c.Type), Label: c.Labels.In(lang)}
}

// CPVSearchInput searches the CPV list.
type CPVSearchInput struct {
	LanguageHeader
	Q      string `query:"q" maxLength:"200" example:"nettoyage bâtiments" doc:"Words looked for in the labels in the caller's language (all of them, case and accents ignored), or a code or its first digits"`
	Prefix string `query:"prefix" maxLength:"8" pattern:"^[0-9]*$" example:"9091" doc:"Only codes whose eight digits begin with these"`
	Level  int    `query:"level" minimum:"0" maximum:"7" example:"5" doc:"Only codes of this level (1 = divisions … 7); 0 or absent for any"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" example:"20" doc:"Page size (default 20, at most 100)"`
}

// CPVListOutput is a page of CPV codes, by code.
type CPVListOutput struct {
	ContentLanguage string `header:"Content-Language" example:"fr"`
	Body            struct {
		Items      []CPVBody `json:"items"`
		NextCursor string    `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// CPVCodeInput names a CPV code.
type CPVCodeInput struct {
	LanguageHeader
	Code string `path:"code" maxLength:"20" example:"90911200-8" doc:"With its check digit (90911200-8) or as eight digits (90911200)"`
}

// CPVCodeOutput is a CPV code with its parent chain and sectors.
type CPVCodeOutput struct {
	ContentLanguage string `header:"Content-Language" example:"fr"`
	Body            struct {
		CPVBody
		Parents []CPVBody    `json:"parents" doc:"Its ancestors, from the division down to its parent"`
		Sectors []SectorBody `json:"sectors" doc:"The sectors of the catalogue that cover it"`
	}
}

func registerTaxonomy(r *routes, t *core.Taxonomy) {
	tag := []string{"Taxonomy"}

	handle(r, Public, huma.Operation{OperationID: "list-sectors", Method: http.MethodGet, Path: "/api/v1/sectors", Tags: tag,
		Summary: "The sector catalogue",
		Description: "Passerelle's sectors (what SSE suppliers do, in buyers' words), grouped, in catalogue order, with their CPV 2008 codes. " +
			"Labels in the language of Accept-Language, else the signed-in user's, else English. A fixed catalogue of about 150 sectors: not paginated."},
		func(ctx context.Context, in *LanguageHeader) (*SectorsOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &SectorsOutput{ContentLanguage: string(lang)}
			groups := taxonomy.SectorGroups()
			out.Body.Items = make([]SectorGroupBody, len(groups))
			for i, g := range groups {
				b := SectorGroupBody{Code: g.Code, Label: g.Labels.In(lang), Sectors: make([]SectorBody, len(g.Sectors))}
				for j, s := range g.Sectors {
					b.Sectors[j] = sectorBody(s, lang)
				}
				out.Body.Items[i] = b
			}
			return out, nil
		})

	handle(r, Public, huma.Operation{OperationID: "search-cpv", Method: http.MethodGet, Path: "/api/v1/cpv", Tags: tag,
		Summary: "Search the CPV codes",
		Description: "The CPV 2008 codes imported by `passerelle import-cpv`, by code, paginated: those whose label in the caller's language " +
			"(Accept-Language, else the user's, else English) contains every word of q, or, when q is a code or its first digits, those beginning with it; " +
			"prefix and level narrow the list. Empty until the list is imported."},
		func(ctx context.Context, in *CPVSearchInput) (*CPVListOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			limit := in.Limit
			if limit == 0 {
				limit = 20
			}
			codes, next, err := t.SearchCPV(ctx, core.CPVQuery{Text: in.Q, Prefix: in.Prefix, Level: in.Level, Lang: lang}, in.Cursor, int32(limit))
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &CPVListOutput{ContentLanguage: string(lang)}
			out.Body.Items = make([]CPVBody, len(codes))
			for i, c := range codes {
				out.Body.Items[i] = cpvBody(c, lang)
			}
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, Public, huma.Operation{OperationID: "get-cpv", Method: http.MethodGet, Path: "/api/v1/cpv/{code}", Tags: tag,
		Summary: "One CPV code",
		Description: "A CPV code with its label in the caller's language, its parent chain from the division down, and the sectors of the catalogue that cover it. " +
			"422 when the code is malformed or its check digit wrong; 404 when it is not imported."},
		func(ctx context.Context, in *CPVCodeInput) (*CPVCodeOutput, error) {
			lang := requestLanguage(ctx, in.AcceptLanguage)
			c, chain, err := t.CPV(ctx, in.Code)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &CPVCodeOutput{ContentLanguage: string(lang)}
			out.Body.CPVBody = cpvBody(c, lang)
			out.Body.Parents = make([]CPVBody, len(chain))
			for i, p := range chain {
				out.Body.Parents[i] = cpvBody(p, lang)
			}
			sectors := taxonomy.SectorsForCPV(c.Code)
			out.Body.Sectors = make([]SectorBody, len(sectors))
			for i, s := range sectors {
				out.Body.Sectors[i] = sectorBody(s, lang)
			}
			return out, nil
		})
}
