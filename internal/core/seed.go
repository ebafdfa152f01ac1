package core

import (
	"context"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/auth"
	"passerelle/internal/blob"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
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
	profile       demoProfile
}

// demoProfile is the public profile of a demonstration organisation. Legal
// identifiers are fictional but pass their scheme's check.
type demoProfile struct {
	street, postcode, town, nuts3 string
	lat, lon                      float64
	phone                         string
	languages                     []string
	// descriptions alternate language and text.
	descriptions []string
	// identifiers alternate kind and value.
	identifiers []string
}

// The demonstration organisations: fictional, across the four countries.
var demoOrgs = []demoOrg{
	{domain.OrgSSESupplier, "FR", "ESAT Les Ateliers du Saulnois", "esat.saulnois", "Claire Hoffmann", domain.LangFR, "", demoProfile{
		"12 rue des Salines", "57170", "Château-Salins", "FRF33", 48.8189, 6.5131, "+33 3 87 05 12 34", []string{"fr", "de"},
		[]string{"fr", "Établissement et service d'aide par le travail : conditionnement, mise sous pli, entretien des espaces verts et blanchisserie pour les entreprises et collectivités de Moselle.",
			"de", "Werkstatt für Menschen mit Behinderung: Verpackung, Kuvertierung, Grünflächenpflege und Wäscherei für Unternehmen und Kommunen in der Moselle."},
		[]string{"fr_siret", "81234567600009"}}},
	{domain.OrgSSESupplier, "FR", "Lorraine Services Adaptés (EA)", "ea.lorraine", "Karim Benali", domain.LangFR, "", demoProfile{
		"5 avenue de la Seille", "57000", "Metz", "FRF33", 49.1094, 6.1857, "+33 3 87 66 40 10", []string{"fr", "en"},
		[]string{"fr", "Entreprise adaptée : numérisation de documents, saisie de données, nettoyage de bureaux et logistique légère dans le sillon lorrain.",
			"en", "Adapted enterprise: document digitisation, data entry, office cleaning and light logistics along the Lorraine corridor."},
		[]string{"fr_siret", "81234568400003"}}},
	{domain.OrgSSESupplier, "FR", "Recyclerie Moselle Insertion (ACI)", "aci.moselle", "Julie Schmitt", domain.LangFR, "", demoProfile{
		"Zone artisanale du Ban", "57600", "Forbach", "FRF33", 49.1886, 6.8962, "+33 3 87 85 22 01", []string{"fr", "de"},
		[]string{"fr", "Atelier et chantier d'insertion : collecte et réemploi de mobilier, déménagements, débarras et recyclage de matériel informatique.",
			"de", "Beschäftigungs- und Qualifizierungsbetrieb: Möbelsammlung und Wiederverwendung, Umzüge, Entrümpelungen und IT-Recycling."},
		[]string{"fr_siret", "81234569200006"}}},
	{domain.OrgSSESupplier, "DE", "Saar-Werkstätten gGmbH", "wfbm.saar", "Thomas Becker", domain.LangDE, "", demoProfile{
		"Industriestraße 14", "66111", "Saarbrücken", "DEC01", 49.2354, 6.9969, "+49 681 938 40 0", []string{"de", "fr"},
		[]string{"de", "Werkstatt für behinderte Menschen: Montage und Verpackung, Metallbearbeitung, Druck und Lettershop, Garten- und Landschaftspflege.",
			"fr", "Atelier pour personnes handicapées : montage et conditionnement, travail des métaux, impression et routage, entretien des espaces verts."},
		[]string{"de_hr", "Amtsgericht Saarbrücken HRB 104512", "de_vat", "DE281730003"}}},
	{domain.OrgSSESupplier, "DE", "Pfalzküche Inklusionsbetrieb gGmbH", "inklusion.pfalz", "Anna Weber", domain.LangDE, "", demoProfile{
		"Rheinuferstraße 3", "67061", "Ludwigshafen am Rhein", "DEB34", 49.4774, 8.4452, "+49 621 590 77 0", []string{"de", "en"},
		[]string{"de", "Inklusionsbetrieb: Kantinen- und Veranstaltungscatering, regionale Lebensmittel, Mittagessen für Schulen und Verwaltungen.",
			"en", "Inclusive enterprise: canteen and event catering, regional food, lunches for schools and public offices."},
		[]string{"de_hr", "Amtsgericht Ludwigshafen am Rhein HRB 65121", "de_vat", "DE281731006"}}},
	{domain.OrgSSESupplier, "BE", "ETA Les Ardennes Solidaires", "eta.ardennes", "Marc Lambert", domain.LangFR, "", demoProfile{
		"Rue de la Gare 41", "6700", "Arlon", "BE341", 49.6833, 5.8167, "+32 63 22 45 10", []string{"fr", "de", "nl"},
		[]string{"fr", "Entreprise de travail adapté : blanchisserie industrielle, sous-traitance et conditionnement, entretien des espaces verts en province de Luxembourg.",
			"nl", "Maatwerkbedrijf: industriële wasserij, onderaanneming en verpakking, groenonderhoud in de provincie Luxemburg."},
		[]string{"be_enterprise", "0712345036"}}},
	{domain.OrgSSESupplier, "BE", "Maatwerkbedrijf De Brug", "maatwerk.brug", "Els Peeters", domain.LangNL, "", demoProfile{
		"Rue du Pont 8", "4700", "Eupen", "BE336", 50.6280, 6.0360, "+32 87 55 31 20", []string{"nl", "de", "fr"},
		[]string{"nl", "Maatwerkbedrijf: digitalisering van archieven, mailing, schoonmaak van kantoren en onderhoud van fietsen.",
			"de", "Inklusionsbetrieb: Digitalisierung von Archiven, Mailing, Büroreinigung und Fahrradwartung."},
		[]string{"be_enterprise", "0712346026"}}},
	{domain.OrgSSESupplier, "LU", "Atelier protégé Sûre-Moselle", "atelier.suremoselle", "Luc Weis", domain.LangFR, "", demoProfile{
		"12, route du Vin", "L-6794", "Grevenmacher", "LU000", 49.6801, 6.4417, "+352 26 74 51", []string{"fr", "de", "lb"},
		[]string{"fr", "Atelier protégé : menuiserie, fabrication de mobilier urbain, traiteur et entretien d'espaces verts au Grand-Duché.",
			"de", "Geschützte Werkstatt: Schreinerei, Stadtmöbel, Catering und Grünpflege im Großherzogtum."},
		[]string{"lu_rcs", "B271834", "lu_vat", "LU27183024"}}},
	{domain.OrgPublicBuyer, "FR", "Communauté d'agglomération du Val de Moselle", "achats.valdemoselle", "Sophie Muller", domain.LangFR, "", demoProfile{
		"1 place de l'Hôtel de Ville", "57100", "Thionville", "FRF33", 49.3579, 6.1683, "+33 3 82 82 25 25", []string{"fr"},
		[]string{"fr", "Intercommunalité de 40 communes : achats de services d'entretien, de restauration collective et d'espaces verts avec clauses sociales."},
		[]string{"fr_siret", "20005000300009"}}},
	{domain.OrgPublicBuyer, "DE", "Kreisstadt Saarhausen", "vergabe.saarhausen", "Jan Schneider", domain.LangDE, "", demoProfile{
		"Rathausplatz 1", "66740", "Saarlouis", "DEC04", 49.3136, 6.7516, "+49 6831 443 0", []string{"de", "fr"},
		[]string{"de", "Vergabestelle der Kreisstadt: Aufträge für Gebäudereinigung, Catering und Grünpflege, vorbehaltene Aufträge nach § 118 GWB."},
		[]string{"de_vat", "DE281732009"}}},
	{domain.OrgPublicBuyer, "LU", "Commune de Bettembourg-Sud", "achats.bettsud", "Nadine Kieffer", domain.LangFR, "", demoProfile{
		"2, place de la Mairie", "L-3236", "Bettembourg", "LU000", 49.5186, 6.1028, "+352 51 80 80 1", []string{"fr", "de", "lb"},
		[]string{"fr", "Administration communale : marchés de nettoyage, d'entretien des espaces verts et de restauration scolaire."},
		nil}},
	{domain.OrgPrivateBuyer, "LU", "Banque du Plateau SA", "achats.plateau", "Paul Reuter", domain.LangEN, "", demoProfile{
		"25, boulevard Royal", "L-2449", "Luxembourg", "LU000", 49.6116, 6.1300, "+352 47 11 1", []string{"en", "fr", "de"},
		[]string{"en", "Private bank buying catering, mailing, printing and facility services from social enterprises as part of its CSR policy."},
		[]string{"lu_rcs", "B198765", "lu_vat", "LU27184034"}}},
	{domain.OrgPrivateBuyer, "BE", "Logistique Wallonne SA", "rse.logiwal", "Chloé Dubois", domain.LangFR, "", demoProfile{
		"Avenue de l'Industrie 20", "4040", "Herstal", "BE332", 50.6630, 5.6260, "+32 4 240 12 00", []string{"fr", "nl"},
		[]string{"fr", "Logisticien wallon : sous-traitance de conditionnement, de palettisation et d'entretien de sites à des entreprises de travail adapté."},
		[]string{"be_enterprise", "0712347016"}}},
	{domain.OrgCluster, "LU", "Cluster ESS Grande Région", "moderation", "Inès Kremer", domain.LangFR, domain.PlatformModerator, demoProfile{
		"5, rue de l'Économie solidaire", "L-4361", "Esch-sur-Alzette", "LU000", 49.5009, 5.9808, "+352 26 53 00", []string{"fr", "de", "en", "nl"},
		[]string{"fr", "Le réseau des acteurs de l'économie sociale et solidaire de la Grande Région : il vérifie les statuts, modère les annonces et organise la convention d'affaires.",
			"de", "Das Netzwerk der Sozial- und Solidarwirtschaft der Großregion: prüft Status, moderiert Angebote und organisiert die Geschäftskonvention."},
		[]string{"lu_vat", "LU27185044"}}},
}

