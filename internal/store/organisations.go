package store

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store/sqlc"
)

// CreateOrganisation inserts o with its descriptions and identifiers (its
// ID is set when empty, its Status defaults to active) and returns it as
// stored. An identifier another organisation holds is domain.ErrConflict.
func (t *Tx) CreateOrganisation(ctx context.Context, o domain.Organisation) (domain.Organisation, error) {
	if o.ID == "" {
		o.ID = NewID()
	}
	if o.Status == "" {
		o.Status = domain.OrgActive
	}
	id, err := parseID("id", o.ID)
	if err != nil {
		return domain.Organisation{}, err
	}
	lat, lon := coordinates(o.Location)
	row, err := t.q.CreateOrganisation(ctx, sqlc.CreateOrganisationParams{
		ID: id, Kind: string(o.Kind), Country: o.Country, LegalName: o.LegalName, TradeName: optionalString(o.TradeName),
		Status: o.Status, StreetLines: nonNil(o.StreetLines), Postcode: optionalString(o.Postcode), Town: optionalString(o.Town),
		Nuts3: optionalString(o.NUTS3), Latitude: lat, Longitude: lon, Website: optionalString(o.Website),
		Phone: optionalString(o.Phone), Languages: nonNil(o.Languages),
	})
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	if err := t.writeChildren(ctx, id, o); err != nil {
		return domain.Organisation{}, err
	}
	return t.withChildren(ctx, row)
}

// UpdateOrganisationProfile writes o's profile fields (not its kind, status
// or logo) and replaces its descriptions and identifiers.
func (t *Tx) UpdateOrganisationProfile(ctx context.Context, o domain.Organisation) (domain.Organisation, error) {
	id, err := uuid.Parse(o.ID)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	lat, lon := coordinates(o.Location)
	row, err := t.q.UpdateOrganisationProfile(ctx, sqlc.UpdateOrganisationProfileParams{
		ID: id, Country: o.Country, LegalName: o.LegalName, TradeName: optionalString(o.TradeName),
		StreetLines: nonNil(o.StreetLines), Postcode: optionalString(o.Postcode), Town: optionalString(o.Town),
		Nuts3: optionalString(o.NUTS3), Latitude: lat, Longitude: lon, Website: optionalString(o.Website),
		Phone: optionalString(o.Phone), Languages: nonNil(o.Languages),
	})
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	if err := t.q.DeleteOrganisationDescriptions(ctx, id); err != nil {
		return domain.Organisation{}, mapError(err)
	}
	if err := t.q.DeleteOrganisationIdentifiers(ctx, id); err != nil {
		return domain.Organisation{}, mapError(err)
	}
	if err := t.writeChildren(ctx, id, o); err != nil {
		return domain.Organisation{}, err
	}
	return t.withChildren(ctx, row)
}

// SetOrganisationLogo points the organisation's logo at documentID ("" for
// none).
func (t *Tx) SetOrganisationLogo(ctx context.Context, organisationID, documentID string) (domain.Organisation, error) {
	id, err := uuid.Parse(organisationID)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	doc, err := optionalID("logo_document_id", documentID)
	if err != nil {
		return domain.Organisation{}, err
	}
	row, err := t.q.SetOrganisationLogo(ctx, sqlc.SetOrganisationLogoParams{ID: id, LogoDocumentID: doc})
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return t.withChildren(ctx, row)
}

// GetOrganisationForUpdate returns one organisation, locked until the
// transaction ends, or domain.ErrNotFound.
func (t *Tx) GetOrganisationForUpdate(ctx context.Context, id string) (domain.Organisation, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	row, err := t.q.GetOrganisationForUpdate(ctx, uid)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return t.withChildren(ctx, row)
}

// GetOrganisation returns one organisation with its descriptions and
// identifiers, or domain.ErrNotFound.
func (s *Store) GetOrganisation(ctx context.Context, id string) (domain.Organisation, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	row, err := s.q.GetOrganisation(ctx, uid)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return loadChildren(ctx, s.q, row)
}

// GetOrganisationsByID returns the organisations named by ids, keyed by
// the id as given, each as GetOrganisation returns it, in three queries
// however many there are (a page of tenders shows one buyer each). Unknown
// and malformed ids are absent from the map: they are not an error.
func (s *Store) GetOrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error) {
	out := make(map[string]domain.Organisation, len(ids))
	// asked maps each distinct organisation to the ids that named it: two
	// spellings of one uuid (upper case, braces) both get it back.
	asked := make(map[uuid.UUID][]string, len(ids))
	uids := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		uid, err := uuid.Parse(id)
		if err != nil {
			continue
		}
		if _, seen := asked[uid]; !seen {
			uids = append(uids, uid)
		}
		asked[uid] = append(asked[uid], id)
	}
	if len(uids) == 0 {
		return out, nil
	}
	rows, err := s.q.ListOrganisationsByID(ctx, uids)
	if err != nil {
		return nil, mapError(err)
	}
	if len(rows) == 0 {
		return out, nil
	}
	found := make([]uuid.UUID, len(rows))
	orgs := make(map[uuid.UUID]*domain.Organisation, len(rows))
	for i, r := range rows {
		o := organisationFromRow(r)
		orgs[r.ID] = &o
		found[i] = r.ID
	}
	descs, err := s.q.ListOrganisationDescriptionsByOrganisations(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, d := range descs {
		o := orgs[d.OrganisationID]
		o.Descriptions = append(o.Descriptions, domain.LocalizedText{Lang: d.Language, Text: d.Text})
	}
	idents, err := s.q.ListOrganisationIdentifiersByOrganisations(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, i := range idents {
		o := orgs[i.OrganisationID]
		o.Identifiers = append(o.Identifiers, domain.LegalIdentifier{Kind: legalid.Kind(i.Kind), Value: i.Value})
	}
	for uid, o := range orgs {
		for _, id := range asked[uid] {
			out[id] = *o
		}
	}
	return out, nil
}

// GetOrganisation is Store.GetOrganisation in t, for use cases that hold
// a lock.
func (t *Tx) GetOrganisation(ctx context.Context, id string) (domain.Organisation, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Organisation{}, domain.ErrNotFound
	}
	row, err := t.q.GetOrganisation(ctx, uid)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	return loadChildren(ctx, t.q, row)
}

