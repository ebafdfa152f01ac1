package core_test

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

type offerEnv struct {
	db         *storetest.DB
	offers     *core.Offers
	org        domain.Organisation
	memberP    domain.Principal
	outsiderP  domain.Principal
	moderatorP domain.Principal
}

func newOfferEnv(t *testing.T) *offerEnv {
	t.Helper()
	db := storetest.New(t)
	db.CPVCodes(t, "90911200-8", "90919200-4", "98310000-9", "98311000-6")
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	// Not started: the test reads the queued jobs.
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	e := &offerEnv{db: db, offers: core.NewOffers(db.Store, runner, time.Now, core.OffersConfig{PublicURL: "https://passerelle.test"})}
	e.org = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: "BE"})
	e.memberP = principal(db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleMember}), e.org.ID)
	other := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier})
	e.outsiderP = principal(db.User(t, storetest.UserOptions{Organisation: other.ID}), other.ID)
	e.moderatorP = principal(db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}), "")
	return e
}

func (e *offerEnv) verify(t *testing.T, validUntil time.Time) {
	t.Helper()
	now := time.Now()
	err := e.db.Store.WithTx(t.Context(), func(tx *store.Tx) error {
		st, err := tx.CreateSSEStatus(t.Context(), domain.SSEStatus{OrganisationID: e.org.ID, Type: domain.SSEStatusType("be_eta"),
			RegistrationNumber: "ETA-4700-12", ValidUntil: domain.Day(validUntil)}, now)
		if err != nil {
			return err
		}
		st.State, st.SubmittedAt, st.ReviewedAt = domain.VerificationVerified, &now, &now
		_, err = tx.SaveSSEStatus(t.Context(), st, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (e *offerEnv) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Pool.QueryRow(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func offerFields() domain.OfferFields {
	return domain.OfferFields{Type: domain.OfferServices, Language: domain.LangFR, Title: "Blanchisserie pour collectivités",
		Description: "Linge plat et vêtements de travail.", Sectors: []string{"laundry.linen_management"},
		Area: domain.OfferArea{Mode: domain.AreaCountry}}
}

// The use cases decide who may act, whatever route (or none) calls them.
func TestOffersAuthorizeInCore(t *testing.T) {
	e := newOfferEnv(t)
	ctx := t.Context()
	if _, err := e.offers.Create(ctx, core.Actor{}, domain.Principal{}, e.org.ID, offerFields()); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous create: %v", err)
	}
	for name, p := range map[string]domain.Principal{"outsider": e.outsiderP, "moderator": e.moderatorP} {
		if _, err := e.offers.Create(ctx, actorOf(p), p, e.org.ID, offerFields()); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s create: %v", name, err)
		}
	}
	o, err := e.offers.Create(ctx, actorOf(e.memberP), e.memberP, e.org.ID, offerFields())
	if err != nil || o.State != domain.OfferDraft || o.Title != "Blanchisserie pour collectivités" {
		t.Fatalf("create: %+v %v", o, err)
	}
	if _, err := e.offers.Get(ctx, e.outsiderP, o.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("an outsider reads a draft: %v", err)
	}
	if _, err := e.offers.Update(ctx, actorOf(e.outsiderP), e.outsiderP, o.ID, core.OfferPatch{}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("an outsider edits a draft: %v", err)
	}
	if _, err := e.offers.Update(ctx, actorOf(e.moderatorP), e.moderatorP, o.ID, core.OfferPatch{}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a moderator edits a draft: %v", err)
	}
	if _, _, err := e.offers.Queue(ctx, e.memberP, "", "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a member reads the queue: %v", err)
	}
	if _, err := e.offers.Decide(ctx, actorOf(e.memberP), e.memberP, o.ID, core.DecisionApprove, ""); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a member decides: %v", err)
	}
}

// A decision reaches every owner who can receive email, in the same
// transaction; a refused decision changes nothing and sends nothing.
func TestOfferDecisionEmailsTheOwners(t *testing.T) {
	e := newOfferEnv(t)
	ctx := t.Context()
	for _, lang := range []domain.Language{domain.LangNL, domain.LangDE} {
		e.db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleOwner, EmailVerified: true, Language: lang})
	}
	e.db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleOwner}) // unverified email: not written to
	fields := offerFields()
	fields.Translations = []domain.OfferText{{Lang: domain.LangNL, Title: "Wasserij voor overheden", Description: "Platte was."}}
	e.verify(t, time.Now().AddDate(1, 0, 0))
	o, err := e.offers.Create(ctx, actorOf(e.memberP), e.memberP, e.org.ID, fields)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.offers.Submit(ctx, actorOf(e.memberP), e.memberP, o.ID); err != nil {
		t.Fatal(err)
	}
	emails := func() int { return e.count(t, "SELECT count(*) FROM river_job WHERE kind = 'send_email'") }
	audits := func() int { return e.count(t, "SELECT count(*) FROM audit_log WHERE subject_id = $1", o.ID) }
	before := audits()
	if _, err := e.offers.Decide(ctx, actorOf(e.moderatorP), e.moderatorP, o.ID, core.DecisionReject, " "); err == nil {
		t.Fatal("a rejection without a reason")
	}
	if emails() != 0 || audits() != before {
		t.Fatal("a refused decision wrote something")
	}
	if _, err := e.offers.Decide(ctx, actorOf(e.moderatorP), e.moderatorP, o.ID, core.DecisionReject, "Hors du champ de la plateforme."); err != nil {
		t.Fatal(err)
	}
	rows, err := e.db.Pool.Query(ctx, "SELECT args->>'lang', args->>'template', args->'data'->>'Title', args->'data'->>'Reason', args->'data'->>'Decision' "+
		"FROM river_job WHERE kind = 'send_email' ORDER BY args->>'lang'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var lang, template, title, reason, decision string
		if err := rows.Scan(&lang, &template, &title, &reason, &decision); err != nil {
			t.Fatal(err)
		}
		got = append(got, lang+"|"+template+"|"+title+"|"+reason+"|"+decision)
	}
	want := []string{
		"de|listing_decision|Blanchisserie pour collectivités|Hors du champ de la plateforme.|reject",
		"nl|listing_decision|Wasserij voor overheden|Hors du champ de la plateforme.|reject",
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("queued emails:\n%v\nwant\n%v", got, want)
	}
	if audits() != before+1 {
		t.Error("the decision is not audited")
	}
}

// Publication needs a status that counts at submission and at approval.
func TestOfferPublicationNeedsACountingStatus(t *testing.T) {
	e := newOfferEnv(t)
	ctx := t.Context()
	now := time.Now()
	clock := func() time.Time { return now }
	offers := core.NewOffers(e.db.Store, nil, clock, core.OffersConfig{})
	o, err := offers.Create(ctx, actorOf(e.memberP), e.memberP, e.org.ID, offerFields())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := offers.Submit(ctx, actorOf(e.memberP), e.memberP, o.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("submitted without a status: %v", err)
	}
	e.verify(t, now.AddDate(0, 0, 1))
	if _, err := offers.Submit(ctx, actorOf(e.memberP), e.memberP, o.ID); err != nil {
		t.Fatal(err)
	}
	now = now.AddDate(0, 0, 2)
	if _, err := offers.Decide(ctx, actorOf(e.moderatorP), e.moderatorP, o.ID, core.DecisionApprove, ""); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("approved after the status expired: %v", err)
	}
	got, err := offers.Get(ctx, e.memberP, o.ID)
	if err != nil || got.State != domain.OfferPending || got.PublishedAt != nil {
		t.Errorf("after the refused approval: %+v %v", got, err)
	}
}
