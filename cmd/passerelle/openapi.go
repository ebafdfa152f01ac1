package main

import (
	"fmt"
	"io"

	"passerelle/internal/api"
)

// printOpenAPI writes the API description (/api/openapi.json) to stdout,
// for the web app's generated types (make generate).
func printOpenAPI(stdout io.Writer) error {
	doc, err := api.OpenAPIDocument(buildVersion())
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\n", doc)
	return err
}
