package core_test

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy"
	"passerelle/internal/taxonomy/taxonomytest"
)

// TestSeedWithNUTS: with the reference regions and CPV codes loaded, every
// demonstration organisation has a full profile in a region of its country,
// checked and unique legal identifiers, and an owner who can sign in; the
// suppliers' offers are written in the four languages, classified, and
// published only for suppliers whose status counts.
func TestSeedWithNUTS(t *testing.T) {
	db := storetest.New(t)
	f, err := os.Open(taxonomytest.DataFile(t, "nuts_grande_region.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	regions, err := taxonomy.ReadNUTS(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.ImportNUTS(t.Context(), db.Store, regions); err != nil {
		t.Fatal(err)
	}
	cf, err := os.Open(taxonomytest.DataFile(t, "cpv_2008_multilingual.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	codes, err := taxonomy.ReadCPV(cf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.ImportCPV(t.Context(), db.Store, codes); err != nil {
		t.Fatal(err)
	}
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	summary, err := core.Seed(t.Context(), db.Store, newObjectStore(t), runner, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seeded in %s: %+v", time.Since(start), summary.Figures)
	logins := summary.Logins
	countries := map[string]int{}
	kinds := map[domain.OrganisationKind]int{}
	identifiers := map[string]string{}
	var owners []core.DemoLogin
	members := 0
	for _, l := range logins {
		u, err := db.Store.GetUserByEmail(t.Context(), l.Email)
		if err != nil || u.EmailVerifiedAt == nil {
			t.Fatalf("%s: %v (verified %v)", l.Email, err, u.EmailVerifiedAt)
		}
		orgs, err := db.Store.ListOrganisationsByMember(t.Context(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l.Organisation == "" {
			if u.PlatformRole != domain.PlatformAdmin || len(orgs) != 0 {
				t.Errorf("%s: the admin belongs to no organisation", l.Email)
			}
			continue
		}
		if len(orgs) != 1 {
			t.Fatalf("%s: organisations %+v", l.Email, orgs)
		}
		if orgs[0].Role != domain.RoleOwner {
			members++
			continue
		}
		owners = append(owners, l)
		o, err := db.Store.GetOrganisation(t.Context(), orgs[0].Organisation.ID)
		if err != nil {
			t.Fatal(err)
		}
		countries[o.Country]++
		kinds[o.Kind]++
		region, err := db.Store.GetNUTSRegion(t.Context(), o.NUTS3)
		if err != nil || region.Country != o.Country || region.Level != 3 || !region.Assignable() {
			t.Errorf("%s: NUTS 3 %q: %+v %v", o.LegalName, o.NUTS3, region, err)
		}
		if o.Town == "" || o.Postcode == "" || o.Location == nil || len(o.Descriptions) == 0 || len(o.Languages) == 0 {
			t.Errorf("%s: incomplete profile %+v", o.LegalName, o)
		}
		if _, ve := domain.NormalizeOrganisation(o); ve.Err() != nil {
			t.Errorf("%s: stored profile does not validate: %v", o.LegalName, ve.Err())
		}
		for _, id := range o.Identifiers {
			key := string(id.Kind) + " " + id.Value
			if other, dup := identifiers[key]; dup {
				t.Errorf("%s and %s share the identifier %s", other, o.LegalName, key)
			}
			identifiers[key] = o.LegalName
		}
	}
	if len(owners) < 40 || members < 5 {
		t.Errorf("%d organisations, %d second members", len(owners), members)
	}
	for _, c := range []string{"FR", "DE", "BE", "LU"} {
		if countries[c] < 8 {
			t.Errorf("only %d demo organisations in %s", countries[c], c)
		}
	}
	for k, least := range map[domain.OrganisationKind]int{domain.OrgSSESupplier: 30, domain.OrgPublicBuyer: 5, domain.OrgPrivateBuyer: 4, domain.OrgCluster: 1} {
		if kinds[k] < least {
			t.Errorf("no demo organisation of kind %s", k)
		}
	}
	// Every supplier has a status: verified ones count, one waits for a
	// moderator, one was rejected, one expires within 30 days; each has its
	// evidence document. Offers are in the four languages; those published
	// belong to suppliers whose status counts.
	states := map[domain.VerificationState]int{}
	offerStates := map[domain.OfferState]int{}
	languages := map[domain.Language]int{}
	areas := map[domain.AreaMode]int{}
	translated := 0
	statusTypes := map[domain.SSEStatusType]bool{}
	expiring := 0
	for _, l := range owners {
		u, _ := db.Store.GetUserByEmail(t.Context(), l.Email)
		orgs, _ := db.Store.ListOrganisationsByMember(t.Context(), u.ID)
		if len(orgs) == 0 || orgs[0].Organisation.Kind != domain.OrgSSESupplier {
			continue
		}
		statuses, err := db.Store.ListSSEStatuses(t.Context(), orgs[0].Organisation.ID)
		if err != nil || len(statuses) != 1 {
			t.Fatalf("%s: statuses %+v %v", l.Organisation, statuses, err)
		}
		s := statuses[0]
		states[s.State]++
		if len(s.EvidenceIDs) != 1 {
			t.Errorf("%s: evidence %v", l.Organisation, s.EvidenceIDs)
		}
		if s.Counts(time.Now()) != (s.State == domain.VerificationVerified) {
			t.Errorf("%s: %s status counts = %v", l.Organisation, s.State, s.Counts(time.Now()))
		}
		statusTypes[s.Type] = true
		if s.Counts(time.Now()) && s.ValidUntil.Before(time.Now().AddDate(0, 0, 30)) {
			expiring++
		}
		offers, next, err := db.Store.ListOffersByOrganisation(t.Context(), orgs[0].Organisation.ID, domain.OfferStates(), "", 100)
		if err != nil || next != "" {
			t.Fatal(err, next)
		}
		if len(offers) < 3 || len(offers) > 5 {
			t.Errorf("%s: %d offers", l.Organisation, len(offers))
		}
		for _, o := range offers {
			offerStates[o.State]++
			if o.State != domain.OfferPublished {
				continue
			}
			if !s.Counts(time.Now()) {
				t.Errorf("%s: offer %q published without a counting status", l.Organisation, o.Title)
			}
			languages[o.Language]++
			areas[o.Area.Mode]++
			if len(o.Translations) > 0 {
				translated++
			}
			for _, tr := range o.Translations {
				languages[tr.Lang]++
			}
			if len(o.Sectors) == 0 || len(o.CPVCodes) == 0 || o.Price.AmountCents == nil || o.LeadTimeDays == nil || o.Capacity == "" {
				t.Errorf("%s: incomplete offer %+v", l.Organisation, o.OfferFields)
			}
			for _, c := range o.CPVCodes {
				if len(taxonomy.SectorsForCPV(c)) == 0 {
					t.Errorf("%s: CPV code %s of %q matches no sector", l.Organisation, c, o.Title)
				}
			}
		}
	}
	if states[domain.VerificationVerified] < 25 || states[domain.VerificationPending] != 1 || states[domain.VerificationRejected] != 1 || expiring != 1 {
		t.Errorf("status states: %v, %d expiring within 30 days", states, expiring)
	}
	if len(statusTypes) < 18 {
		t.Errorf("only %d kinds of SSE status: %v", len(statusTypes), statusTypes)
	}
	total := 0
	for _, n := range offerStates {
		total += n
	}
	if total < 120 || offerStates[domain.OfferPublished] < 100 || offerStates[domain.OfferPending] < 2 ||
		offerStates[domain.OfferChangesRequested] != 1 || offerStates[domain.OfferDraft] < 3 {
		t.Errorf("offers: %v", offerStates)
	}
	if areas[domain.AreaCountry] < 10 || areas[domain.AreaRadius] < 10 || areas[domain.AreaRegions] < 10 || translated < 30 {
		t.Errorf("areas of published offers %v, %d translated", areas, translated)
	}
	for _, lang := range []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL} {
		if languages[lang] < 5 {
			t.Errorf("published offers in %s: %d (%v)", lang, languages[lang], languages)
		}
	}
	checkSeededTenders(t, db, runner, owners)
	checkSeededRouting(t, db)
	checkSeededConvention(t, db)
	// Seeding again with ifEmpty changes nothing.
	again, err := core.Seed(t.Context(), db.Store, nil, runner, true)
	if err != nil || len(again.Logins) != 0 {
		t.Fatalf("second seed: %v %v", again, err)
	}
}

// checkSeededTenders: the buyers' tenders number 30 or more, in the four
// languages, in every state the screens show; every lot validates for its
// buyer's country, and together they carry reserved lots under the French
// and German bases, insertion clauses and social award criteria. Published
// tenders are public and will close at their deadline (a job each); a
// seeded supplier is eligible for a reserved lot, another is not; the
// answered questions are public, the responses sealed from the buyer.
func checkSeededTenders(t *testing.T, db *storetest.DB, runner *jobs.Runner, owners []core.DemoLogin) {
	t.Helper()
	ctx := t.Context()
	tenders := core.NewTenders(db.Store, runner, time.Now, core.TendersConfig{})
	responses := core.NewResponses(db.Store, time.Now)
	// principal is the owner of the organisation of login, acting for it.
	principal := func(login string) (domain.Principal, domain.Organisation) {
		t.Helper()
		u, err := db.Store.GetUserByEmail(ctx, login+"@demo.passerelle.example")
		if err != nil {
			t.Fatal(login, err)
		}
		orgs, err := db.Store.ListOrganisationsByMember(ctx, u.ID)
		if err != nil || len(orgs) != 1 {
			t.Fatal(login, orgs, err)
		}
		o := orgs[0].Organisation
		return domain.Principal{UserID: u.ID, PlatformRole: u.PlatformRole, ActiveOrganisationID: o.ID,
			Memberships: map[string]domain.MembershipRole{o.ID: orgs[0].Role}}, o
	}
	now := time.Now()
	states := map[domain.TenderState]int{}
	kinds := map[domain.TenderKind]int{}
	languages := map[domain.Language]int{}
	bases := map[domain.LegalBasis]int{}
	insertions, socialCriteria, combined := 0, 0, 0
	var published []domain.Tender
	var reservedFR *domain.Tender
	var reservedFRLot string
	for _, l := range owners {
		buyer, org := principal(strings.TrimSuffix(l.Email, "@demo.passerelle.example"))
		if org.Kind != domain.OrgPublicBuyer && org.Kind != domain.OrgPrivateBuyer {
			continue
		}
		page, next, err := db.Store.ListTendersByOrganisation(ctx, org.ID, "", 100)
		if err != nil || next != "" {
			t.Fatal(err, next)
		}
		if len(page) < 3 {
			t.Errorf("%s: %d tenders", org.LegalName, len(page))
		}
		for _, p := range page {
			tn, err := db.Store.GetTender(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			title := tn.Original().Title
			if tn.State == domain.TenderAwarded {
				continue // the past purchases of seed_impact.go (TestSeedImpact)
			}
			states[tn.State]++
			kinds[tn.Kind]++
			languages[tn.OriginalLanguage]++
			if !tn.ResponsesDeadline.After(now) || tn.QuestionsDeadline.After(tn.ResponsesDeadline) || tn.PlaceTown == "" ||
				len(tn.ResponseLanguages) == 0 || tn.Original().Description == "" {
				t.Errorf("%s: tender %q: %+v", org.LegalName, title, tn)
			}
			if len(tn.Lots) < 1 || len(tn.Lots) > 3 {
				t.Errorf("%q: %d lots", title, len(tn.Lots))
			}
			for _, lot := range tn.Lots {
				if err := domain.ValidateLot(lot, domain.ClauseContext{BuyerCountry: org.Country}, "").Err(); err != nil {
					t.Errorf("%q, lot %q does not validate: %v", title, lot.Title, err)
				}
				if len(lot.CPV) == 0 || lot.Description == "" {
					t.Errorf("%q, lot %q: CPV %v", title, lot.Title, lot.CPV)
				}
				c := lot.Clauses
				for _, b := range c.LegalBases {
					bases[b]++
				}
				if len(c.LegalBases) == 2 {
					combined++
				}
				if c.Insertion != nil {
					insertions++
				}
				for _, a := range c.AwardCriteria {
					if a.Social {
						socialCriteria++
					}
				}
				if tn.State == domain.TenderPublished && reservedFR == nil && len(c.LegalBases) == 1 && c.LegalBases[0] == domain.BasisFRL211312 {
					reservedFR, reservedFRLot = &tn, lot.ID
				}
			}
			if tn.State == domain.TenderPublished {
				published = append(published, tn)
			}
			// The buyer sees its own tenders whatever their state.
			if _, err := tenders.Get(ctx, buyer, tn.ID); err != nil {
				t.Errorf("%s reading its tender %q: %v", org.LegalName, title, err)
			}
		}
	}
	total := 0
	for _, n := range states {
		total += n
	}
	if total < 30 || states[domain.TenderPublished] < 20 || states[domain.TenderPending] < 2 ||
		states[domain.TenderChangesRequested] != 1 || states[domain.TenderDraft] != 1 {
		t.Errorf("tenders: %v", states)
	}
	if len(kinds) != 3 {
		t.Errorf("tender kinds: %v", kinds)
	}
	for _, lang := range []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL} {
		if languages[lang] < 2 {
			t.Errorf("tenders written in %s: %d (%v)", lang, languages[lang], languages)
		}
	}
	if bases[domain.BasisFRL211312] < 3 || bases[domain.BasisDEGWB118] < 3 || bases[domain.BasisBE2016Art15] < 1 ||
		bases[domain.BasisLU2018Art20] < 1 || bases[domain.BasisFRL211315] != 1 || combined < 1 || insertions < 5 || socialCriteria < 20 {
		t.Errorf("legal bases %v, %d combined, %d insertion clauses, %d social criteria", bases, combined, insertions, socialCriteria)
	}
	// Published tenders are public, and each has its closing job.
	for _, tn := range published {
		if _, err := tenders.Get(ctx, domain.Principal{}, tn.ID); err != nil {
			t.Errorf("anonymous reading %q: %v", tn.Original().Title, err)
		}
	}
	var closeJobs int
	if err := db.Store.Pool().QueryRow(ctx, "SELECT count(DISTINCT args->>'tender_id') FROM river_job WHERE kind = 'close_tender'").Scan(&closeJobs); err != nil {
		t.Fatal(err)
	}
	if closeJobs != len(published) {
		t.Errorf("%d tenders scheduled to close, %d published", closeJobs, len(published))
	}
	// An ESAT with 88 % disabled workers may take part in a lot reserved
	// under L2113-12; a workers' cooperative may not.
	if reservedFR == nil {
		t.Fatal("no published lot reserved under FR_L2113_12 alone")
	}
	for login, want := range map[string]domain.EligibilityResult{"esat.previert": domain.Eligible, "scop.rempart": domain.NotEligible} {
		p, _ := principal(login)
		v, err := tenders.Get(ctx, p, reservedFR.ID)
		if err != nil || v.Eligibility[reservedFRLot].Result != want {
			t.Errorf("%s on %q: %+v %v", login, reservedFR.Original().Title, v.Eligibility[reservedFRLot], err)
		}
	}
	// Answered questions are public; a sent response is sealed from the
	// buyer until the deadline, and listed by its author.
	answered := 0
	for _, tn := range published {
		qs, _, err := tenders.Questions(ctx, domain.Principal{}, tn.ID, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if q.Question.Answer == "" || q.ShowAsker {
				t.Errorf("anonymous sees %+v", q)
			}
			answered++
		}
	}
	if answered < 3 {
		t.Errorf("%d answered questions", answered)
	}
	supplier, supplierOrg := principal("esat.previert")
	own, _, err := responses.ListOwn(ctx, supplier, supplierOrg.ID, "", 0)
	if err != nil || len(own) != 1 || own[0].State != domain.ResponseSubmitted {
		t.Fatalf("esat.previert's responses: %+v %v", own, err)
	}
	buyer, _ := principal("achats.valdorne")
	if _, _, err := responses.Get(ctx, core.Actor{UserID: buyer.UserID}, buyer, own[0].ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the buyer reads a sealed response: %v", err)
	}
}

// checkSeededRouting: the published demo tenders were routed to their
// first batch of suppliers, who were notified; some answered, and their
// buyers were told of the first interested suppliers.
func checkSeededRouting(t *testing.T, db *storetest.DB) {
	t.Helper()
	var routes, interested, declined, needNotes, milestoneNotes, unpublished int
	if err := db.Store.Pool().QueryRow(t.Context(), `SELECT
		  (SELECT count(*) FROM lot_routes),
		  (SELECT count(*) FROM lot_routes WHERE answer = 'interested'),
		  (SELECT count(*) FROM tender_not_interested WHERE decline_reason IS NOT NULL),
		  (SELECT count(*) FROM notifications WHERE category = 'new_matching_need'),
		  (SELECT count(*) FROM notifications WHERE category = 'tender_interest'),
		  (SELECT count(*) FROM lot_routes r JOIN tenders t ON t.id = r.tender_id WHERE t.published_at IS NULL)`).
		Scan(&routes, &interested, &declined, &needNotes, &milestoneNotes, &unpublished); err != nil {
		t.Fatal(err)
	}
	if routes < 20 || interested < 5 || declined < 1 || needNotes < routes/2 || milestoneNotes < 2 || unpublished != 0 {
		t.Errorf("demo routing: %d routes (%d to tenders not published), %d interested, %d declined, %d need notifications, %d milestone notifications",
			routes, unpublished, interested, declined, needNotes, milestoneNotes)
	}
}