// ListOrganisationsByMember returns the organisations userID belongs to,
// by legal name, with the user's role in each. Descriptions and
// identifiers are not loaded: this is a list for choosing one.
func (s *Store) ListOrganisationsByMember(ctx context.Context, userID string) ([]domain.MemberOrganisation, error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return []domain.MemberOrganisation{}, nil
	}
	rows, err := s.q.ListOrganisationsByMember(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.MemberOrganisation, len(rows))
	for i, r := range rows {
		out[i] = domain.MemberOrganisation{Organisation: organisationFromRow(r.Organisation), Role: domain.MembershipRole(r.Role)}
	}
	return out, nil
}

// writeChildren inserts o's descriptions and identifiers. An identifier
// already held by another organisation is reported with its kind and value.
func (t *Tx) writeChildren(ctx context.Context, id uuid.UUID, o domain.Organisation) error {
	for _, d := range o.Descriptions {
		if err := t.q.AddOrganisationDescription(ctx, sqlc.AddOrganisationDescriptionParams{OrganisationID: id, Language: d.Lang, Text: d.Text}); err != nil {
			return mapError(err)
		}
	}
	for _, ident := range o.Identifiers {
		err := mapError(t.q.AddOrganisationIdentifier(ctx, sqlc.AddOrganisationIdentifierParams{OrganisationID: id, Kind: string(ident.Kind), Value: ident.Value}))
		if errors.Is(err, domain.ErrConflict) {
			return domain.Msg{
				EN: "another organisation is already registered with the identifier %s (%s)",
				FR: "une autre organisation est déjà enregistrée avec l'identifiant %s (%s)",
				DE: "eine andere Organisation ist bereits mit der Kennung %s (%s) registriert",
				NL: "een andere organisatie is al geregistreerd met het identificatienummer %s (%s)",
			}.Wrap(domain.ErrConflict, ident.Value, ident.Kind)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) withChildren(ctx context.Context, row sqlc.Organisation) (domain.Organisation, error) {
	return loadChildren(ctx, t.q, row)
}

func loadChildren(ctx context.Context, q *sqlc.Queries, row sqlc.Organisation) (domain.Organisation, error) {
	o := organisationFromRow(row)
	descs, err := q.ListOrganisationDescriptions(ctx, row.ID)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	for _, d := range descs {
		o.Descriptions = append(o.Descriptions, domain.LocalizedText{Lang: d.Language, Text: d.Text})
	}
	ids, err := q.ListOrganisationIdentifiers(ctx, row.ID)
	if err != nil {
		return domain.Organisation{}, mapError(err)
	}
	for _, i := range ids {
		o.Identifiers = append(o.Identifiers, domain.LegalIdentifier{Kind: legalid.Kind(i.Kind), Value: i.Value})
	}
	return o, nil
}

func organisationFromRow(r sqlc.Organisation) domain.Organisation {
	o := domain.Organisation{
		ID: r.ID.String(), Kind: domain.OrganisationKind(r.Kind), Country: r.Country, LegalName: r.LegalName, Status: r.Status,
		StreetLines: r.StreetLines, Languages: r.Languages, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		TradeName: deref(r.TradeName), Postcode: deref(r.Postcode), Town: deref(r.Town), NUTS3: deref(r.Nuts3),
		Website: deref(r.Website), Phone: deref(r.Phone),
	}
	if r.Latitude != nil && r.Longitude != nil {
		o.Location = &domain.GeoPoint{Latitude: *r.Latitude, Longitude: *r.Longitude}
	}
	if r.LogoDocumentID != nil {
		o.LogoDocumentID = r.LogoDocumentID.String()
	}
	return o
}

func coordinates(p *domain.GeoPoint) (lat, lon *float64) {
	if p == nil {
		return nil, nil
	}
	return &p.Latitude, &p.Longitude
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// nonNil turns a nil slice into an empty one: the columns are NOT NULL arrays.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// OrganisationStatus returns an organisation's status and share-locks its
// row until t ends, so that what t does for the organisation cannot race
// with its suspension: a suspension waits for t, or t for it.
func (t *Tx) OrganisationStatus(ctx context.Context, orgID string) (string, error) {
	ids, err := rowIDs(orgID)
	if err != nil {
		return "", err
	}
	st, err := t.q.ShareOrganisationStatus(ctx, ids[0])
	return st, mapError(err)
}
