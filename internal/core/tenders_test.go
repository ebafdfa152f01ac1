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
	"passerelle/internal/store/storetest"
)

// TestTenderUseCasesCheckThePolicy calls the tender, response and
// favourite use cases directly, as a seed or a job would: core checks the
// policy itself, whatever route (or none) leads there.
func TestTenderUseCasesCheckThePolicy(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	runner, err := jobs.New(db.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Options{Renderer: renderer})
	if err != nil {
		t.Fatal(err)
	}
	tenders := core.NewTenders(db.Store, runner, time.Now, core.TendersConfig{})
	responses := core.NewResponses(db.Store, time.Now)
	favourites := core.NewFavourites(db.Store, time.Now)

	buyerOrg := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	supplierOrg := db.Organisation(t, storetest.OrganisationOptions{})
	principal := func(orgID string, role domain.PlatformRole) (domain.Principal, core.Actor) {
		u := db.User(t, storetest.UserOptions{Organisation: orgID, PlatformRole: role})
		p := domain.Principal{UserID: u.ID, PlatformRole: role, Memberships: map[string]domain.MembershipRole{}}
		if orgID != "" {
			p.Memberships[orgID], p.ActiveOrganisationID = domain.RoleOwner, orgID
		}
		return p, core.Actor{UserID: u.ID, PlatformRole: role}
	}
	buyer, buyerAct := principal(buyerOrg.ID, domain.PlatformUser)
	supplier, supplierAct := principal(supplierOrg.ID, domain.PlatformUser)
	moderator, moderatorAct := principal("", domain.PlatformModerator)
	// A moderator who is also a member of the buyer.
	insider, insiderAct := principal(buyerOrg.ID, domain.PlatformModerator)

	deadline := time.Now().Add(20 * 24 * time.Hour)
	draft := domain.Tender{Kind: domain.TenderQuoteRequest, OriginalLanguage: domain.LangEN, PlaceNUTS: "LU000", PlaceTown: "Esch-sur-Alzette",
		QuestionsDeadline: deadline, ResponsesDeadline: deadline, ResponseLanguages: []domain.Language{domain.LangEN, domain.LangFR},
		Texts: []domain.TenderText{{Language: domain.LangEN, Title: "Laundry"}}}
	if _, err := tenders.Create(ctx, core.Actor{}, domain.Principal{}, buyerOrg.ID, draft); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous create: %v", err)
	}
	if _, err := tenders.Create(ctx, supplierAct, supplier, buyerOrg.ID, draft); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a supplier creating for the buyer: %v", err)
	}
	if _, err := tenders.Create(ctx, supplierAct, supplier, supplierOrg.ID, draft); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a supplier creating its own tender: %v", err)
	}
	if _, err := tenders.Create(ctx, moderatorAct, moderator, buyerOrg.ID, draft); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("moderators do not write tenders for buyers: %v", err)
	}
	tn, err := tenders.Create(ctx, buyerAct, buyer, buyerOrg.ID, draft)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tenders.AddLot(ctx, buyerAct, buyer, buyerOrg.ID, tn.ID, domain.TenderLot{Title: "Linen"}); err != nil {
		t.Fatal(err)
	}
	if _, err := tenders.Submit(ctx, buyerAct, buyer, buyerOrg.ID, tn.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := tenders.Get(ctx, supplier, tn.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a pending tender is hidden from suppliers: %v", err)
	}
	if _, err := tenders.Decide(ctx, buyerAct, buyer, tn.ID, core.DecisionApprove, ""); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a buyer approving its own tender: %v", err)
	}
	if _, err := tenders.Decide(ctx, insiderAct, insider, tn.ID, core.DecisionApprove, ""); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a moderator member of the buyer: %v", err)
	}
	if _, _, err := tenders.Queue(ctx, supplier, "", "", "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a supplier reading the queue: %v", err)
	}
	if tn, err = tenders.Decide(ctx, moderatorAct, moderator, tn.ID, core.DecisionApprove, ""); err != nil || tn.State != domain.TenderPublished {
		t.Fatalf("approve: %v %s", err, tn.State)
	}

	// Responses: only as a supplier; sealed from the moderator.
	if _, err := responses.Create(ctx, buyerAct, buyer, tn.ID, tn.Lots[0].ID, domain.ResponseFields{Message: "x"}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a buyer responding: %v", err)
	}
	resp, err := responses.Create(ctx, supplierAct, supplier, tn.ID, tn.Lots[0].ID, domain.ResponseFields{Message: "We wash."})
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]domain.Principal{"moderator": moderator, "buyer before the deadline": buyer, "anonymous": {}} {
		if _, _, err := responses.Get(ctx, core.Actor{UserID: p.UserID}, p, resp.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s reads the response: %v", name, err)
		}
	}
	if _, err := responses.Submit(ctx, moderatorAct, moderator, resp.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a moderator submitting for the supplier: %v", err)
	}
	if _, _, err := responses.ListOwn(ctx, moderator, supplierOrg.ID, "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a moderator listing a supplier's responses: %v", err)
	}

	// Favourites: the buyer's own.
	if _, err := favourites.CreateList(ctx, supplierAct, supplier, buyerOrg.ID, "x"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a supplier writing the buyer's lists: %v", err)
	}
	if _, _, err := favourites.Lists(ctx, moderator, buyerOrg.ID, "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a moderator reading the buyer's lists: %v", err)
	}
}
