package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateOffer records a new draft offer with its texts and regions (its ID
// is set when empty) and returns it as stored.
func (t *Tx) CreateOffer(ctx context.Context, o domain.Offer, now time.Time) (domain.Offer, error) {
	if o.ID == "" {
		o.ID = NewID()
	}
	id, err := parseID("id", o.ID)
	if err != nil {
		return domain.Offer{}, err
	}
	org, err := parseID("organisation_id", o.OrganisationID)
	if err != nil {
		return domain.Offer{}, err
	}
	f := o.OfferFields
	row, err := t.q.CreateOffer(ctx, sqlc.CreateOfferParams{
		ID: id, OrganisationID: org, Type: string(f.Type), OriginalLanguage: string(f.Language),
		Sectors: nonNil(f.Sectors), CpvCodes: nonNil(f.CPVCodes), AreaMode: string(f.Area.Mode), RadiusKm: radius(f.Area),
		AcceptsCrossBorder: f.Area.AcceptsCrossBorder, PriceText: optionalString(f.Price.Text),
		PriceAmountCents: f.Price.AmountCents, PriceCurrency: currency(f.Price), PriceUnit: optionalString(f.Price.Unit),
		MinimumOrder: optionalString(f.MinimumOrder), LeadTimeDays: int32Ptr(f.LeadTimeDays),
		Capacity: optionalString(f.Capacity), Labels: nonNil(f.Labels), Now: now,
	})
	if err != nil {
		return domain.Offer{}, mapError(err)
	}
	if err := t.writeOfferChildren(ctx, id, f); err != nil {
		return domain.Offer{}, err
	}
	return t.loadOffer(ctx, row)
}

// LockOffer reads one offer with its texts, regions and documents and
// locks its row until the transaction ends, or returns domain.ErrNotFound.
func (t *Tx) LockOffer(ctx context.Context, id string) (domain.Offer, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Offer{}, domain.ErrNotFound
	}
	row, err := t.q.LockOffer(ctx, uid)
	if err != nil {
		return domain.Offer{}, mapError(err)
	}
	return t.loadOffer(ctx, row)
}

// SaveOffer writes every field of o, its texts and regions included (not
// its documents: see AttachOfferDocument), and returns it as stored.
func (t *Tx) SaveOffer(ctx context.Context, o domain.Offer, now time.Time) (domain.Offer, error) {
	id, err := parseID("id", o.ID)
	if err != nil {
		return domain.Offer{}, err
	}
	decider, err := optionalID("decided_by", o.DecidedBy)
	if err != nil {
		return domain.Offer{}, err
	}
	f := o.OfferFields
	row, err := t.q.SaveOffer(ctx, sqlc.SaveOfferParams{
		ID: id, State: string(o.State), Type: string(f.Type), OriginalLanguage: string(f.Language),
		Sectors: nonNil(f.Sectors), CpvCodes: nonNil(f.CPVCodes), AreaMode: string(f.Area.Mode), RadiusKm: radius(f.Area),
		AcceptsCrossBorder: f.Area.AcceptsCrossBorder, PriceText: optionalString(f.Price.Text),
		PriceAmountCents: f.Price.AmountCents, PriceCurrency: currency(f.Price), PriceUnit: optionalString(f.Price.Unit),
		MinimumOrder: optionalString(f.MinimumOrder), LeadTimeDays: int32Ptr(f.LeadTimeDays),
		Capacity: optionalString(f.Capacity), Labels: nonNil(f.Labels), SubmittedAt: o.SubmittedAt,
		DecidedAt: o.DecidedAt, DecidedBy: decider, DecisionReason: optionalString(o.DecisionReason),
		PublishedAt: o.PublishedAt, ArchivedAt: o.ArchivedAt, Now: now,
	})
	if err != nil {
		return domain.Offer{}, mapError(err)
	}
	if err := t.q.DeleteOfferTexts(ctx, id); err != nil {
		return domain.Offer{}, mapError(err)
	}
	if err := t.q.DeleteOfferRegions(ctx, id); err != nil {
		return domain.Offer{}, mapError(err)
	}
	if err := t.writeOfferChildren(ctx, id, f); err != nil {
		return domain.Offer{}, err
	}
	return t.loadOffer(ctx, row)
}

