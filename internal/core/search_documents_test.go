package core_test

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy"
)

// searchRows are listings in every state that matters to search.
type searchRows struct {
	supplier, unverified, suspended, buyer                    domain.Organisation
	offer, draft, suspendedOffer                              domain.Offer
	tender, anonymous, pastDeadline, closed, draftTender      domain.Tender
	supplierDoc, offerDoc, tenderDoc, anonymousDoc            search.Document
	publicRefs, hiddenRefs                                    []core.SearchRef
	metz, supplierAt, buyerAt                                 domain.GeoPoint
	offerPublishedAt, tenderPublishedAt, deadline, verifiedAt time.Time
}

func newSearchRows(t *testing.T, db *storetest.DB) *searchRows {
	t.Helper()
	r := &searchRows{supplierAt: domain.GeoPoint{Latitude: 49.1193, Longitude: 6.1757},
		buyerAt: domain.GeoPoint{Latitude: 49.1207, Longitude: 6.1799}}
	r.metz = domain.GeoPoint{Latitude: (r.supplierAt.Latitude + r.buyerAt.Latitude) / 2,
		Longitude: (r.supplierAt.Longitude + r.buyerAt.Longitude) / 2}
	db.CPVCodes(t, "90919200-4", "90911200-8", "98311000-6")
	share := 80.0

	r.supplier = db.Organisation(t, storetest.OrganisationOptions{LegalName: "ESAT Les Tilleuls", TradeName: "Les Tilleuls"})
	r.supplier = db.Place(t, r.supplier.ID, "Metz", "FRF33", &r.supplierAt)
	status := db.SSEStatus(t, r.supplier.ID, storetest.StatusOptions{Type: "fr_esat", DisabledShare: &share})
	r.verifiedAt = status.ReviewedAt.UTC()
	r.unverified = db.Organisation(t, storetest.OrganisationOptions{LegalName: "Atelier en attente"})
	db.SSEStatus(t, r.unverified.ID, storetest.StatusOptions{Type: "fr_ea", State: domain.VerificationPending})
	r.suspended = db.Organisation(t, storetest.OrganisationOptions{LegalName: "Atelier suspendu", Status: "suspended"})
	db.SSEStatus(t, r.suspended.ID, storetest.StatusOptions{Type: "fr_ea"})

	r.offerPublishedAt = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
	r.offer = db.Offer(t, r.supplier.ID, storetest.OfferOptions{Title: "Nettoyage de bureaux", Description: "Équipes en ESAT.",
		Translations: []domain.OfferText{{Lang: domain.LangDE, Title: "Büroreinigung", Description: "Teams aus einer Werkstatt."}},
		CPV:          []string{"90919200-4"}, Regions: []string{"LU000"}, CrossBorder: true, PublishedAt: r.offerPublishedAt})
	r.draft = db.Offer(t, r.supplier.ID, storetest.OfferOptions{State: domain.OfferDraft, Title: "Brouillon"})
	r.suspendedOffer = db.Offer(t, r.suspended.ID, storetest.OfferOptions{Title: "Offre d'un suspendu"})

	r.buyer = db.Organisation(t, storetest.OrganisationOptions{Kind: domain.OrgPublicBuyer, LegalName: "Ville de Metz"})
	r.buyer = db.Place(t, r.buyer.ID, "Metz", "FRF33", &r.buyerAt)
	r.tenderPublishedAt = time.Date(2026, 10, 2, 8, 0, 0, 0, time.UTC)
	r.deadline = time.Now().AddDate(0, 1, 0).UTC().Truncate(time.Microsecond)
	r.tender = db.Tender(t, r.buyer.ID, storetest.TenderOptions{
		Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Nettoyage des écoles", Description: "Trois groupes scolaires."},
			{Language: domain.LangDE, Title: "Schulreinigung", Description: "Drei Schulen."}},
		Deadline: r.deadline, PublishedAt: r.tenderPublishedAt,
		Lots: []domain.TenderLot{
			{Title: "Lot réservé", Description: "Vitrerie", CPV: []string{"90911200-8"},
				Clauses: domain.LotClauses{ReservedParticipation: domain.ReservedShelteredWorkshops,
					LegalBases: []domain.LegalBasis{domain.BasisFRL211312}}},
			{Title: "Lot ouvert", CPV: []string{"98311000-6"}},
		}})
	r.anonymous = db.Tender(t, r.buyer.ID, storetest.TenderOptions{Anonymous: true, PlaceNUTS: "LU000", PlaceTown: "Nulle-Part",
		Texts: []domain.TenderText{{Language: domain.LangFR, Title: "Marché discret"}}, Deadline: r.deadline,
		PublishedAt: r.tenderPublishedAt})
	r.pastDeadline = db.Tender(t, r.buyer.ID, storetest.TenderOptions{Deadline: time.Now().Add(-time.Hour)})
	r.closed = db.Tender(t, r.buyer.ID, storetest.TenderOptions{State: domain.TenderClosed})
	r.draftTender = db.Tender(t, r.buyer.ID, storetest.TenderOptions{State: domain.TenderDraft})

	cleaningOffices := []string{"Nettoyage de bureaux", "Büroreinigung", "Office cleaning", "Kantoorschoonmaak"}
	concepts := func(sectorLabels [][]string, cpvs []string) map[domain.Language][]string {
		out := map[domain.Language][]string{}
		for i, lang := range []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL} {
			for _, s := range sectorLabels {
				out[lang] = append(out[lang], s[i])
			}
			for _, c := range cpvs {
				out[lang] = append(out[lang], "CPV "+taxonomy.FullCPV(c)) // storetest's placeholder labels
			}
		}
		return out
	}
	r.offerDoc = search.Document{ID: r.offer.ID, Kind: search.KindOffer, OrganisationID: r.supplier.ID, Country: "FR",
		NUTS:    []string{"FR", "FRF", "FRF3", "FRF33", "LU", "LU0", "LU00", "LU000"},
		Sectors: []string{"cleaning.offices"}, CPV: []string{"90000000", "90900000", "90910000", "90919000", "90919200"},
		StatusTypes: []string{"fr_esat"}, PublishedAt: r.offerPublishedAt, AcceptsCrossBorder: true,
		Geo: &search.GeoPoint{Lat: r.supplierAt.Latitude, Lon: r.supplierAt.Longitude},
		Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Nettoyage de bureaux", Description: "Équipes en ESAT."},
			domain.LangDE: {Title: "Büroreinigung", Description: "Teams aus einer Werkstatt."}},
		Concepts: concepts([][]string{cleaningOffices}, []string{"90000000", "90900000", "90910000", "90919000", "90919200"})}
	r.tenderDoc = search.Document{ID: r.tender.ID, Kind: search.KindTender, OrganisationID: r.buyer.ID, Country: "FR",
		NUTS:    []string{"FR", "FRF", "FRF3", "FRF33"},
		Sectors: []string{"cleaning.buildings", "laundry.laundry", "laundry.collection"},
		CPV: []string{"90000000", "90900000", "90910000", "90911000", "90911200",
			"98000000", "98300000", "98310000", "98311000"},
		ReservedBases: []string{"FR_L2113_12"}, Deadline: &r.deadline, PublishedAt: r.tenderPublishedAt,
		AcceptsCrossBorder: true, Geo: &search.GeoPoint{Lat: r.metz.Latitude, Lon: r.metz.Longitude},
		Text: map[domain.Language]search.Text{
			domain.LangFR: {Title: "Nettoyage des écoles", Description: "Trois groupes scolaires.\n\nLot réservé\nVitrerie\n\nLot ouvert"},
			domain.LangDE: {Title: "Schulreinigung", Description: "Drei Schulen."}},
		Concepts: concepts([][]string{
			{"Nettoyage de bâtiments", "Gebäudereinigung", "Building cleaning", "Reiniging van gebouwen"},
			{"Blanchisserie", "Wäschereidienstleistungen", "Laundry services", "Wasserijdiensten"},
			{"Collecte et livraison de linge", "Wäscheabholung und -lieferung", "Laundry collection and delivery", "Ophalen en leveren van wasgoed"},
		}, []string{"90000000", "90900000", "90910000", "90911000", "90911200", "98000000", "98300000", "98310000", "98311000"})}
	// Anonymous, in a town no organisation is in: no position at all.
	r.anonymousDoc = search.Document{ID: r.anonymous.ID, Kind: search.KindTender, OrganisationID: r.buyer.ID, Country: "LU",
		NUTS: []string{"LU", "LU0", "LU00", "LU000"}, Deadline: &r.deadline, PublishedAt: r.tenderPublishedAt,
		AcceptsCrossBorder: true, Text: map[domain.Language]search.Text{domain.LangFR: {Title: "Marché discret", Description: "Lot 1"}},
		Concepts: map[domain.Language][]string{}}
	// A supplier sums up its published offers; named in French, the
	// language of its country, as it wrote no description.
	r.supplierDoc = search.Document{ID: r.supplier.ID, Kind: search.KindSupplier, OrganisationID: r.supplier.ID, Country: "FR",
		NUTS: []string{"FR", "FRF", "FRF3", "FRF33"}, Sectors: []string{"cleaning.offices"},
		CPV:         []string{"90000000", "90900000", "90910000", "90919000", "90919200"},
		StatusTypes: []string{"fr_esat"}, PublishedAt: r.verifiedAt, AcceptsCrossBorder: true,
		Geo:      &search.GeoPoint{Lat: r.supplierAt.Latitude, Lon: r.supplierAt.Longitude},
		Text:     map[domain.Language]search.Text{domain.LangFR: {Title: "Les Tilleuls"}},
		Concepts: r.offerDoc.Concepts}
	r.publicRefs = []core.SearchRef{{search.KindOffer, r.offer.ID}, {search.KindTender, r.tender.ID},
		{search.KindTender, r.anonymous.ID}, {search.KindSupplier, r.supplier.ID}}
	r.hiddenRefs = []core.SearchRef{{search.KindOffer, r.draft.ID}, {search.KindOffer, r.suspendedOffer.ID},
		{search.KindTender, r.pastDeadline.ID}, {search.KindTender, r.closed.ID}, {search.KindTender, r.draftTender.ID},
		{search.KindSupplier, r.unverified.ID}, {search.KindSupplier, r.suspended.ID}, {search.KindSupplier, r.buyer.ID},
		// An offer's id asked as a tender, an unknown id, a malformed one,
		// an unknown kind: none is a public listing.
		{search.KindTender, r.offer.ID}, {search.KindOffer, "0195c2a0-0000-7000-8000-000000000000"},
		{search.KindOffer, "not-a-uuid"}, {"event", r.offer.ID}}
	return r
}

