package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/domain"
)

// MetaOutput describes the running service.
type MetaOutput struct {
	Body struct {
		Name      string   `json:"name" example:"Passerelle" doc:"Product name"`
		Version   string   `json:"version" doc:"Build version"`
		Languages []string `json:"languages" doc:"Languages the product speaks, the fallback first"`
	}
}

func registerMeta(r *routes, version string) {
	handle(r, Public, huma.Operation{
		OperationID: "get-meta",
		Method:      http.MethodGet,
		Path:        "/api/v1/meta",
		Summary:     "Describe the service",
		Description: "Name, version and supported languages. Needs no authentication.",
		Tags:        []string{"Service"},
	}, func(_ context.Context, _ *struct{}) (*MetaOutput, error) {
		out := &MetaOutput{}
		out.Body.Name = "Passerelle"
		out.Body.Version = version
		for _, l := range domain.Languages {
			out.Body.Languages = append(out.Body.Languages, string(l))
		}
		return out, nil
	})
}
