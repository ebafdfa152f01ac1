package api

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// The impact routes: the same JSON for the cluster and a buyer, scoped to
// the buyer's own purchases, 404 for another organisation, the filters'
// errors on their fields, and the downloads with their content types.
func TestImpactRoutes(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	w := e.db.ImpactFixture(t)
	mod := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	buyer := e.as(e.db.User(t, storetest.UserOptions{Organisation: w.BuyerFR.ID, Role: domain.RoleMember}).ID)
	period := "?from=2026-01-01&to=2026-06-30"

	r := mod.expect(http.StatusOK, "GET", "/api/v1/impact"+period, nil, "Accept-Language", "fr")
	total := r.body["total"].(map[string]any)
	if total["amount_cents"] != 5500000.0 || total["count"] != 5.0 || r.body["scope"] != "cluster" {
		t.Errorf("cluster total %v scope %v", total, r.body["scope"])
	}
	countries := r.body["by_country"].([]any)
	if first := countries[0].(map[string]any); first["key"] != "DE" || first["label"] != "Allemagne" || first["amount_cents"] != 3500000.0 {
		t.Errorf("first country %v", first)
	}
	if r.body["cross_border_share_by_amount"] != 0.7273 || r.body["first_interest"].(map[string]any)["p90_hours"] != 8.8 {
		t.Errorf("share %v first interest %v", r.body["cross_border_share_by_amount"], r.body["first_interest"])
	}

	r = buyer.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.BuyerFR.ID+"/impact"+period, nil)
	if total := r.body["total"].(map[string]any); total["amount_cents"] != 4800000.0 || r.body["scope"] != "organisation" ||
		r.body["organisation_id"] != w.BuyerFR.ID {
		t.Errorf("buyer figures: total %v scope %v", total, r.body["scope"])
	}
	if m := r.body["meetings"].(map[string]any); m["held"] != 2.0 || m["deals"] != 1.0 {
		t.Errorf("buyer meetings %v", m)
	}
	buyer.expect(http.StatusNotFound, "GET", "/api/v1/organisations/"+w.BuyerDE.ID+"/impact", nil)
	buyer.expect(http.StatusNotFound, "GET", "/api/v1/organisations/"+w.BuyerDE.ID+"/impact.csv", nil)
	buyer.expect(http.StatusForbidden, "GET", "/api/v1/impact", nil)

	r = mod.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/impact?from=2026-05-01&to=2026-04-30", nil, "Accept-Language", "de")
	errs := r.body["errors"].([]any)
	if e0 := errs[0].(map[string]any); len(errs) != 1 || e0["location"] != "query.to" || !strings.Contains(e0["message"].(string), "Zeitraum") {
		t.Errorf("errors %v", errs)
	}
	mod.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/impact?country=fr", nil)
	// More than 120 months: refused on both ends, not cut.
	r = mod.expect(http.StatusUnprocessableEntity, "GET", "/api/v1/impact?from=2010-01-01&to=2026-06-30", nil, "Accept-Language", "nl")
	errs = r.body["errors"].([]any)
	if len(errs) != 2 || errs[0].(map[string]any)["location"] != "query.from" || errs[1].(map[string]any)["location"] != "query.to" ||
		!strings.Contains(errs[0].(map[string]any)["message"].(string), "120 maanden") {
		t.Errorf("period too long: errors %v", errs)
	}

	r = buyer.expect(http.StatusOK, "GET", "/api/v1/organisations/"+w.BuyerFR.ID+"/impact.csv"+period, nil)
	if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("CSV content type %q", ct)
	}
	if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".csv") {
		t.Errorf("CSV disposition %q", cd)
	}
	records, err := csv.NewReader(strings.NewReader(r.raw)).ReadAll()
	if err != nil || records[1][0] != "purchases_amount" || records[1][4] != "48000.00" {
		t.Errorf("CSV %v %v", records[:2], err)
	}

	r = mod.expect(http.StatusOK, "GET", "/api/v1/impact.xlsx"+period, nil)
	if ct := r.header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("XLSX content type %q", ct)
	}
	x, err := excelize.OpenReader(bytes.NewReader([]byte(r.raw)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = x.Close() }()
	if v, _ := x.GetCellValue("Summary", "B2", excelize.Options{RawCellValue: true}); v != "55000" {
		t.Errorf("XLSX total %q", v)
	}

	r = mod.expect(http.StatusOK, "GET", "/api/v1/impact.pdf"+period, nil)
	if ct := r.header.Get("Content-Type"); ct != "application/pdf" || !strings.HasPrefix(r.raw, "%PDF-") {
		t.Errorf("PDF content type %q, starts %q", ct, r.raw[:min(8, len(r.raw))])
	}
}
