package store

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// SearchOrganisation is what a search document and a search hit show of
// the organisation behind a listing.
type SearchOrganisation struct {
	ID      string
	Name    string // the trade name, else the legal name
	Country string
	Town    string
	NUTS3   string
	// Location is nil when the organisation gave no coordinates.
	Location *domain.GeoPoint
}

// SearchOffer is a public offer as the search document builder reads it.
type SearchOffer struct {
	ID                 string
	Language           domain.Language
	Texts              []domain.OfferText // the original first
	Sectors            []string
	CPV                []string
	Regions            []string
	AcceptsCrossBorder bool
	PublishedAt        time.Time
	Organisation       SearchOrganisation
	// StatusTypes are the organisation's SSE status types that count.
	StatusTypes []string
}

// SearchTender is a public tender as the search document builder reads it.
type SearchTender struct {
	ID        string
	Language  domain.Language
	Texts     []domain.TenderText // the original first
	Lots      []domain.TenderLot
	PlaceNUTS string
	// PlaceCountry is the ISO code of PlaceNUTS's country.
	PlaceCountry   string
	PlaceTown      string
	Deadline       time.Time
	PublishedAt    time.Time
	BuyerAnonymous bool
	Organisation   SearchOrganisation
	// TownLocation is the place of performance's town as known from the
	// organisations there; nil when none has coordinates.
	TownLocation *domain.GeoPoint
}

// SearchSupplier is a public SSE supplier as the search document builder
// reads it.
type SearchSupplier struct {
	Organisation SearchOrganisation
	Languages    []string
	Descriptions []domain.LocalizedText
	StatusTypes  []string
	// VerifiedAt is when its first counting status was verified.
	VerifiedAt time.Time
	// Sectors, CPV and AcceptsCrossBorder sum up its published offers.
	Sectors            []string
	CPV                []string
	AcceptsCrossBorder bool
}

