package core

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// demoStatus is the SSE status of a demonstration supplier, and where its
// verification stands: most are verified, one waits in the moderators'
// queue, one was rejected, so that every screen has something to show.
type demoStatus struct {
	typ      domain.SSEStatusType
	number   string
	share    float64 // percent of disabled or disadvantaged workers; 0 = not given
	outcome  domain.VerificationState
	reason   string // for a rejection
	validFor time.Duration
}

// demoStatuses are keyed by the demo user of the supplier (demoOrg.user).
var demoStatuses = map[string]demoStatus{
	"esat.saulnois":       {domain.SSEFrESAT, "FINESS 570012345", 85, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"ea.lorraine":         {domain.SSEFrEA, "EA-57-2021-014", 62, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"aci.moselle":         {domain.SSEFrSIAEACI, "ACI-57-0231", 70, domain.VerificationPending, "", 365 * 24 * time.Hour},
	"wfbm.saar":           {domain.SSEDeWfbM, "BA-Anerkennung 66-0127", 0, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"inklusion.pfalz":     {domain.SSEDeInklusionsbetrieb, "IFD-RLP-2020-88", 41, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"eta.ardennes":        {domain.SSEBeETA, "AVIQ ETA 093", 78, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"maatwerk.brug":       {domain.SSEBeETA, "AVIQ ETA 117", 0, domain.VerificationRejected, "The approval attached expired in 2024: please upload the current AVIQ approval.", 365 * 24 * time.Hour},
	"atelier.suremoselle": {domain.SSELuAtelierProtege, "MFAMIGR AP-2019-07", 65, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
}

// seedStatuses gives each demonstration supplier its status, with an
// evidence document, through the same use cases as the API; the cluster's
// moderator decides.
func seedStatuses(ctx context.Context, st *store.Store, objects *blob.Store, orgs map[string]seededOrg, moderator domain.Principal) error {
	docs := NewDocuments(st, objects, 0, time.Now)
	sse := NewSSEStatuses(st, time.Now)
	modActor := Actor{UserID: moderator.UserID, PlatformRole: moderator.PlatformRole}
	for _, d := range demoOrgs {
		spec, ok := demoStatuses[d.user]
		if !ok {
			continue
		}
		o := orgs[d.user]
		actor := Actor{UserID: o.ownerID, PlatformRole: domain.PlatformUser}
		p := domain.Principal{UserID: o.ownerID, PlatformRole: domain.PlatformUser,
			Memberships: map[string]domain.MembershipRole{o.id: domain.RoleOwner}, ActiveOrganisationID: o.id}
		pdf := demoPDF("Attestation - "+d.name, []string{
			"Demonstration document: not a real attestation.",
			"Status: " + string(spec.typ) + ", number " + spec.number + ".",
			"Organisation: " + d.name + " (" + d.country + ").",
		})
		doc, err := docs.Upload(ctx, actor, p, o.id, domain.DocSSEEvidence, "attestation-"+string(spec.typ)+".pdf", "application/pdf", bytes.NewReader(pdf))
		if err != nil {
			return fmt.Errorf("seed evidence of %s: %w", d.name, err)
		}
		f := domain.SSEStatusFields{Type: spec.typ, RegistrationNumber: spec.number, ValidUntil: time.Now().Add(spec.validFor)}
		if spec.share > 0 {
			share, measured := spec.share, time.Now().AddDate(0, -2, 0)
			f.DisabledShare, f.ShareMeasuredOn = &share, &measured
		}
		status, err := sse.Create(ctx, actor, p, o.id, f)
		if err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		if _, err := sse.AttachEvidence(ctx, actor, p, o.id, status.ID, doc.ID); err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		if _, err := sse.RequestVerification(ctx, actor, p, o.id, status.ID); err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		switch spec.outcome {
		case domain.VerificationVerified:
			_, err = sse.Verify(ctx, modActor, moderator, status.ID)
		case domain.VerificationRejected:
			_, err = sse.Reject(ctx, modActor, moderator, status.ID, spec.reason)
		}
		if err != nil {
			return fmt.Errorf("seed decision on %s: %w", d.name, err)
		}
	}
	return nil
}

// demoPDF is a one-page PDF showing a title and lines of ASCII text: a
// real file, so that sniffing, storage and the evidence viewer work on the
// demonstration data as on uploads.
func demoPDF(title string, lines []string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	var text strings.Builder
	text.WriteString("BT /F1 16 Tf 56 780 Td (" + esc.Replace(asciiOnly(title)) + ") Tj /F1 11 Tf")
	for _, l := range lines {
		text.WriteString(" 0 -22 Td (" + esc.Replace(asciiOnly(l)) + ") Tj")
	}
	text.WriteString(" ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", text.Len(), text.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// transliterate spells the accented letters of the demo names in ASCII.
var transliterate = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ç", "c", "î", "i", "ï", "i",
	"ô", "o", "û", "u", "ù", "u", "ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "É", "E", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "’", "'")

// asciiOnly replaces what the PDF's standard font encoding cannot show.
func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, transliterate.Replace(s))
}