// DeleteOffer deletes one offer (its texts, regions and document links go
// with it; the documents stay), or returns domain.ErrNotFound.
func (t *Tx) DeleteOffer(ctx context.Context, id string) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	n, err := t.q.DeleteOffer(ctx, uid)
	if err != nil {
		return mapError(err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// AttachOfferDocument links a document to an offer, after its others;
// attaching it twice is harmless (added reports whether the link is new).
// The database refuses a document of another organisation or of another
// purpose (domain.ErrConflict).
func (t *Tx) AttachOfferDocument(ctx context.Context, o domain.Offer, doc domain.Document, now time.Time) (added bool, err error) {
	oid, err := parseID("offer_id", o.ID)
	if err != nil {
		return false, err
	}
	org, err := parseID("organisation_id", o.OrganisationID)
	if err != nil {
		return false, err
	}
	did, err := parseID("document_id", doc.ID)
	if err != nil {
		return false, err
	}
	n, err := t.q.AttachOfferDocument(ctx, sqlc.AttachOfferDocumentParams{OfferID: oid, DocumentID: did, OrganisationID: org,
		Purpose: string(doc.Purpose), Now: now})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// DetachOfferDocument unlinks a document from an offer; removed reports
// whether it was linked.
func (t *Tx) DetachOfferDocument(ctx context.Context, offerID, documentID string) (removed bool, err error) {
	oid, err1 := uuid.Parse(offerID)
	did, err2 := uuid.Parse(documentID)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	n, err := t.q.DetachOfferDocument(ctx, sqlc.DetachOfferDocumentParams{OfferID: oid, DocumentID: did})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// OrganisationOwner is an owner of an organisation who can receive email.
type OrganisationOwner struct {
	UserID      string
	Email       string
	DisplayName string
	Language    domain.Language
}

// ListOrganisationOwners returns the owners of an organisation whose
// account is active and email verified, first owner first.
func (t *Tx) ListOrganisationOwners(ctx context.Context, organisationID string) ([]OrganisationOwner, error) {
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return nil, nil
	}
	rows, err := t.q.ListOrganisationOwners(ctx, org)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]OrganisationOwner, len(rows))
	for i, r := range rows {
		out[i] = OrganisationOwner{UserID: r.ID.String(), Email: r.Email, DisplayName: r.DisplayName, Language: domain.Language(r.Language)}
	}
	return out, nil
}

// GetOffer returns one offer with its texts, regions and documents, or
// domain.ErrNotFound.
func (s *Store) GetOffer(ctx context.Context, id string) (domain.Offer, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Offer{}, domain.ErrNotFound
	}
	row, err := s.q.GetOffer(ctx, uid)
	if err != nil {
		return domain.Offer{}, mapError(err)
	}
	list, err := withOfferChildren(ctx, s.q, []sqlc.Offer{row})
	if err != nil {
		return domain.Offer{}, err
	}
	return list[0], nil
}

// ListOffersByOrganisation returns up to limit offers of an organisation in
// one of states, newest first, after cursor ("" for the first page); next
// is the cursor of the following page, "" after the last.
func (s *Store) ListOffersByOrganisation(ctx context.Context, organisationID string, states []domain.OfferState, cursor string, limit int32) (
	page []domain.Offer, next string, err error) {
	before, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	org, err := uuid.Parse(organisationID)
	if err != nil {
		return []domain.Offer{}, "", nil
	}
	st := make([]string, len(states))
	for i, x := range states {
		st[i] = string(x)
	}
	at, id := descendingFrom(before)
	rows, err := s.q.ListOffersByOrganisation(ctx, sqlc.ListOffersByOrganisationParams{OrganisationID: org, States: st,
		BeforeCreatedAt: at, BeforeID: id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Offer) string { return encodeCursor(r.CreatedAt, r.ID) })
	page, err = withOfferChildren(ctx, s.q, rows)
	return page, next, err
}

// OfferFilter narrows the list of published offers; empty fields match all.
type OfferFilter struct {
	Sector  string
	Type    domain.OfferType
	Country string // the supplier organisation's country
	// Oldest sorts by publication date, oldest first; else newest first.
	Oldest bool
}

// ListPublishedOffers returns up to limit published offers of active
// organisations matching f,
// sorted by publication date, after cursor; next is the cursor of the
// following page, "" after the last.
func (s *Store) ListPublishedOffers(ctx context.Context, f OfferFilter, cursor string, limit int32) (page []domain.Offer, next string, err error) {
	from, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	var rows []sqlc.Offer
	if f.Oldest {
		rows, err = s.q.ListPublishedOffersOldest(ctx, sqlc.ListPublishedOffersOldestParams{Sector: f.Sector, Type: string(f.Type),
			Country: f.Country, AfterPublishedAt: from.at, AfterID: from.id, RowLimit: limit + 1})
	} else {
		at, id := descendingFrom(from)
		rows, err = s.q.ListPublishedOffersNewest(ctx, sqlc.ListPublishedOffersNewestParams{Sector: f.Sector, Type: string(f.Type),
			Country: f.Country, BeforePublishedAt: at, BeforeID: id, RowLimit: limit + 1})
	}
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Offer) string { return encodeCursor(*r.PublishedAt, r.ID) })
	page, err = withOfferChildren(ctx, s.q, rows)
	return page, next, err
}

// OfferForModeration is a pending offer with the organisation it belongs to.
type OfferForModeration struct {
	Offer               domain.Offer
	OrganisationName    string
	OrganisationCountry string
}