// SearchOffers returns those of ids that are public offers at at (see
// core.SearchDocuments), in id order, with their texts: two queries.
// Malformed ids are not offers.
func (s *Store) SearchOffers(ctx context.Context, ids []string, at time.Time) ([]SearchOffer, error) {
	uids := parseUUIDs(ids)
	if len(uids) == 0 {
		return []SearchOffer{}, nil
	}
	rows, err := s.q.SearchOfferRows(ctx, sqlc.SearchOfferRowsParams{Ids: uids, OnDate: domain.Day(at)})
	if err != nil {
		return nil, mapError(err)
	}
	found := make([]uuid.UUID, len(rows))
	out := make([]SearchOffer, len(rows))
	index := make(map[uuid.UUID]int, len(rows))
	for i, r := range rows {
		found[i], index[r.ID] = r.ID, i
		out[i] = SearchOffer{ID: r.ID.String(), Language: domain.Language(r.OriginalLanguage), Sectors: r.Sectors,
			CPV: r.CpvCodes, Regions: r.Regions, AcceptsCrossBorder: r.AcceptsCrossBorder, PublishedAt: r.PublishedAt.UTC(),
			StatusTypes: r.StatusTypes,
			Organisation: searchOrganisation(r.OrganisationID, r.LegalName, r.TradeName, r.Country, r.Town, r.Nuts3,
				r.Latitude, r.Longitude)}
	}
	texts, err := s.q.ListOfferTexts(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, x := range texts { // the original comes first (ORDER BY is_original DESC)
		o := &out[index[x.OfferID]]
		o.Texts = append(o.Texts, domain.OfferText{Lang: domain.Language(x.Language), Title: x.Title, Description: x.Description})
	}
	return out, nil
}

// SearchTenders returns those of ids that are public tenders at at (see
// core.SearchDocuments), in id order, with their texts and lots: three
// queries.
func (s *Store) SearchTenders(ctx context.Context, ids []string, at time.Time) ([]SearchTender, error) {
	uids := parseUUIDs(ids)
	if len(uids) == 0 {
		return []SearchTender{}, nil
	}
	rows, err := s.q.SearchTenderRows(ctx, sqlc.SearchTenderRowsParams{Ids: uids, At: at})
	if err != nil {
		return nil, mapError(err)
	}
	found := make([]uuid.UUID, len(rows))
	out := make([]SearchTender, len(rows))
	index := make(map[uuid.UUID]int, len(rows))
	for i, r := range rows {
		found[i], index[r.ID] = r.ID, i
		out[i] = SearchTender{ID: r.ID.String(), Language: domain.Language(r.OriginalLanguage), PlaceNUTS: r.PlaceNuts,
			PlaceCountry: nutsCountry(r.PlaceNuts, r.Country), PlaceTown: r.PlaceTown, Deadline: r.ResponsesDeadline.UTC(),
			PublishedAt: r.PublishedAt.UTC(), BuyerAnonymous: r.BuyerAnonymous,
			Organisation: searchOrganisation(r.OrganisationID, r.LegalName, r.TradeName, r.Country, nil, nil,
				r.Latitude, r.Longitude)}
	}
	// The places' towns, in one query for the batch.
	keys := make([]string, len(out))
	for i, t := range out {
		keys[i] = townKey(t.PlaceCountry, t.PlaceTown)
	}
	centreOf, err := s.townCentres(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if p := centreOf[keys[i]]; p != nil {
			c := *p
			out[i].TownLocation = &c
		}
	}
	texts, err := s.q.ListTenderTexts(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, x := range texts { // the original comes first (ORDER BY original DESC)
		t := &out[index[x.TenderID]]
		t.Texts = append(t.Texts, domain.TenderText{Language: domain.Language(x.Language), Title: x.Title,
			Description: x.Description, Original: x.Original})
	}
	lots, err := s.q.ListTenderLots(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, l := range lots {
		lot, err := lotFromRow(l)
		if err != nil {
			return nil, err
		}
		t := &out[index[l.TenderID]]
		t.Lots = append(t.Lots, lot)
	}
	return out, nil
}

// SearchSuppliers returns those of ids that are public SSE suppliers at at
// (see core.SearchDocuments), in id order, with their descriptions: two
// queries.
func (s *Store) SearchSuppliers(ctx context.Context, ids []string, at time.Time) ([]SearchSupplier, error) {
	uids := parseUUIDs(ids)
	if len(uids) == 0 {
		return []SearchSupplier{}, nil
	}
	rows, err := s.q.SearchSupplierRows(ctx, sqlc.SearchSupplierRowsParams{Ids: uids, OnDate: domain.Day(at)})
	if err != nil {
		return nil, mapError(err)
	}
	found := make([]uuid.UUID, len(rows))
	out := make([]SearchSupplier, len(rows))
	index := make(map[uuid.UUID]int, len(rows))
	for i, r := range rows {
		found[i], index[r.ID] = r.ID, i
		out[i] = SearchSupplier{Languages: r.Languages, StatusTypes: r.StatusTypes, VerifiedAt: r.VerifiedAt.UTC(),
			Sectors: r.Sectors, CPV: r.CpvCodes, AcceptsCrossBorder: r.AcceptsCrossBorder,
			Organisation: searchOrganisation(r.ID, r.LegalName, r.TradeName, r.Country, r.Town, r.Nuts3, r.Latitude, r.Longitude)}
	}
	descs, err := s.q.ListOrganisationDescriptionsOf(ctx, found)
	if err != nil {
		return nil, mapError(err)
	}
	for _, d := range descs {
		o := &out[index[d.OrganisationID]]
		o.Descriptions = append(o.Descriptions, domain.LocalizedText{Lang: d.Language, Text: d.Text})
	}
	return out, nil
}

// CPVLabels returns the labels of the codes (eight digits) that are
// imported; others are absent from the map.
func (s *Store) CPVLabels(ctx context.Context, codes8 []string) (map[string]domain.Labels, error) {
	out := make(map[string]domain.Labels, len(codes8))
	if len(codes8) == 0 {
		return out, nil
	}
	rows, err := s.q.ListCPVLabels(ctx, codes8)
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		out[r.Code8] = domain.Labels{FR: r.LabelFr, DE: r.LabelDe, EN: r.LabelEn, NL: r.LabelNl}
	}
	return out, nil
}

// PublicOfferIDs returns up to limit ids of public offers after the id
// after ("" for the first), in id order.
func (s *Store) PublicOfferIDs(ctx context.Context, after string, limit int32) ([]string, error) {
	ids, err := s.q.PublicOfferIDs(ctx, sqlc.PublicOfferIDsParams{After: afterID(after), RowLimit: limit})
	return idStrings(ids), mapError(err)
}

// PublicTenderIDs returns up to limit ids of tenders public at at after
// the id after ("" for the first), in id order.
func (s *Store) PublicTenderIDs(ctx context.Context, after string, at time.Time, limit int32) ([]string, error) {
	ids, err := s.q.PublicTenderIDs(ctx, sqlc.PublicTenderIDsParams{After: afterID(after), At: at, RowLimit: limit})
	return idStrings(ids), mapError(err)
}

// PublicSupplierIDs returns up to limit ids of suppliers public at at
// after the id after ("" for the first), in id order.
func (s *Store) PublicSupplierIDs(ctx context.Context, after string, at time.Time, limit int32) ([]string, error) {
	ids, err := s.q.PublicSupplierIDs(ctx, sqlc.PublicSupplierIDsParams{After: afterID(after), OnDate: domain.Day(at), RowLimit: limit})
	return idStrings(ids), mapError(err)
}

// Town is a town known to Passerelle: where active organisations with a
// position are, at the average of their coordinates.
type Town struct {
	Name     string
	Country  string
	Location domain.GeoPoint
}

// FindTowns returns the known towns named name (case ignored), one per
// country, of country only when it is not empty.
func (s *Store) FindTowns(ctx context.Context, name, country string) ([]Town, error) {
	rows, err := s.q.FindTowns(ctx, sqlc.FindTownsParams{Town: name, Country: country})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]Town, len(rows))
	for i, r := range rows {
		out[i] = Town{Name: r.Town, Country: r.Country, Location: domain.GeoPoint{Latitude: r.Latitude, Longitude: r.Longitude}}
	}
	return out, nil
}

