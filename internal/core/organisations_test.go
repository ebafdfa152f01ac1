package core_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store/storetest"
)

// orgEnv is a real database with a few NUTS regions and a real S3 server.
type orgEnv struct {
	db   *storetest.DB
	orgs *core.Organisations
	docs *core.Documents
	// owner is a verified user with no organisation yet.
	owner domain.User
}

// testRegions: FR, DE and LU have current level-3 regions; BE only a
// retired one, so a Belgian region stays optional.
var testRegions = []domain.NUTSRegion{
	{Code: "FR", Level: 0, Name: "FRANCE", Country: "FR"},
	{Code: "FRF", Level: 1, Name: "GRAND EST", Country: "FR", Parent: "FR"},
	{Code: "FRF3", Level: 2, Name: "Lorraine", Country: "FR", Parent: "FRF"},
	{Code: "FRF33", Level: 3, Name: "Moselle", Country: "FR", Parent: "FRF3"},
	{Code: "DE", Level: 0, Name: "DEUTSCHLAND", Country: "DE"},
	{Code: "DEC", Level: 1, Name: "SAARLAND", Country: "DE", Parent: "DE"},
	{Code: "DEC0", Level: 2, Name: "Saarland", Country: "DE", Parent: "DEC"},
	{Code: "DEC01", Level: 3, Name: "Regionalverband Saarbrücken", Country: "DE", Parent: "DEC0"},
	{Code: "BE", Level: 0, Name: "BELGIQUE-BELGIË", Country: "BE"},
	{Code: "BE3", Level: 1, Name: "RÉGION WALLONNE", Country: "BE", Parent: "BE"},
	{Code: "BE32", Level: 2, Name: "Prov. Hainaut", Country: "BE", Parent: "BE3"},
	{Code: "BE321", Level: 3, Name: "Arr. Ath", Country: "BE", Parent: "BE32", Retired: true},
	{Code: "LU", Level: 0, Name: "LUXEMBOURG", Country: "LU"},
	{Code: "LU0", Level: 1, Name: "LUXEMBOURG", Country: "LU", Parent: "LU"},
	{Code: "LU00", Level: 2, Name: "Luxembourg", Country: "LU", Parent: "LU0"},
	{Code: "LU000", Level: 3, Name: "Luxembourg", Country: "LU", Parent: "LU00"},
	{Code: "LUZ", Level: 1, Name: "EXTRA-REGIO NUTS 1", Country: "LU", Parent: "LU"},
	{Code: "LUZZ", Level: 2, Name: "Extra-Regio NUTS 2", Country: "LU", Parent: "LUZ"},
	{Code: "LUZZZ", Level: 3, Name: "Extra-Regio NUTS 3", Country: "LU", Parent: "LUZZ"},
}

func newOrgEnv(t *testing.T) *orgEnv {
	t.Helper()
	db := storetest.New(t)
	objects := newObjectStore(t)
	if _, err := core.ImportNUTS(t.Context(), db.Store, testRegions); err != nil {
		t.Fatal(err)
	}
	return &orgEnv{db: db, orgs: core.NewOrganisations(db.Store, objects), docs: core.NewDocuments(db.Store, objects, 0, time.Now),
		owner: db.User(t, storetest.UserOptions{EmailVerified: true})}
}

func memberPrincipal(u domain.User, memberships map[string]domain.MembershipRole) domain.Principal {
	return domain.Principal{UserID: u.ID, PlatformRole: u.PlatformRole, Memberships: memberships}
}

func fullFrenchSupplier() domain.Organisation {
	return domain.Organisation{
		Kind: domain.OrgSSESupplier, Country: "FR", LegalName: "ESAT Les Tilleuls", TradeName: "Les Tilleuls",
		StreetLines: []string{"12 rue des Jardins", "Bâtiment B"}, Postcode: "57000", Town: "Metz", NUTS3: "FRF33",
		Location: &domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757}, Website: "https://tilleuls.example.fr",
		Phone: "+33 3 87 12 34 56", Languages: []string{"fr", "de"},
		Descriptions: []domain.LocalizedText{{Lang: "de", Text: "Wäscherei und Grünflächen."}, {Lang: "fr", Text: "Blanchisserie et espaces verts."}},
		Identifiers:  []domain.LegalIdentifier{{Kind: legalid.FRSIRET, Value: "732 829 320 00074"}, {Kind: legalid.FRVAT, Value: "FR44732829320"}},
	}
}

