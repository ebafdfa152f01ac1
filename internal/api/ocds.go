package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/ocds"
)

// OCDSReleasesInput pages the releases.
type OCDSReleasesInput struct {
	Since  string `query:"since" maxLength:"40" example:"2026-01-01T00:00:00Z" doc:"Only releases dated at or after this time (RFC 3339)"`
	Cursor string `query:"cursor" maxLength:"200" doc:"The cursor of links.next of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" example:"50" doc:"Releases per page (default 50, at most 100)"`
}

// OCDSTenderInput names a tender.
type OCDSTenderInput struct {
	TenderID string `path:"tenderID" maxLength:"36" doc:"The tender's id"`
}

// OCDSPackageOutput is an OCDS 1.1 release package.
type OCDSPackageOutput struct {
	CacheControl string `header:"Cache-Control"`
	Body         ocds.Package
}

const ocdsDescription = " Only tenders past moderation (published, closed, awarded, not awarded) of active buyers appear; " +
	"an anonymous buyer is not named, nor a supplier suspended or deleted since (its award stays, without suppliers); " +
	"amounts are those recorded as lot outcomes, never a response, and are published for public buyers' tenders only: " +
	"the awards of a private company's tender have no value. " +
	"Lots follow the OCDS lots extension; reserved participation (eForms BT-71) is lots[].otherRequirements.reservedParticipation; " +
	"the other eForms codes of each lot (BT-736, BT-06, BT-777, BT-775, BT-774, BT-754, BT-70, award criteria BT-539/734/540/5421/541) " +
	"and the national legal bases are under the lot's own field \"passerelle:clauses\", the place of performance under " +
	"tender[\"passerelle:placeOfPerformance\"]. The ocid prefix is the publisher's (PASSERELLE_OCDS_PREFIX). " +
	"Licence: CC BY 4.0."

func registerOCDS(r *routes, o *core.OpenData) {
	tag := []string{"Open data"}

	handle(r, Public, huma.Operation{OperationID: "list-ocds-releases", Method: http.MethodGet, Path: "/api/v1/ocds/releases", Tags: tag,
		Summary: "Tenders and their results as OCDS releases",
		Description: "An OCDS 1.1 release package of the public tenders, one release each describing its current state, newest first; " +
			"links.next (the pagination extension) is the next page, absent on the last." + ocdsDescription},
		func(ctx context.Context, in *OCDSReleasesInput) (*OCDSPackageOutput, error) {
			pkg, err := o.Releases(ctx, in.Since, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OCDSPackageOutput{CacheControl: "public, max-age=60", Body: pkg}, nil
		})

	handle(r, Public, huma.Operation{OperationID: "get-ocds-tender", Method: http.MethodGet, Path: "/api/v1/ocds/tenders/{tenderID}", Tags: tag,
		Summary:     "One tender as an OCDS release package",
		Description: "The release package of one public tender: its lots, awards and parties. 404 for a tender that is not public." + ocdsDescription},
		func(ctx context.Context, in *OCDSTenderInput) (*OCDSPackageOutput, error) {
			pkg, err := o.Tender(ctx, in.TenderID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OCDSPackageOutput{CacheControl: "public, max-age=60", Body: pkg}, nil
		})
}
