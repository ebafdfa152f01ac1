package faulttest

import (
	"context"
	"net/http"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// world is a buyer, a verified SSE supplier and a moderator, signed in.
type world struct {
	buyerOrg, supplierOrg domain.Organisation
	buyer, supplier, mod  *client
}

func (a *app) world() *world {
	t := a.t
	t.Helper()
	w := &world{}
	w.buyerOrg = a.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Thionville"})
	w.buyer = a.as(a.db.User(t, storetest.UserOptions{Organisation: w.buyerOrg.ID, EmailVerified: true, Language: domain.LangFR}).ID)
	w.supplierOrg = a.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, LegalName: "ESAT du Val"})
	a.db.SSEStatus(t, w.supplierOrg.ID, storetest.StatusOptions{Type: domain.SSEStatusType("fr_esat")})
	w.supplier = a.as(a.db.User(t, storetest.UserOptions{Organisation: w.supplierOrg.ID, EmailVerified: true}).ID)
	w.mod = a.as(a.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator, EmailVerified: true}).ID)
	a.db.CPVCodes(t, "90910000-9", "90911200-8", "90919200-4")
	return w
}

// offerInput is a draft offer written in French and translated into
// German: one offer row, two text rows, an audit entry and an index job.
func offerInput(title string) map[string]any {
	return map[string]any{
		"type": "services", "language": "fr", "title": title,
		"description":  "Nos équipes en insertion nettoient **bureaux et parties communes**.",
		"translations": []map[string]string{{"lang": "de", "title": "Büroreinigung " + title, "description": "Unsere Teams reinigen Büros."}},
		"sectors":      []string{"cleaning.offices"}, "cpv_codes": []string{"90911200-8"},
		"area": map[string]any{"mode": "country", "accepts_cross_border": true},
	}
}

func tenderInput(title string) map[string]any {
	deadline := time.Now().Add(30 * 24 * time.Hour).Truncate(time.Second)
	return map[string]any{
		"kind": "formal_tender", "language": "fr", "title": title,
		"description":  "Entretien quotidien des bureaux.",
		"translations": []any{map[string]any{"language": "de", "title": "Reinigung " + title, "description": "Tägliche Reinigung."}},
		"place_nuts":   "FRF33", "place_town": "Thionville",
		"questions_deadline": deadline.Add(-48 * time.Hour).UTC().Format(time.RFC3339),
		"responses_deadline": deadline.UTC().Format(time.RFC3339),
		"response_languages": []any{"fr", "de"},
	}
}

func lotInput() map[string]any {
	return map[string]any{
		"title": "Bureaux", "description": "1 200 m²", "cpv": []any{"90910000-9"},
		"value_min_cents": 4000000, "value_max_cents": 6000000,
		"clauses": map[string]any{"reserved_participation": "res-ws", "legal_bases": []any{"FR_L2113_12"}},
	}
}

// publishTender creates a tender with one lot, submits it and has the
// moderator approve it: its publication queues its index job.
func (w *world) publishTender(t *testing.T, title string) string {
	t.Helper()
	base := "/api/v1/organisations/" + w.buyerOrg.ID + "/tenders"
	id := w.buyer.expect(t, http.StatusCreated, "POST", base, tenderInput(title)).body["id"].(string)
	w.buyer.expect(t, http.StatusCreated, "POST", base+"/"+id+"/lots", lotInput())
	w.buyer.expect(t, http.StatusOK, "POST", base+"/"+id+"/submit", nil)
	w.mod.expect(t, http.StatusOK, "POST", "/api/v1/moderation/tenders/"+id+"/decision", map[string]any{"decision": "approve"})
	return id
}

// indexJobs counts the index jobs that name id, by state.
func (a *app) indexJobs(id string) map[string]int {
	a.t.Helper()
	rows, err := a.db.Pool.Query(context.Background(),
		`SELECT state::text, count(*) FROM river_job WHERE kind = 'index_listings' AND args::text LIKE '%' || $1 || '%' GROUP BY 1`, id)
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			a.t.Fatal(err)
		}
		out[state] = n
	}
	if err := rows.Err(); err != nil {
		a.t.Fatal(err)
	}
	return out
}

// eventually polls cond every 100 ms until it holds, failing the test
// after bound: convergence is checked, never timed.
func eventually(t *testing.T, bound time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(bound)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, bound)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