// organisation builds d's organisation in canonical form; the NUTS 3
// region is kept only when the regions are loaded (import-nuts).
func (d demoOrg) organisation(withNUTS bool) (domain.Organisation, error) {
	p := d.profile
	o := domain.Organisation{Kind: d.kind, Country: d.country, LegalName: d.name,
		StreetLines: []string{p.street}, Postcode: p.postcode, Town: p.town, Location: &domain.GeoPoint{Latitude: p.lat, Longitude: p.lon},
		Website: "https://" + strings.ReplaceAll(d.user, ".", "-") + ".demo.passerelle.example", Phone: p.phone, Languages: p.languages}
	if withNUTS {
		o.NUTS3 = p.nuts3
	}
	for i := 0; i+1 < len(p.descriptions); i += 2 {
		o.Descriptions = append(o.Descriptions, domain.LocalizedText{Lang: p.descriptions[i], Text: p.descriptions[i+1]})
	}
	for i := 0; i+1 < len(p.identifiers); i += 2 {
		o.Identifiers = append(o.Identifiers, domain.LegalIdentifier{Kind: legalid.Kind(p.identifiers[i]), Value: p.identifiers[i+1]})
	}
	o, ve := domain.NormalizeOrganisation(o)
	if err := ve.Err(); err != nil {
		return domain.Organisation{}, fmt.Errorf("demo organisation %s: %w", d.name, err)
	}
	return o, nil
}

