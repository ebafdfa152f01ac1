package core_test

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store/storetest"
)

// TestSeedImpact: the demonstration's past purchases give the impact
// dashboards something to show: the cluster's nine awards across borders,
// and each demonstration buyer its own.
func TestSeedImpact(t *testing.T) {
	db := storetest.New(t)
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.Seed(t.Context(), db.Store, newObjectStore(t), runner, true); err != nil {
		t.Fatal(err)
	}
	impact := core.NewImpact(db.Store, time.Now)
	mod := domain.Principal{UserID: "m", PlatformRole: domain.PlatformModerator}
	rep, err := impact.Cluster(t.Context(), mod, core.ImpactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Figures
	if f.Awards.Count != 9 || f.Awards.AmountCents != (42000+18500+27600+9800+31000+12400+54000+7400+38900)*100 {
		t.Errorf("awards %+v", f.Awards)
	}
	if f.CrossBorder.Count < 4 || len(f.ByCountry) < 4 || len(f.ByMonth) < 6 || f.MedianHoursToInterest == nil || f.Reach.Interested == 0 {
		t.Errorf("figures too thin for a demonstration: %+v", f)
	}
	for user, want := range map[string]int64{"achats.valdemoselle": 4, "vergabe.saarhausen": 3, "achats.plateau": 2} {
		u, err := db.Store.GetUserByEmail(t.Context(), user+"@demo.passerelle.example")
		if err != nil {
			t.Fatal(err)
		}
		orgs, err := db.Store.ListOrganisationsByMember(t.Context(), u.ID)
		if err != nil || len(orgs) != 1 {
			t.Fatalf("%s: %v %v", user, orgs, err)
		}
		org := orgs[0].Organisation.ID
		p := domain.Principal{UserID: u.ID, Memberships: map[string]domain.MembershipRole{org: orgs[0].Role}}
		rep, err := impact.Organisation(t.Context(), p, org, core.ImpactFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Figures.Awards.Count != want || rep.Figures.CrossBorder.Count == 0 {
			t.Errorf("%s: %d awards, %d cross-border; want %d and some", user, rep.Figures.Awards.Count, rep.Figures.CrossBorder.Count, want)
		}
	}
}
