package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// waitImport polls an import until the job has finished it (bounded: the
// job of a few rows takes milliseconds; 30 s means it never ran).
func waitImport(t *testing.T, c *client, orgID, id string, headers ...string) response {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := c.expect(http.StatusOK, "GET", "/api/v1/organisations/"+orgID+"/purchases/imports/"+id, nil, headers...)
		if r.body["state"] != "parsing" || time.Now().After(deadline) {
			return r
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestPurchaseLedgerThroughTheAPI(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	buyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer, Country: "FR"})
	member := e.as(e.db.User(t, storetest.UserOptions{Organisation: buyer.ID, Role: domain.RoleMember}).ID)
	other := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	outsider := e.as(e.db.User(t, storetest.UserOptions{Organisation: other.ID}).ID)
	base := "/api/v1/organisations/" + buyer.ID + "/purchases"

	bad := "supplier;amount;date;category\n81234567600009;10,00;2026-01-05;ok\n81234567600009;dix;2026-01-05;ok\n"
	r := member.send("POST", base+"/imports?filename=ledger.csv", "text/csv", strings.NewReader(bad), int64(len(bad)), "Accept-Language", "fr")
	if r.status != http.StatusAccepted || r.body["state"] != "parsing" || r.header.Get("Location") == "" {
		t.Fatalf("upload: %d %s", r.status, r.raw)
	}
	id := r.body["id"].(string)
	r = waitImport(t, member, buyer.ID, id, "Accept-Language", "fr")
	errs, _ := r.body["errors"].([]any)
	if r.body["state"] != "failed" || len(errs) != 1 {
		t.Fatalf("bad ledger: %s", r.raw)
	}
	first := errs[0].(map[string]any)
	if first["line"] != float64(3) || first["column"] != "amount" || !strings.HasPrefix(first["message"].(string), "Montant invalide") {
		t.Errorf("error = %v, want line 3, amount, in French", first)
	}
	csv := member.expect(http.StatusOK, "GET", base+"/imports/"+id+"/errors.csv", nil)
	if !strings.Contains(csv.raw, "line,column,code,message") || !strings.Contains(csv.raw, "3,amount,invalid_amount,") {
		t.Errorf("errors.csv = %q", csv.raw)
	}
	if n := len(member.expect(http.StatusOK, "GET", base, nil).body["items"].([]any)); n != 0 {
		t.Errorf("%d purchases after a failed import", n)
	}

	good := strings.Replace(bad, "dix", "12,50", 1)
	r = member.send("POST", base+"/imports?filename=ledger.csv", "text/csv", strings.NewReader(good), int64(len(good)))
	r = waitImport(t, member, buyer.ID, r.body["id"].(string))
	if r.body["state"] != "done" || r.body["rows_imported"] != float64(2) || r.body["rows_unknown_supplier"] != float64(2) {
		t.Fatalf("good ledger: %s", r.raw)
	}
	list := member.expect(http.StatusOK, "GET", base+"?year=2026&supplier=unknown", nil).body["items"].([]any)
	if len(list) != 2 {
		t.Fatalf("purchases: %v", list)
	}
	purchaseID := list[0].(map[string]any)["id"].(string)
	member.expect(http.StatusNoContent, "PATCH", base+"/"+purchaseID, map[string]any{"labour_cost_percent": 40})
	r = member.expect(http.StatusUnprocessableEntity, "PATCH", base+"/"+purchaseID, map[string]any{"labour_cost_percent": 140})
	if !strings.Contains(r.raw, "body.labour_cost_percent") {
		t.Errorf("out of range percent: %s", r.raw)
	}

	levy := member.expect(http.StatusOK, "GET", base+"/levy-offset?country=FR&year=2026&contribution_cents=100000&employment_rate=3.5", nil)
	if levy.body["cap_percent"] != float64(75) || levy.body["cap_cents"] != float64(75000) || levy.body["offset_cents"] != float64(0) ||
		!strings.Contains(levy.body["source"].(string), "L5212-10-1") {
		t.Errorf("levy: %s", levy.raw)
	}
	member.expect(http.StatusUnprocessableEntity, "GET", base+"/levy-offset?country=BE&year=2026", nil)
	pdf := member.expect(http.StatusOK, "GET", base+"/levy-offset.pdf?country=DE&year=2026&contribution_cents=50000", nil, "Accept-Language", "de")
	if pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.raw, "%PDF-") {
		t.Errorf("PDF: %s %.20q", pdf.header.Get("Content-Type"), pdf.raw)
	}

	// Another buyer: its own organisation does not hold the import (404),
	// and the buyer's organisation is not its to read (403).
	outsider.expect(http.StatusNotFound, "GET", "/api/v1/organisations/"+other.ID+"/purchases/imports/"+id, nil)
	outsider.expect(http.StatusNotFound, "PATCH", "/api/v1/organisations/"+other.ID+"/purchases/"+purchaseID, map[string]any{"labour_cost_percent": 10})
	outsider.expect(http.StatusForbidden, "GET", base+"/imports/"+id, nil)
	outsider.expect(http.StatusForbidden, "GET", base, nil)

	// Not a ledger: refused on the field, before any job.
	pdfBody := "%PDF-1.4\x00\x01"
	r = member.send("POST", base+"/imports?filename=x.pdf", "application/pdf", strings.NewReader(pdfBody), int64(len(pdfBody)))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.raw, `"location":"body"`) {
		t.Errorf("a PDF: %d %s", r.status, r.raw)
	}
}
