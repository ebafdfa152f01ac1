package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/humatest"

	"passerelle/internal/domain"
)

// A refused lifecycle transition is a 409 problem+json, in the caller's
// language, whose "allowed" member lists the events possible instead;
// through the API's own configuration and transformers.
func TestTransitionErrorIsConflictListingAllowed(t *testing.T) {
	_, api := humatest.New(t, apiConfig("test"))
	huma.Register(api, huma.Operation{OperationID: "approve", Method: http.MethodPost, Path: "/approve/{state}"},
		func(_ context.Context, in *struct {
			State string `path:"state"`
		}) (*struct{}, error) {
			_, err := domain.TenderState(in.State).Next(domain.TenderApprove)
			return nil, toHTTP(fmt.Errorf("approving: %w", err))
		})

	cases := []struct {
		state, lang, detail string
		allowed             []string
	}{
		{"published", "", "This tender is in state “published”: “approve” is not possible (possible now: “close”, “cancel”).",
			[]string{"close", "cancel"}},
		{"published", "fr-FR", "Cet appel d'offres est à l'état « publié » : « approuver » n'est pas possible (possible maintenant : « clore », « annuler »).",
			[]string{"close", "cancel"}},
		{"awarded", "de", "Diese Ausschreibung hat den Status „vergeben“: „freigeben“ ist nicht möglich (jetzt möglich: nichts).",
			[]string{}},
	}
	for _, c := range cases {
		resp := api.Post("/approve/"+c.state, "Accept-Language: "+c.lang)
		if resp.Code != http.StatusConflict || resp.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("%s: %d %s %s", c.state, resp.Code, resp.Header().Get("Content-Type"), resp.Body)
		}
		var body struct {
			Status  int       `json:"status"`
			Title   string    `json:"title"`
			Detail  string    `json:"detail"`
			Allowed *[]string `json:"allowed"`
		}
		if err := json.Unmarshal(resp.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body.Status != 409 || body.Detail != c.detail || body.Allowed == nil || !slices.Equal(*body.Allowed, c.allowed) {
			t.Errorf("%s in %q: %s", c.state, c.lang, resp.Body)
		}
		if c.lang == "fr-FR" && body.Title != translate("Conflict", domain.LangFR) {
			t.Errorf("title not localized: %q", body.Title)
		}
	}

	// Other problems carry no "allowed" member.
	var plain *huma.ErrorModel
	if !errors.As(toHTTP(domain.ErrConflict), &plain) {
		t.Fatal("plain conflict")
	}
	if p, ok := toHTTP(domain.ErrConflict).(*problem); ok && p.allowed != nil {
		t.Error("a plain conflict lists allowed events")
	}
}
