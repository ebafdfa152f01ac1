package core_test

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// TestTenderListShowsTheBuyersGetShows: a list loads its page's buyers
// together; each tender must still show, to each caller, the buyer Get
// shows it (none for an anonymous buyer, but to its members and to
// moderators), with the same Manage and Eligibility.
func TestTenderListShowsTheBuyersGetShows(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	tenders := core.NewTenders(db.Store, nil, time.Now, core.TendersConfig{})

	town := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	firm := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	supplierOrg := db.Organisation(t, storetest.OrganisationOptions{})
	deadline := time.Now().Add(10 * 24 * time.Hour)
	hidden := db.Tender(t, town.ID, storetest.TenderOptions{Anonymous: true, Deadline: deadline})
	named := []domain.Tender{
		db.Tender(t, town.ID, storetest.TenderOptions{Deadline: deadline.Add(time.Hour)}),
		db.Tender(t, firm.ID, storetest.TenderOptions{Deadline: deadline.Add(2 * time.Hour)}),
		db.Tender(t, town.ID, storetest.TenderOptions{Deadline: deadline.Add(3 * time.Hour)}),
		db.Tender(t, firm.ID, storetest.TenderOptions{Deadline: deadline.Add(4 * time.Hour)}),
	}
	member := func(orgID string, role domain.PlatformRole) domain.Principal {
		u := db.User(t, storetest.UserOptions{Organisation: orgID, PlatformRole: role})
		p := domain.Principal{UserID: u.ID, PlatformRole: role, Memberships: map[string]domain.MembershipRole{}}
		if orgID != "" {
			p.Memberships[orgID], p.ActiveOrganisationID = domain.RoleOwner, orgID
		}
		return p
	}
	callers := map[string]domain.Principal{
		"anonymous": {},
		"supplier":  member(supplierOrg.ID, domain.PlatformUser),
		"town":      member(town.ID, domain.PlatformUser),
		"firm":      member(firm.ID, domain.PlatformUser),
		"moderator": member("", domain.PlatformModerator),
	}
	seesHidden := map[string]bool{"town": true, "moderator": true}

	for name, p := range callers {
		page, _, err := tenders.ListPublished(ctx, p, "", "", 20)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(page) != 1+len(named) {
			t.Fatalf("%s: %d tenders", name, len(page))
		}
		for _, v := range page {
			one, err := tenders.Get(ctx, p, v.Tender.ID)
			if err != nil {
				t.Fatalf("%s: get %s: %v", name, v.Tender.ID, err)
			}
			if !reflect.DeepEqual(v.Buyer, one.Buyer) || v.Manage != one.Manage || !reflect.DeepEqual(v.Eligibility, one.Eligibility) {
				t.Errorf("%s: tender %s listed as buyer=%+v manage=%v eligibility=%v, got alone as buyer=%+v manage=%v eligibility=%v",
					name, v.Tender.ID, v.Buyer, v.Manage, v.Eligibility, one.Buyer, one.Manage, one.Eligibility)
			}
			switch {
			case v.Tender.ID == hidden.ID && (v.Buyer != nil) != seesHidden[name]:
				t.Errorf("%s: the anonymous buyer shown: %v", name, v.Buyer != nil)
			case v.Tender.ID != hidden.ID && (v.Buyer == nil || v.Buyer.ID != v.Tender.OrganisationID):
				t.Errorf("%s: tender %s of %s shows buyer %+v", name, v.Tender.ID, v.Tender.OrganisationID, v.Buyer)
			}
		}
	}

	own, _, err := tenders.ListOwn(ctx, callers["town"], town.ID, "", 20)
	if err != nil || len(own) != 3 {
		t.Fatalf("own: %v %d", err, len(own))
	}
	for _, v := range own {
		if v.Buyer == nil || v.Buyer.ID != town.ID || !v.Manage {
			t.Errorf("own tender %s: buyer %+v manage %v", v.Tender.ID, v.Buyer, v.Manage)
		}
	}
}

// queryCounter counts the statements a pool sends.
type queryCounter struct{ n atomic.Int64 }

func (c *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	return ctx
}

func (c *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// TestTenderListQueriesDoNotGrowWithThePage: a page of tenders costs the
// same number of queries with 3 tenders of 3 buyers as with 12 of 12,
// for the public, a buyer and an SSE supplier (whose verdicts need its
// past awards from each buyer): nothing is read tender by tender.
func TestTenderListQueriesDoNotGrowWithThePage(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	cfg, err := pgxpool.ParseConfig(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	counter := &queryCounter{}
	cfg.ConnConfig.Tracer = counter
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	tenders := core.NewTenders(store.New(pool), nil, time.Now, core.TendersConfig{})

	supplierOrg := db.Organisation(t, storetest.OrganisationOptions{})
	db.SSEStatus(t, supplierOrg.ID, storetest.StatusOptions{Type: domain.SSEFrESUS})
	firstBuyer := db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer})
	callers := map[string]domain.Principal{
		"anonymous": {},
		"supplier": {UserID: db.User(t, storetest.UserOptions{Organisation: supplierOrg.ID}).ID, ActiveOrganisationID: supplierOrg.ID,
			Memberships: map[string]domain.MembershipRole{supplierOrg.ID: domain.RoleOwner}},
		"buyer": {UserID: db.User(t, storetest.UserOptions{Organisation: firstBuyer.ID}).ID, ActiveOrganisationID: firstBuyer.ID,
			Memberships: map[string]domain.MembershipRole{firstBuyer.ID: domain.RoleOwner}},
	}
	addTenders := func(n int, first string) {
		for i := range n {
			buyer := first
			if i > 0 || buyer == "" {
				buyer = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer}).ID
			}
			db.Tender(t, buyer, storetest.TenderOptions{})
		}
	}
	queries := func(name string, p domain.Principal, want int) int {
		t.Helper()
		before := counter.n.Load()
		page, _, err := tenders.ListPublished(ctx, p, "", "", 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != want {
			t.Fatalf("%s: %d tenders listed, want %d", name, len(page), want)
		}
		if name == "supplier" && len(page[0].Eligibility) == 0 {
			t.Fatalf("the supplier's page has no verdicts")
		}
		return int(counter.n.Load() - before)
	}
	addTenders(3, firstBuyer.ID)
	small := map[string]int{}
	for name, p := range callers {
		small[name] = queries(name, p, 3)
	}
	addTenders(9, "")
	for name, p := range callers {
		if n := queries(name, p, 12); n != small[name] {
			t.Errorf("%s: %d queries for 3 tenders, %d for 12", name, small[name], n)
		}
	}
}