func TestSearchDocumentsBuildsPublicListings(t *testing.T) {
	db := storetest.New(t)
	r := newSearchRows(t, db)
	refs := append(slices.Clone(r.publicRefs), r.hiddenRefs...)
	refs = append(refs, r.publicRefs[0]) // asked twice, returned once
	docs, gone, err := core.SearchDocuments(t.Context(), db.Store, refs, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := []search.Document{r.offerDoc, r.tenderDoc, r.anonymousDoc, r.supplierDoc}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d: %+v", len(docs), len(want), docs)
	}
	for i, d := range docs {
		if err := d.Validate(); err != nil {
			t.Errorf("document %d does not validate: %v", i, err)
		}
		sameDocument(t, d, want[i])
	}
	if !slices.Equal(gone, r.hiddenRefs) {
		t.Errorf("gone %v\nwant %v", gone, r.hiddenRefs)
	}
}

func TestSearchDocumentsFollowTime(t *testing.T) {
	db := storetest.New(t)
	r := newSearchRows(t, db)
	// After the deadline the tender goes; in two years the supplier's
	// status has expired, so the supplier goes, but its offer (moderated
	// when published) stays, without the expired status type.
	later := r.deadline.Add(time.Minute)
	_, gone, err := core.SearchDocuments(t.Context(), db.Store, r.publicRefs, later)
	if err != nil {
		t.Fatal(err)
	}
	if want := r.publicRefs[1:3]; !slices.Equal(gone, want) {
		t.Errorf("gone after the deadline: %v, want %v", gone, want)
	}
	docs, gone, err := core.SearchDocuments(t.Context(), db.Store, r.publicRefs, time.Now().AddDate(2, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != r.offer.ID || len(docs[0].StatusTypes) != 0 || len(gone) != 3 {
		t.Errorf("in two years: docs %+v gone %v", docs, gone)
	}
}

func TestEachSearchDocumentStreamsEveryPublicListing(t *testing.T) {
	db := storetest.New(t)
	r := newSearchRows(t, db)
	more := db.Offer(t, r.supplier.ID, storetest.OfferOptions{Title: "Espaces verts"})
	var batches [][]string
	err := core.EachSearchDocument(t.Context(), db.Store, time.Now(), 1, func(docs []search.Document) error {
		var ids []string
		for _, d := range docs {
			ids = append(ids, string(d.Kind)+":"+d.ID)
		}
		batches = append(batches, ids)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	offers := []string{r.offer.ID, more.ID}
	slices.Sort(offers)
	tenders := []string{r.tender.ID, r.anonymous.ID}
	slices.Sort(tenders)
	want := [][]string{{"offer:" + offers[0]}, {"offer:" + offers[1]}, {"tender:" + tenders[0]}, {"tender:" + tenders[1]},
		{"supplier:" + r.supplier.ID}}
	if !reflect.DeepEqual(batches, want) {
		t.Errorf("batches %v\nwant %v", batches, want)
	}

	var n int
	err = core.EachSearchDocument(t.Context(), db.Store, time.Now(), 0, func(docs []search.Document) error {
		n += len(docs)
		return nil
	})
	if err != nil || n != 5 {
		t.Errorf("default batch: %d documents, %v", n, err)
	}
	stop := errors.New("stop")
	if err := core.EachSearchDocument(t.Context(), db.Store, time.Now(), 2, func([]search.Document) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("an error of fn stops the walk: %v", err)
	}
}

// sameDocument compares documents field by field, positions within a
// micrometre and times to the microsecond (PostgreSQL's precision).
func sameDocument(t *testing.T, got, want search.Document) {
	t.Helper()
	if (got.Geo == nil) != (want.Geo == nil) ||
		got.Geo != nil && (math.Abs(got.Geo.Lat-want.Geo.Lat) > 1e-9 || math.Abs(got.Geo.Lon-want.Geo.Lon) > 1e-9) {
		t.Errorf("%s %s: geo %+v, want %+v", got.Kind, got.ID, got.Geo, want.Geo)
	}
	if !got.PublishedAt.Equal(want.PublishedAt.Truncate(time.Microsecond)) {
		t.Errorf("%s %s: published %v, want %v", got.Kind, got.ID, got.PublishedAt, want.PublishedAt)
	}
	if (got.Deadline == nil) != (want.Deadline == nil) || got.Deadline != nil && !got.Deadline.Equal(*want.Deadline) {
		t.Errorf("%s %s: deadline %v, want %v", got.Kind, got.ID, got.Deadline, want.Deadline)
	}
	got.Geo, want.Geo, got.PublishedAt, want.PublishedAt, got.Deadline, want.Deadline = nil, nil, time.Time{}, time.Time{}, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("document %s %s\n got %#v\nwant %#v", got.Kind, got.ID, got, want)
	}
}
