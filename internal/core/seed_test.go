package core_test

import (
	"os"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
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
	start := time.Now()
	summary, err := core.Seed(t.Context(), db.Store, newObjectStore(t), true)
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
	// Seeding again with ifEmpty changes nothing.
	again, err := core.Seed(t.Context(), db.Store, nil, true)
	if err != nil || len(again.Logins) != 0 {
		t.Fatalf("second seed: %v %v", again, err)
	}
}
