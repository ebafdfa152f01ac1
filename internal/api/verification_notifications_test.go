package api

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// TestVerificationResultsNotified: a moderator's refusal, then
// verification, of an SSE status reach the supplier's owner in the app and
// by email, in their language, with the refusal's reason and the day the
// status stops counting.
func TestVerificationResultsNotified(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.notifiedSupplier(domain.LangDE)
	mod, _ := e.moderatorClient()
	base := "/api/v1/organisations/" + s.orgID + "/sse-statuses"
	validUntil := time.Now().UTC().AddDate(1, 0, 0)
	r := s.owner.expect(http.StatusCreated, "POST", base, map[string]any{"type": "fr_esat",
		"registration_number": "ESAT-57-0099", "valid_until": validUntil.Format(time.DateOnly)})
	id := r.body["id"].(string)
	up := s.owner.upload(s.orgID, "sse_evidence", "agrement.pdf", "application/pdf", bytes.NewReader(testPDF()))
	if up.status != http.StatusCreated {
		t.Fatalf("upload: %d %s", up.status, up.raw)
	}
	s.owner.expect(http.StatusOK, "PUT", base+"/"+id+"/evidence/"+up.body["id"].(string), nil)
	s.owner.expect(http.StatusOK, "POST", base+"/"+id+"/verification-request", nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/reject",
		map[string]any{"reason": "Die Nummer der Vereinbarung fehlt."})

	label := domain.SSEFrESAT.Label("de")
	msgs := e.mail.WaitFor(t, s.email, 1, 20*time.Second)
	if m := msgs[0]; !strings.Contains(m.Subject, "Ihr Status „"+label+"“ wurde nicht bestätigt") ||
		!strings.Contains(m.Text, "Die Nummer der Vereinbarung fehlt.") ||
		!strings.Contains(m.Text, "http://localhost:8080/workspace/supplier/statuses") {
		t.Fatalf("refusal email: %q\n%s", m.Subject, m.Text)
	}

	s.owner.expect(http.StatusOK, "POST", base+"/"+id+"/verification-request", nil)
	mod.expect(http.StatusOK, "POST", "/api/v1/moderation/sse-statuses/"+id+"/verify", nil)
	msgs = e.mail.WaitFor(t, s.email, 2, 20*time.Second)
	var verified bool
	for _, m := range msgs {
		if strings.Contains(m.Subject, "Ihr Status „"+label+"“ ist geprüft") {
			verified = strings.Contains(m.Text, validUntil.Format("02.01.2006"))
		}
	}
	if !verified {
		t.Fatalf("no verification email with the last day: %+v", msgs)
	}

	in := notificationItems(s.owner.expect(http.StatusOK, "GET", "/api/v1/me/notifications", nil))
	if len(in) != 2 || in[0]["category"] != "verification_results" || in[1]["category"] != "verification_results" ||
		!strings.Contains(in[0]["title"].(string), "ist geprüft") || !strings.Contains(in[1]["title"].(string), "nicht bestätigt") {
		t.Fatalf("in-app notifications: %v", in)
	}
}
