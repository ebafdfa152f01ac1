package core

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
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
// Initiative Emploi Minett's status expires within the month, for the
// expiry reminders; it still counts until then.
var demoStatuses = map[string]demoStatus{
	"esat.saulnois":       {domain.SSEFrESAT, "FINESS 570012345", 85, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"ea.lorraine":         {domain.SSEFrEA, "EA-57-2021-014", 62, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"aci.moselle":         {domain.SSEFrSIAEACI, "ACI-57-0231", 70, domain.VerificationPending, "", 365 * 24 * time.Hour},
	"wfbm.saar":           {domain.SSEDeWfbM, "BA-Anerkennung 66-0127", 0, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"inklusion.pfalz":     {domain.SSEDeInklusionsbetrieb, "IFD-RLP-2020-88", 41, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"eta.ardennes":        {domain.SSEBeETA, "AVIQ ETA 093", 78, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"maatwerk.brug":       {domain.SSEBeETA, "AVIQ ETA 117", 0, domain.VerificationRejected, "The approval attached expired in 2024: please upload the current AVIQ approval.", 365 * 24 * time.Hour},
	"atelier.suremoselle": {domain.SSELuAtelierProtege, "MFAMIGR AP-2019-07", 65, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"esat.previert":       {domain.SSEFrESAT, "FINESS 880007812", 88, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"ea.nancynum":         {domain.SSEFrEA, "EA-54-2019-032", 71, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"ei.tremplin":         {domain.SSEFrSIAEEI, "SIAE-55-EI-0042", 60, domain.VerificationVerified, "", 365 * 24 * time.Hour},
	"etti.alliance":       {domain.SSEFrSIAEETTI, "SIAE-54-ETTI-0007", 55, domain.VerificationVerified, "", 365 * 24 * time.Hour},
	"ai.coupdemain":       {domain.SSEFrSIAEAI, "SIAE-57-AI-0019", 80, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"geiq.proprete":       {domain.SSEFrGEIQ, "GEIQ-GE-2018-05", 0, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"scop.rempart":        {domain.SSEFrSCOP, "SCOP-CGSCOP-54-1187", 0, domain.VerificationVerified, "", 5 * 365 * 24 * time.Hour},
	"scic.nied":           {domain.SSEFrSCIC, "SCIC-57-2017-003", 0, domain.VerificationVerified, "", 5 * 365 * 24 * time.Hour},
	"esus.boisvie":        {domain.SSEFrESUS, "ESUS-88-2022-011", 35, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"wfbm.trier":          {domain.SSEDeWfbM, "BA-Anerkennung 54-0311", 0, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"wfbm.westpfalz":      {domain.SSEDeWfbM, "BA-Anerkennung 67-0208", 0, domain.VerificationVerified, "", 4 * 365 * 24 * time.Hour},
	"inklusion.mosel":     {domain.SSEDeInklusionsbetrieb, "IFD-RLP-2018-41", 36, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"inklusion.saarrad":   {domain.SSEDeInklusionsbetrieb, "IFD-SL-2021-12", 44, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"sozial.saarpfalz":    {domain.SSEDeSozialunternehmen, "SEND-SL-2023-09", 52, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"ggmbh.hunsrueck":     {domain.SSEDeGemeinnuetzig, "FA Idar-Oberstein 06/652/1234", 0, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"eta.namur":           {domain.SSEBeETA, "AVIQ ETA 058", 82, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"ei.liege":            {domain.SSEBeEntrepriseInsertion, "EI-W-2020-114", 58, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"coop.terretable":     {domain.SSEBeCooperativeAgreee, "CNC-2019-0451", 0, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"sozial.ostbelgien":   {domain.SSEBeEntrepriseSociale, "DG-SU-2021-07", 40, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"maatwerk.haspengouw": {domain.SSEBeETA, "AVIQ ETA 131", 75, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"sis.kirchberg":       {domain.SSELuSIS, "SIS-2020-018", 45, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
	"atelier.nordstad":    {domain.SSELuAtelierProtege, "MFAMIGR AP-2016-03", 70, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"initiative.minett":   {domain.SSELuInitiativeSocialeEmploi, "ISE-MTEESS-2019-22", 65, domain.VerificationVerified, "", 20 * 24 * time.Hour},
	"fondation.jardins":   {domain.SSELuAssociationFondation, "G312 - reconnaissance MFAMIGR 2015", 50, domain.VerificationVerified, "", 3 * 365 * 24 * time.Hour},
	"sis.mersch":          {domain.SSELuSIS, "SIS-2022-031", 38, domain.VerificationVerified, "", 2 * 365 * 24 * time.Hour},
}

// seedStatuses gives each demonstration supplier its status, with an
// evidence document, through the same use cases as the API; the cluster's
// moderator decides.
func seedStatuses(ctx context.Context, w *demoWorld) error {
	docs := NewDocuments(w.st, w.objects, 0, time.Now)
	sse := NewSSEStatuses(w.st, time.Now)
	states := map[domain.VerificationState]int{}
	for _, d := range demoOrgs {
		spec, ok := demoStatuses[d.user]
		if !ok {
			continue
		}
		o := w.orgs[d.user]
		actor, p := o.owner()
		pdf := demoPDF("Attestation - "+d.name, []string{
			"Demonstration document: not a real attestation.",
			"Status: " + string(spec.typ) + ", number " + spec.number + ".",
			"Organisation: " + d.name + " (" + d.country + ").",
		})
		doc, err := docs.Upload(ctx, actor, p, o.org.ID, domain.DocSSEEvidence, "attestation-"+string(spec.typ)+".pdf", "application/pdf", bytes.NewReader(pdf))
		if err != nil {
			return fmt.Errorf("seed evidence of %s: %w", d.name, err)
		}
		f := domain.SSEStatusFields{Type: spec.typ, RegistrationNumber: spec.number, ValidUntil: time.Now().Add(spec.validFor)}
		if spec.share > 0 {
			share, measured := spec.share, time.Now().AddDate(0, -2, 0)
			f.DisabledShare, f.ShareMeasuredOn = &share, &measured
		}
		status, err := sse.Create(ctx, actor, p, o.org.ID, f)
		if err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		if _, err := sse.AttachEvidence(ctx, actor, p, o.org.ID, status.ID, doc.ID); err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		if _, err := sse.RequestVerification(ctx, actor, p, o.org.ID, status.ID); err != nil {
			return fmt.Errorf("seed status of %s: %w", d.name, err)
		}
		switch spec.outcome {
		case domain.VerificationVerified:
			_, err = sse.Verify(ctx, w.modActor, w.moderator, status.ID)
		case domain.VerificationRejected:
			_, err = sse.Reject(ctx, w.modActor, w.moderator, status.ID, spec.reason)
		}
		if err != nil {
			return fmt.Errorf("seed decision on %s: %w", d.name, err)
		}
		states[spec.outcome]++
	}
	for _, s := range []domain.VerificationState{domain.VerificationVerified, domain.VerificationPending, domain.VerificationRejected} {
		w.count("SSE statuses "+string(s), states[s])
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
