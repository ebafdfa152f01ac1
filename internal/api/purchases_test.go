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

// TestSameLedgerTwiceAndDeletingAnImport: the same file again is 409 with
// a message naming the earlier import (date, file name) in the request's
// language; another file repeating an invoice is imported with the
// repeated row counted as a warning; deleting an import (members only,
// 404 through another organisation, audited) removes its purchases from
// the figures and lets the file be imported again.
func TestSameLedgerTwiceAndDeletingAnImport(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	buyer := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer, Country: "FR"})
	member := e.as(e.db.User(t, storetest.UserOptions{Organisation: buyer.ID, Role: domain.RoleMember}).ID)
	other := e.db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	outsider := e.as(e.db.User(t, storetest.UserOptions{Organisation: other.ID}).ID)
	base := "/api/v1/organisations/" + buyer.ID + "/purchases"
	upload := func(name, body string, headers ...string) response {
		t.Helper()
		return member.send("POST", base+"/imports?filename="+name, "text/csv", strings.NewReader(body), int64(len(body)), headers...)
	}
	total := func() float64 {
		t.Helper()
		items := member.expect(http.StatusOK, "GET", base+"/sse-share", nil).body["items"].([]any)
		if len(items) == 0 {
			return 0
		}
		return items[0].(map[string]any)["total_cents"].(float64)
	}

	first := "supplier;amount;date;category;invoice\n81234567600009;10,00;2026-01-05;ok;F-1\n81234567600009;20,00;2026-01-06;ok;F-2\n"
	r := upload("janvier.csv", first)
	firstID := r.body["id"].(string)
	if r = waitImport(t, member, buyer.ID, firstID); r.body["state"] != "done" || r.body["rows_duplicate"] != float64(0) {
		t.Fatalf("first import: %s", r.raw)
	}
	if got := total(); got != 3000 {
		t.Fatalf("total %v after the first import", got)
	}

	again := upload("copie.csv", first, "Accept-Language", "fr")
	if again.status != http.StatusConflict {
		t.Fatalf("the same file again: %d %s", again.status, again.raw)
	}
	day := time.Now().UTC().Format("02/01/2006")
	if d, _ := again.body["detail"].(string); !strings.Contains(d, "janvier.csv") || !strings.Contains(d, day) || !strings.Contains(d, "déjà") {
		t.Errorf("409 detail %q: want the earlier import's name and date (%s), in French", d, day)
	}
	if got := total(); got != 3000 {
		t.Errorf("total %v after the refused upload", got)
	}

	// Another file repeating invoice F-2: imported, with a warning.
	second := "supplier;amount;date;category;invoice\n81234567600009;20,00;2026-01-06;ok;F-2\n81234567600009;30,00;2026-01-07;ok;F-3\n"
	r = upload("fevrier.csv", second)
	secondID := r.body["id"].(string)
	if r = waitImport(t, member, buyer.ID, secondID); r.body["state"] != "done" || r.body["rows_duplicate"] != float64(1) {
		t.Fatalf("second import: %s", r.raw)
	}
	if got := total(); got != 8000 {
		t.Fatalf("total %v after the second import", got)
	}

	// Deleting: not through another organisation, nor by an outsider.
	outsider.expect(http.StatusNotFound, "DELETE", "/api/v1/organisations/"+other.ID+"/purchases/imports/"+firstID, nil)
	outsider.expect(http.StatusForbidden, "DELETE", base+"/imports/"+firstID, nil)
	member.expect(http.StatusNoContent, "DELETE", base+"/imports/"+firstID, nil)
	member.expect(http.StatusNotFound, "GET", base+"/imports/"+firstID, nil)
	member.expect(http.StatusNotFound, "DELETE", base+"/imports/"+firstID, nil)
	if got := total(); got != 5000 {
		t.Errorf("total %v after deleting the first import, want the second's 50.00", got)
	}
	if n := len(member.expect(http.StatusOK, "GET", base, nil).body["items"].([]any)); n != 2 {
		t.Errorf("%d purchases left, want 2", n)
	}
	if r := waitImport(t, member, buyer.ID, secondID); r.body["rows_duplicate"] != float64(0) {
		t.Errorf("the second import still warns: %s", r.raw)
	}
	var audited int
	if err := e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM audit_log WHERE action = 'purchases.import_deleted'
		AND subject_id = $1 AND organisation_id = $2 AND before->>'filename' = 'janvier.csv'`, firstID, buyer.ID).Scan(&audited); err != nil || audited != 1 {
		t.Errorf("audit entries: %d, %v", audited, err)
	}

	// Deleted, the file may be imported again.
	if r := upload("janvier.csv", first); r.status != http.StatusAccepted {
		t.Errorf("the deleted import's file again: %d %s", r.status, r.raw)
	}
}
