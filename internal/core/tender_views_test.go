package core_test

import (
	"reflect"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
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