// SuggestTowns returns up to five known town names beginning with prefix
// (case ignored), of country only when it is not empty.
func (s *Store) SuggestTowns(ctx context.Context, prefix, country string) ([]string, error) {
	names, err := s.q.SuggestTowns(ctx, sqlc.SuggestTownsParams{Prefix: escapeLike(prefix), Country: country})
	if err != nil {
		return nil, mapError(err)
	}
	return names, nil
}

// townKey names a town of a country for TownCentres.
func townKey(country, town string) string { return country + "|" + town }

// nutsCountry is the ISO country of a NUTS code (Eurostat writes Greece
// EL where ISO says GR), else fallback.
func nutsCountry(nuts, fallback string) string {
	if len(nuts) < 2 {
		return fallback
	}
	if c := nuts[:2]; c != "EL" {
		return c
	}
	return "GR"
}

func searchOrganisation(id uuid.UUID, legal string, trade *string, country string, town, nuts3 *string, lat, lon *float64) SearchOrganisation {
	o := SearchOrganisation{ID: id.String(), Name: legal, Country: country, Town: deref(town), NUTS3: deref(nuts3)}
	if trade != nil && *trade != "" {
		o.Name = *trade
	}
	if lat != nil && lon != nil {
		o.Location = &domain.GeoPoint{Latitude: *lat, Longitude: *lon}
	}
	return o
}

// parseUUIDs keeps the well-formed ids: a malformed one names no row.
func parseUUIDs(ids []string) []uuid.UUID {
	out := make([]uuid.UUID, 0, len(ids))
	for _, s := range ids {
		if u, err := uuid.Parse(s); err == nil {
			out = append(out, u)
		}
	}
	return out
}

// afterID is where an id-ordered list starts: after the given id, or
// before every id for "" (or a malformed id).
func afterID(s string) uuid.UUID {
	u, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil
	}
	return u
}

func idStrings(ids []uuid.UUID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}

// escapeLike makes s match itself in a LIKE pattern.
func escapeLike(s string) string {
	r := make([]rune, 0, len(s))
	for _, c := range s {
		if c == '%' || c == '_' || c == '\\' {
			r = append(r, '\\')
		}
		r = append(r, c)
	}
	return string(r)
}

// townCacheTTL is how long a town centre read for the search's pages is
// reused: an organisation created, moved or suspended moves its town's
// centre (an average) on those pages within a minute. The routing reads
// it afresh (TownCentre).
const townCacheTTL = time.Minute

// townCacheMax bounds the towns kept; a full cache starts again empty.
const townCacheMax = 10000

// townCache keeps town centres, and the towns found to have none, for
// townCacheTTL: a page of tenders asked the database for its places'
// towns on every search (a fifth of the database's time under the load
// benchmark of issue 11), and the towns are few.
type townCache struct {
	mu    sync.Mutex
	towns map[string]townEntry
}

type townEntry struct {
	centre *domain.GeoPoint // nil: no known town
	until  time.Time
}

// townCentres returns the centres of the towns of keys (townKey) that
// have one, from the cache or in one query for those it lacks.
func (s *Store) townCentres(ctx context.Context, keys []string) (map[string]*domain.GeoPoint, error) {
	now := time.Now()
	out := make(map[string]*domain.GeoPoint, len(keys))
	var missing []string
	s.towns.mu.Lock()
	for _, k := range keys {
		if e, ok := s.towns.towns[k]; ok && now.Before(e.until) {
			out[k] = e.centre
		} else if !slices.Contains(missing, k) {
			missing = append(missing, k)
		}
	}
	s.towns.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	rows, err := s.q.TownCentres(ctx, missing)
	if err != nil {
		return nil, mapError(err)
	}
	found := make(map[string]*domain.GeoPoint, len(rows))
	for _, r := range rows {
		found[r.Key] = &domain.GeoPoint{Latitude: r.Latitude, Longitude: r.Longitude}
	}
	s.towns.mu.Lock()
	defer s.towns.mu.Unlock()
	if s.towns.towns == nil || len(s.towns.towns)+len(missing) > townCacheMax {
		s.towns.towns = make(map[string]townEntry, len(missing))
	}
	for _, k := range missing {
		out[k] = found[k]
		s.towns.towns[k] = townEntry{centre: found[k], until: now.Add(townCacheTTL)}
	}
	return out, nil
}