// create makes an organisation as e.owner and returns it with the owner's principal.
func (e *orgEnv) create(t *testing.T, in domain.Organisation) (domain.Organisation, domain.Principal) {
	t.Helper()
	p := memberPrincipal(e.owner, nil)
	o, err := e.orgs.Create(t.Context(), actorOf(p), p, in)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return o, memberPrincipal(e.owner, map[string]domain.MembershipRole{o.ID: domain.RoleOwner})
}

// auditEntries returns the before and after states of the entries of action.
func auditEntries(t *testing.T, e *orgEnv, orgID, action string) []map[string]map[string]any {
	t.Helper()
	rows, err := e.db.Store.ListAudit(t.Context(), "organisation", orgID, 50)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]map[string]any
	for _, r := range rows {
		if r.Action != action {
			continue
		}
		entry := map[string]map[string]any{}
		for name, raw := range map[string][]byte{"before": r.Before, "after": r.After} {
			var state map[string]any
			if raw != nil {
				if err := json.Unmarshal(raw, &state); err != nil {
					t.Fatal(err)
				}
			}
			entry[name] = state
		}
		out = append(out, entry)
	}
	return out
}

func TestCreateOrganisationWithEveryField(t *testing.T) {
	e := newOrgEnv(t)
	created, _ := e.create(t, fullFrenchSupplier())
	got, err := e.orgs.Get(t.Context(), domain.Principal{}, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := fullFrenchSupplier()
	want.ID, want.Status, want.CreatedAt, want.UpdatedAt = created.ID, domain.OrgActive, got.CreatedAt, got.UpdatedAt
	// Stored canonical, listed in a stable order (descriptions by language, identifiers by kind).
	want.Identifiers = []domain.LegalIdentifier{{Kind: legalid.FRSIRET, Value: "73282932000074"}, {Kind: legalid.FRVAT, Value: "FR44732829320"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	mine, _, err := e.orgs.ListMine(t.Context(), memberPrincipal(e.owner, nil), "", 0)
	if err != nil || len(mine) != 1 || mine[0].Organisation.ID != created.ID || mine[0].Role != domain.RoleOwner {
		t.Fatalf("ListMine = %+v, %v", mine, err)
	}
	if a := auditEntries(t, e, created.ID, "organisation.created"); len(a) != 1 || a[0]["after"]["identifiers"].(map[string]any)["fr_siret"] != "73282932000074" {
		t.Fatalf("audit: %v", a)
	}
}

func TestCreateOrganisationRefusals(t *testing.T) {
	e := newOrgEnv(t)
	ctx := t.Context()
	unverified := e.db.User(t, storetest.UserOptions{})
	p := memberPrincipal(unverified, nil)
	if _, err := e.orgs.Create(ctx, actorOf(p), p, fullFrenchSupplier()); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("unverified email: %v, want forbidden", err)
	}
	if _, err := e.orgs.Create(ctx, core.Actor{}, domain.Principal{}, fullFrenchSupplier()); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous: %v", err)
	}
	cluster := fullFrenchSupplier()
	cluster.Kind = domain.OrgCluster
	owner := memberPrincipal(e.owner, nil)
	if _, err := e.orgs.Create(ctx, actorOf(owner), owner, cluster); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("cluster by a user: %v, want forbidden", err)
	}
	adminUser := e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformAdmin, EmailVerified: true})
	ap := memberPrincipal(adminUser, nil)
	if _, err := e.orgs.Create(ctx, actorOf(ap), ap, cluster); err != nil {
		t.Errorf("cluster by an admin: %v", err)
	}

	for name, c := range map[string]struct {
		change      func(*domain.Organisation)
		field, code string
	}{
		"region of another country": {func(o *domain.Organisation) { o.NUTS3 = "DEC01" }, "body.nuts3", "wrong_country"},
		"unknown region":            {func(o *domain.Organisation) { o.NUTS3 = "FRF99" }, "body.nuts3", "unknown_region"},
		"level-2 region":            {func(o *domain.Organisation) { o.NUTS3 = "FRF3" }, "body.nuts3", "not_assignable"},
		"no region in France":       {func(o *domain.Organisation) { o.NUTS3 = "" }, "body.nuts3", "required"},
		"Extra-Regio": {func(o *domain.Organisation) {
			o.Country, o.Postcode, o.NUTS3, o.Identifiers = "LU", "L-1234", "LUZZZ", nil
		}, "body.nuts3", "not_assignable"},
		"retired region": {func(o *domain.Organisation) {
			o.Country, o.Postcode, o.NUTS3, o.Identifiers = "BE", "7800", "BE321", nil
		}, "body.nuts3", "not_assignable"},
		"bad SIRET": {func(o *domain.Organisation) { o.Identifiers[0].Value = "73282932000075" }, "body.identifiers[0].value", "checksum"},
	} {
		in := fullFrenchSupplier()
		c.change(&in)
		_, err := e.orgs.Create(ctx, actorOf(owner), owner, in)
		f := fieldError(t, err)
		if f.Field != c.field || f.Code != c.code {
			t.Errorf("%s: %+v, want %s %s", name, f, c.field, c.code)
		}
		checkTranslated(t, name, f)
	}

	// Optional where no current region of the country is loaded, and anywhere outside the four countries.
	for _, in := range []domain.Organisation{
		{Kind: domain.OrgPublicBuyer, Country: "BE", LegalName: "Ville de Mons", Postcode: "7000", Town: "Mons"},
		{Kind: domain.OrgPrivateBuyer, Country: "NL", LegalName: "Inkoop BV", Postcode: "1012 AB", Town: "Amsterdam"},
	} {
		if _, err := e.orgs.Create(ctx, actorOf(owner), owner, in); err != nil {
			t.Errorf("%s without a region: %v", in.Country, err)
		}
	}
}

