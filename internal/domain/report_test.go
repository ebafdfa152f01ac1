package domain

import (
	"strings"
	"testing"
)

func TestValidateReport(t *testing.T) {
	const id = "01936f3e-8a4b-7c2d-9e10-3f5a6b7c8d9e"
	codes := func(ve *ValidationError) string {
		var out []string
		for _, f := range ve.Fields {
			out = append(out, f.Field+":"+f.Code)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct {
		target ReportTarget
		id     string
		reason ReportReason
		note   string
		want   string
	}{
		{ReportOffer, id, ReasonSpam, "", ""},
		{ReportOrganisation, strings.ToUpper(id), ReasonNotSSE, "", ""},
		{ReportTender, id, ReasonOther, "  ", "body.note:required"},
		{ReportTender, id, ReasonOther, "Le lot 2 est fictif.", ""},
		{"user", "01936f3e8a4b7c2d9e103f5a6b7c8d9e", "boring", strings.Repeat("é", MaxReportNote+1),
			"body.target_type:invalid,body.target_id:invalid,body.reason:invalid,body.note:too_long"},
		{ReportOffer, id, ReasonFraud, strings.Repeat("é", MaxReportNote), ""},
	} {
		if got := codes(ValidateReport(c.target, c.id, c.reason, c.note)); got != c.want {
			t.Errorf("%s %s %s: %q, want %q", c.target, c.id, c.reason, got, c.want)
		}
	}
	for _, r := range ReportReasons() {
		for _, lang := range Languages {
			if r.Label().With()[lang] == "" {
				t.Errorf("reason %s has no %s label", r, lang)
			}
		}
	}
	if codes(ValidateResolution(ReportOpen, "")) != "body.outcome:invalid" || codes(ValidateResolution(ReportDismissed, "")) != "" {
		t.Error("resolution outcomes")
	}
}
