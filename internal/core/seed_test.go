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

// TestSeedWithNUTS: with the reference regions loaded, every demonstration
// organisation has a full profile in a region of its country, checked
// legal identifiers, and an owner who can sign in.
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
	logins, err := core.Seed(t.Context(), db.Store, newObjectStore(t), true)
	if err != nil {
		t.Fatal(err)
	}
	countries := map[string]int{}
	kinds := map[domain.OrganisationKind]int{}
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
		if len(orgs) != 1 || orgs[0].Role != domain.RoleOwner {
			t.Fatalf("%s: organisations %+v", l.Email, orgs)
		}
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
	}
	for _, c := range []string{"FR", "DE", "BE", "LU"} {
		if countries[c] < 2 {
			t.Errorf("only %d demo organisations in %s", countries[c], c)
		}
	}
	for _, k := range []domain.OrganisationKind{domain.OrgSSESupplier, domain.OrgPublicBuyer, domain.OrgPrivateBuyer, domain.OrgCluster} {
		if kinds[k] == 0 {
			t.Errorf("no demo organisation of kind %s", k)
		}
	}
	// Every supplier has a status: verified ones count, one waits for a
	// moderator, one was rejected; each has its evidence document.
	states := map[domain.VerificationState]int{}
	for _, l := range logins {
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
	}
	if states[domain.VerificationVerified] < 5 || states[domain.VerificationPending] != 1 || states[domain.VerificationRejected] != 1 {
		t.Errorf("status states: %v", states)
	}
	// Seeding again with ifEmpty changes nothing.
	again, err := core.Seed(t.Context(), db.Store, nil, true)
	if err != nil || len(again) != 0 {
		t.Fatalf("second seed: %v %v", again, err)
	}
}