// ListOffersForModeration returns up to limit pending offers, oldest
// submission first, of organisations of country ("" for all), after
// cursor; next is the cursor of the following page, "" after the last.
func (s *Store) ListOffersForModeration(ctx context.Context, country, cursor string, limit int32) (
	page []OfferForModeration, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListOffersForModeration(ctx, sqlc.ListOffersForModerationParams{Country: country,
		AfterSubmittedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListOffersForModerationRow) string { return encodeCursor(*r.Offer.SubmittedAt, r.Offer.ID) })
	offers := make([]sqlc.Offer, len(rows))
	for i, r := range rows {
		offers[i] = r.Offer
	}
	full, err := withOfferChildren(ctx, s.q, offers)
	if err != nil {
		return nil, "", err
	}
	page = make([]OfferForModeration, len(rows))
	for i, r := range rows {
		page[i] = OfferForModeration{Offer: full[i], OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry}
	}
	return page, next, nil
}

func (t *Tx) writeOfferChildren(ctx context.Context, id uuid.UUID, f domain.OfferFields) error {
	texts := append([]domain.OfferText{{Lang: f.Language, Title: f.Title, Description: f.Description}}, f.Translations...)
	for i, tx := range texts {
		if err := t.q.InsertOfferText(ctx, sqlc.InsertOfferTextParams{OfferID: id, Language: string(tx.Lang), IsOriginal: i == 0,
			Title: tx.Title, Description: tx.Description}); err != nil {
			return mapError(err)
		}
	}
	for _, code := range f.Area.Regions {
		if err := t.q.InsertOfferRegion(ctx, sqlc.InsertOfferRegionParams{OfferID: id, NutsCode: code}); err != nil {
			return mapError(err)
		}
	}
	return nil
}

func (t *Tx) loadOffer(ctx context.Context, row sqlc.Offer) (domain.Offer, error) {
	list, err := withOfferChildren(ctx, t.q, []sqlc.Offer{row})
	if err != nil {
		return domain.Offer{}, err
	}
	return list[0], nil
}

// withOfferChildren turns rows into offers with their texts, regions and
// documents, in three queries whatever the number of rows.
func withOfferChildren(ctx context.Context, q *sqlc.Queries, rows []sqlc.Offer) ([]domain.Offer, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	texts, err := q.ListOfferTexts(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	regions, err := q.ListOfferRegions(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	docs, err := q.ListOfferDocuments(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.Offer, len(rows))
	index := make(map[uuid.UUID]int, len(rows))
	for i, r := range rows {
		out[i] = offerFromRow(r)
		index[r.ID] = i
	}
	for _, tx := range texts {
		o := &out[index[tx.OfferID]]
		if tx.IsOriginal {
			o.Title, o.Description = tx.Title, tx.Description
			continue
		}
		o.Translations = append(o.Translations, domain.OfferText{Lang: domain.Language(tx.Language), Title: tx.Title, Description: tx.Description})
	}
	for _, r := range regions {
		o := &out[index[r.OfferID]]
		o.Area.Regions = append(o.Area.Regions, r.NutsCode)
	}
	for _, d := range docs {
		o := &out[index[d.OfferID]]
		o.Documents = append(o.Documents, domain.OfferDocument{DocumentID: d.DocumentID.String(),
			Purpose: domain.DocumentPurpose(d.Purpose), Position: int(d.Position)})
	}
	return out, nil
}

func offerFromRow(r sqlc.Offer) domain.Offer {
	o := domain.Offer{
		ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), State: domain.OfferState(r.State),
		OfferFields: domain.OfferFields{
			Type: domain.OfferType(r.Type), Language: domain.Language(r.OriginalLanguage), Translations: []domain.OfferText{},
			Sectors: nonNil(r.Sectors), CPVCodes: nonNil(r.CpvCodes),
			Area:         domain.OfferArea{Mode: domain.AreaMode(r.AreaMode), AcceptsCrossBorder: r.AcceptsCrossBorder, Regions: []string{}},
			Price:        domain.OfferPrice{Text: deref(r.PriceText), AmountCents: r.PriceAmountCents, Currency: deref(r.PriceCurrency), Unit: deref(r.PriceUnit)},
			MinimumOrder: deref(r.MinimumOrder), Capacity: deref(r.Capacity), Labels: nonNil(r.Labels),
		},
		SubmittedAt: r.SubmittedAt, DecidedAt: r.DecidedAt, DecisionReason: deref(r.DecisionReason),
		PublishedAt: r.PublishedAt, ArchivedAt: r.ArchivedAt, Documents: []domain.OfferDocument{},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
	if r.RadiusKm != nil {
		o.Area.RadiusKM = int(*r.RadiusKm)
	}
	if r.LeadTimeDays != nil {
		d := int(*r.LeadTimeDays)
		o.LeadTimeDays = &d
	}
	if r.DecidedBy != nil {
		o.DecidedBy = r.DecidedBy.String()
	}
	return o
}

func radius(a domain.OfferArea) *int32 {
	if a.Mode != domain.AreaRadius {
		return nil
	}
	r := int32(a.RadiusKM)
	return &r
}

func currency(p domain.OfferPrice) *string {
	if p.AmountCents == nil {
		return nil
	}
	return &p.Currency
}

func int32Ptr(p *int) *int32 {
	if p == nil {
		return nil
	}
	v := int32(*p)
	return &v
}