// seededOrg is a demonstration organisation once created.
type seededOrg struct {
	id, ownerID string
}

// Seed fills an empty database with demonstration organisations and their
// users (all with DemoPassword and a verified email), a cluster moderator
// and a platform admin, then gives the suppliers their SSE statuses with
// evidence stored in objects (verified by the moderator, one pending, one
// rejected). With ifEmpty it does nothing when any account exists; it
// returns the logins it created.
func Seed(ctx context.Context, st *store.Store, objects *blob.Store, ifEmpty bool) ([]DemoLogin, error) {
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
	nuts, err := st.CountNUTSRegions(ctx, "", 3)
	if err != nil {
		return nil, err
	}
	var logins []DemoLogin
	orgs := map[string]seededOrg{}
	var moderator domain.Principal
	now := time.Now()
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		for _, d := range demoOrgs {
			o, err := d.organisation(nuts > 0)
			if err != nil {
				return err
			}
			org, err := tx.CreateOrganisation(ctx, o)
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
			orgs[d.user] = seededOrg{id: org.ID, ownerID: u.ID}
			if d.platformRole == domain.PlatformModerator {
				moderator = domain.Principal{UserID: u.ID, PlatformRole: d.platformRole,
					Memberships: map[string]domain.MembershipRole{org.ID: domain.RoleOwner}}
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
	if err := seedStatuses(ctx, st, objects, orgs, moderator); err != nil {
		return nil, err
	}
	return logins, nil
}
