package core

import (
	"context"
	"fmt"
	"time"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// DemoPassword is the password of every demonstration account.
const DemoPassword = "Passerelle-Demo-2026"

// DemoLogin is one demonstration account.
type DemoLogin struct {
	Email, Role, Organisation string
}

type demoOrg struct {
	kind          domain.OrganisationKind
	country, name string
	user, person  string
	lang          domain.Language
	platformRole  domain.PlatformRole
}

// The demonstration organisations: fictional, across the four countries.
var demoOrgs = []demoOrg{
	{domain.OrgSSESupplier, "FR", "ESAT Les Ateliers du Saulnois", "esat.saulnois", "Claire Hoffmann", domain.LangFR, ""},
	{domain.OrgSSESupplier, "FR", "Lorraine Services Adaptés (EA)", "ea.lorraine", "Karim Benali", domain.LangFR, ""},
	{domain.OrgSSESupplier, "FR", "Recyclerie Moselle Insertion (ACI)", "aci.moselle", "Julie Schmitt", domain.LangFR, ""},
	{domain.OrgSSESupplier, "DE", "Saar-Werkstätten gGmbH", "wfbm.saar", "Thomas Becker", domain.LangDE, ""},
	{domain.OrgSSESupplier, "DE", "Pfalzküche Inklusionsbetrieb gGmbH", "inklusion.pfalz", "Anna Weber", domain.LangDE, ""},
	{domain.OrgSSESupplier, "BE", "ETA Les Ardennes Solidaires", "eta.ardennes", "Marc Lambert", domain.LangFR, ""},
	{domain.OrgSSESupplier, "BE", "Maatwerkbedrijf De Brug", "maatwerk.brug", "Els Peeters", domain.LangNL, ""},
	{domain.OrgSSESupplier, "LU", "Atelier protégé Sûre-Moselle", "atelier.suremoselle", "Luc Weis", domain.LangFR, ""},
	{domain.OrgPublicBuyer, "FR", "Communauté d'agglomération du Val de Moselle", "achats.valdemoselle", "Sophie Muller", domain.LangFR, ""},
	{domain.OrgPublicBuyer, "DE", "Kreisstadt Saarhausen", "vergabe.saarhausen", "Jan Schneider", domain.LangDE, ""},
	{domain.OrgPublicBuyer, "LU", "Commune de Bettembourg-Sud", "achats.bettsud", "Nadine Kieffer", domain.LangFR, ""},
	{domain.OrgPrivateBuyer, "LU", "Banque du Plateau SA", "achats.plateau", "Paul Reuter", domain.LangEN, ""},
	{domain.OrgPrivateBuyer, "BE", "Logistique Wallonne SA", "rse.logiwal", "Chloé Dubois", domain.LangFR, ""},
	{domain.OrgCluster, "LU", "Cluster ESS Grande Région", "moderation", "Inès Kremer", domain.LangFR, domain.PlatformModerator},
}

// Seed fills an empty database with demonstration organisations and their
// users (all with DemoPassword and a verified email), a cluster moderator
// and a platform admin. With ifEmpty it does nothing when any account
// exists; it returns the logins it created.
func Seed(ctx context.Context, st *store.Store, ifEmpty bool) ([]DemoLogin, error) {
	if ifEmpty {
		n, err := st.CountUsers(ctx)
		if err != nil || n > 0 {
			return nil, err
		}
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		return nil, err
	}
	var logins []DemoLogin
	now := time.Now()
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		for _, d := range demoOrgs {
			org, err := tx.CreateOrganisation(ctx, domain.Organisation{Kind: d.kind, Country: d.country, LegalName: d.name})
			if err != nil {
				return err
			}
			email := d.user + "@demo.passerelle.example"
			u, err := tx.CreateUser(ctx, domain.User{Email: email, DisplayName: d.person, Language: d.lang, PlatformRole: d.platformRole}, hash)
			if err != nil {
				return err
			}
			if _, err := tx.MarkEmailVerified(ctx, u.ID, now); err != nil {
				return err
			}
			if err := tx.AddMembership(ctx, org.ID, u.ID, domain.RoleOwner); err != nil {
				return err
			}
			role := fmt.Sprintf("owner of a %s (%s)", d.kind, d.country)
			if d.platformRole != "" {
				role += ", " + string(d.platformRole)
			}
			logins = append(logins, DemoLogin{Email: email, Role: role, Organisation: d.name})
		}
		u, err := tx.CreateUser(ctx, domain.User{Email: "admin@demo.passerelle.example", DisplayName: "Admin Passerelle",
			Language: domain.LangEN, PlatformRole: domain.PlatformAdmin}, hash)
		if err != nil {
			return err
		}
		if _, err := tx.MarkEmailVerified(ctx, u.ID, now); err != nil {
			return err
		}
		logins = append(logins, DemoLogin{Email: u.Email, Role: "platform admin"})
		return tx.Audit(ctx, domain.AuditEntry{Action: "demo.seeded", SubjectType: "database", SubjectID: "demo",
			After: map[string]any{"organisations": len(demoOrgs), "users": len(logins)}})
	})
	if err != nil {
		return nil, err
	}
	return logins, nil
}