func TestDuplicateIdentifierIsAConflictAndLeavesNothing(t *testing.T) {
	e := newOrgEnv(t)
	e.create(t, fullFrenchSupplier())
	other := e.db.User(t, storetest.UserOptions{EmailVerified: true})
	p := memberPrincipal(other, nil)
	in := fullFrenchSupplier()
	in.LegalName = "Usurpateur SARL"
	in.Identifiers = []domain.LegalIdentifier{{Kind: legalid.FRSIRET, Value: "73282932000074"}}
	_, err := e.orgs.Create(t.Context(), actorOf(p), p, in)
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("duplicate SIRET: %v, want conflict", err)
	}
	var n int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM organisations WHERE legal_name = 'Usurpateur SARL'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d organisations left (%v)", n, err)
	}
	if mine, _, _ := e.orgs.ListMine(t.Context(), p, "", 0); len(mine) != 0 {
		t.Fatalf("membership left: %+v", mine)
	}
}

func TestUpdateOrganisation(t *testing.T) {
	e := newOrgEnv(t)
	org, owner := e.create(t, fullFrenchSupplier())
	ctx := t.Context()

	town, nuts, website := "Saarbrücken", "DEC01", ""
	country, postcode := "DE", "66111"
	ids := []domain.LegalIdentifier{{Kind: legalid.DEHandelsregister, Value: "HRB 12345, AG Saarbrücken"}}
	langs := []string{"de"}
	patch := core.OrganisationPatch{Country: &country, Postcode: &postcode, Town: &town, NUTS3: &nuts, Website: &website,
		Identifiers: &ids, Languages: &langs, ClearLocation: true}
	updated, err := e.orgs.Update(ctx, actorOf(owner), owner, org.ID, patch)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Country != "DE" || updated.Town != "Saarbrücken" || updated.Website != "" || updated.Location != nil ||
		!reflect.DeepEqual(updated.Identifiers, []domain.LegalIdentifier{{Kind: legalid.DEHandelsregister, Value: "Amtsgericht Saarbrücken HRB 12345"}}) ||
		updated.LegalName != org.LegalName || len(updated.Descriptions) != 2 || !reflect.DeepEqual(updated.Languages, []string{"de"}) {
		t.Fatalf("updated: %+v", updated)
	}
	a := auditEntries(t, e, org.ID, "organisation.updated")
	if len(a) != 1 || a[0]["before"]["town"] != "Metz" || a[0]["after"]["town"] != "Saarbrücken" || a[0]["after"]["latitude"] != nil {
		t.Fatalf("audit: %v", a)
	}

	// The French SIRET no longer fits a German organisation.
	frIDs := []domain.LegalIdentifier{{Kind: legalid.FRSIRET, Value: "73282932000074"}}
	_, err = e.orgs.Update(ctx, actorOf(owner), owner, org.ID, core.OrganisationPatch{Identifiers: &frIDs})
	if f := fieldError(t, err); f.Field != "body.identifiers[0].kind" || f.Code != "kind_not_allowed" {
		t.Fatalf("SIRET in DE: %+v", f)
	}

	// Only members edit: not an outsider, nor a moderator.
	outsider := memberPrincipal(e.db.User(t, storetest.UserOptions{EmailVerified: true}), nil)
	moderator := memberPrincipal(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}), nil)
	moderator.PlatformRole = domain.PlatformModerator
	name := "Pirate"
	for who, p := range map[string]domain.Principal{"outsider": outsider, "moderator": moderator} {
		if _, err := e.orgs.Update(ctx, actorOf(p), p, org.ID, core.OrganisationPatch{LegalName: &name}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s: %v, want forbidden", who, err)
		}
	}
	if _, err := e.orgs.Update(ctx, core.Actor{}, domain.Principal{}, org.ID, core.OrganisationPatch{LegalName: &name}); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous: %v", err)
	}
}

func TestSuspendedOrganisationIsHidden(t *testing.T) {
	e := newOrgEnv(t)
	org := e.db.Organisation(t, storetest.OrganisationOptions{Status: domain.OrgSuspended})
	member := e.db.User(t, storetest.UserOptions{Organisation: org.ID})
	moderator := e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator})
	for who, c := range map[string]struct {
		p       domain.Principal
		visible bool
	}{
		"anonymous": {domain.Principal{}, false},
		"outsider":  {memberPrincipal(e.owner, nil), false},
		"member":    {memberPrincipal(member, map[string]domain.MembershipRole{org.ID: domain.RoleOwner}), true},
		"moderator": {memberPrincipal(moderator, nil), true},
	} {
		_, err := e.orgs.Get(t.Context(), c.p, org.ID)
		if c.visible && err != nil || !c.visible && !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: %v, visible %v", who, err, c.visible)
		}
	}
}

func TestOrganisationLogo(t *testing.T) {
	e := newOrgEnv(t)
	org, owner := e.create(t, fullFrenchSupplier())
	ctx := t.Context()
	upload := func(orgID string, purpose domain.DocumentPurpose, p domain.Principal) domain.Document {
		t.Helper()
		d, err := e.docs.Upload(ctx, actorOf(p), p, orgID, purpose, "logo.png", "image/png", bytes.NewReader(pngImage(t)))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if _, _, err := e.orgs.LogoURL(ctx, domain.Principal{}, org.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("no logo yet: %v", err)
	}

	other := e.db.Organisation(t, storetest.OrganisationOptions{})
	otherMember := memberPrincipal(e.db.User(t, storetest.UserOptions{Organisation: other.ID}), map[string]domain.MembershipRole{other.ID: domain.RoleOwner})
	foreign := upload(other.ID, domain.DocLogo, otherMember)
	evidence := upload(org.ID, domain.DocSSEEvidence, owner)
	for name, c := range map[string]struct{ docID, code string }{
		"another organisation's": {foreign.ID, "not_found"},
		"unknown":                {"0193f7a0-0000-7000-8000-000000000000", "not_found"},
		"not an id":              {"logo.png", "not_found"},
		"evidence, not a logo":   {evidence.ID, "wrong_purpose"},
	} {
		_, err := e.orgs.SetLogo(ctx, actorOf(owner), owner, org.ID, c.docID)
		f := fieldError(t, err)
		if f.Field != "body.document_id" || f.Code != c.code {
			t.Errorf("%s: %+v", name, f)
		}
		checkTranslated(t, name, f)
		if c.code == "wrong_purpose" && (f.Message != "this document was uploaded as evidence, not as a logo" ||
			f.Messages[domain.LangFR] != "ce document a été envoyé comme justificatif, et non comme logo") {
			t.Errorf("%s: the purpose must be named in each language: %q", name, f.Messages)
		}
	}
	if _, err := e.orgs.SetLogo(ctx, actorOf(otherMember), otherMember, org.ID, foreign.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("outsider sets a logo: %v", err)
	}

	logo := upload(org.ID, domain.DocLogo, owner)
	withLogo, err := e.orgs.SetLogo(ctx, actorOf(owner), owner, org.ID, logo.ID)
	if err != nil || withLogo.LogoDocumentID != logo.ID {
		t.Fatalf("SetLogo: %+v, %v", withLogo, err)
	}
	link, expires, err := e.orgs.LogoURL(ctx, domain.Principal{}, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Until(expires); d > core.DocumentURLTTL || d < core.DocumentURLTTL-time.Minute {
		t.Errorf("expires in %v", d)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	if secs, _ := strconv.Atoi(u.Query().Get("X-Amz-Expires")); secs <= 0 || secs > 300 {
		t.Errorf("signed for %d s, want at most 300", secs)
	}
	if got := download(t, link); !bytes.Equal(got, pngImage(t)) {
		t.Error("the link does not serve the logo")
	}
	if a := auditEntries(t, e, org.ID, "organisation.logo_set"); len(a) != 1 {
		t.Errorf("audit: %v", a)
	}

	if _, err := e.orgs.ClearLogo(ctx, actorOf(owner), owner, org.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.orgs.LogoURL(ctx, domain.Principal{}, org.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("after clearing: %v", err)
	}
	if _, err := e.orgs.ClearLogo(ctx, actorOf(owner), owner, org.ID); err != nil {
		t.Fatalf("clearing twice: %v", err)
	}
	if a := auditEntries(t, e, org.ID, "organisation.logo_cleared"); len(a) != 1 {
		t.Errorf("clearing twice is one change: %v", a)
	}

	// Deleting the document removes the logo with it.
	if _, err := e.orgs.SetLogo(ctx, actorOf(owner), owner, org.ID, logo.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.docs.Delete(ctx, actorOf(owner), owner, logo.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := e.orgs.Get(context.Background(), domain.Principal{}, org.ID); err != nil || got.LogoDocumentID != "" {
		t.Fatalf("after the document's deletion: %+v, %v", got.LogoDocumentID, err)
	}
}

func TestNUTSRegionsList(t *testing.T) {
	e := newOrgEnv(t)
	regions, err := e.orgs.NUTSRegions(t.Context(), "BE", 3)
	if err != nil || len(regions) != 0 {
		t.Fatalf("BE level 3: %+v, %v (the only one is retired)", regions, err)
	}
	regions, err = e.orgs.NUTSRegions(t.Context(), "LU", -1)
	if err != nil || len(regions) != 7 || regions[0].Code != "LU" {
		t.Fatalf("LU: %+v, %v", regions, err)
	}
	// Importing the same regions again changes nothing.
	n, err := core.ImportNUTS(t.Context(), e.db.Store, testRegions)
	if err != nil || n.Inserted != 0 || n.Updated != 0 || n.Unchanged != len(testRegions) {
		t.Fatalf("second import: %+v, %v", n, err)
	}
}

// checkTranslated fails unless a field error carries a real translation in
// every language (not the English, no fmt error), as the API needs for
// messages built from values.
func checkTranslated(t *testing.T, name string, f domain.FieldError) {
	t.Helper()
	if f.Message == "" || f.Messages[domain.LangEN] != f.Message {
		t.Errorf("%s: English %q, messages %q", name, f.Message, f.Messages)
	}
	for _, l := range domain.Languages {
		m := f.Messages[l]
		if m == "" || strings.Contains(m, "%") || (l != domain.LangEN && m == f.Message) {
			t.Errorf("%s: no proper %s message: %q", name, l, m)
		}
	}
}
