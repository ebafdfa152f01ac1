package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// LotTenderID returns the id of the tender a lot belongs to;
// domain.ErrNotFound for an unknown lot.
func (s *Store) LotTenderID(ctx context.Context, lotID string) (string, error) {
	id, err := uuid.Parse(lotID)
	if err != nil {
		return "", domain.ErrNotFound
	}
	tid, err := s.q.LotTenderID(ctx, id)
	if err != nil {
		return "", mapError(err)
	}
	return tid.String(), nil
}

// TownCentre returns the position of a known town of a country (the
// average of its organisations' coordinates, see FindTowns); nil when the
// town is unknown.
func (s *Store) TownCentre(ctx context.Context, country, town string) (*domain.GeoPoint, error) {
	rows, err := s.q.TownCentres(ctx, []string{townKey(country, town)})
	if err != nil || len(rows) == 0 {
		return nil, mapError(err)
	}
	return &domain.GeoPoint{Latitude: rows[0].Latitude, Longitude: rows[0].Longitude}, nil
}

// MatchCandidateQuery is the cheap prefilter of the suppliers a lot may be
// routed to (see MatchCandidates).
type MatchCandidateQuery struct {
	// BuyerID is the tender's organisation, never a candidate.
	BuyerID string
	// PlaceCountry is the ISO country of the place of performance: other
	// countries' suppliers qualify only with an offer accepting
	// cross-border work.
	PlaceCountry string
	// Sectors and Divisions (two-digit CPV prefixes): an offer qualifies
	// with one of these sectors or a CPV code in one of these divisions.
	Sectors   []string
	Divisions []string
	// At is the instant whose counting SSE statuses are loaded.
	At time.Time
	// BarredBases are the lot's legal bases that bar repeat awards
	// (article 77): the candidates' reserved awards from the buyer under
	// them since AwardsSince are loaded too.
	BarredBases []domain.LegalBasis
	AwardsSince time.Time
}

// MatchCandidate is a supplier organisation with the facts matching reads:
// its profile, counting statuses, reserved awards from the buyer and
// published offers.
type MatchCandidate struct {
	OrganisationID string
	Country        string
	NUTS3          string
	Location       *domain.GeoPoint
	Languages      []string
	HasDescription bool
	HasLogo        bool
	HasContact     bool
	HasIdentifier  bool
	// Statuses are the verified statuses counting at the query's instant.
	Statuses []domain.SSEStatus
	// ReservedAwards are the awards from the buyer under BarredBases.
	ReservedAwards []domain.ReservedAward
	Offers         []MatchOffer
}

// MatchOffer is a published offer of a candidate.
type MatchOffer struct {
	ID      string
	Sectors []string
	CPV     []string
	Area    domain.OfferArea
}

// MatchCandidates loads the candidates of q in one query whatever their
// number (a second one for the reserved awards only when q has barred
// bases), in organisation id order.
func (s *Store) MatchCandidates(ctx context.Context, q MatchCandidateQuery) ([]MatchCandidate, error) {
	buyer, err := uuid.Parse(q.BuyerID)
	if err != nil {
		buyer = uuid.Nil
	}
	day := domain.Day(q.At)
	rows, err := s.q.MatchCandidates(ctx, sqlc.MatchCandidatesParams{BuyerID: buyer, PlaceCountry: q.PlaceCountry,
		Sectors: nonNil(q.Sectors), DivisionPattern: divisionPattern(q.Divisions), OnDate: day})
	if err != nil {
		return nil, mapError(err)
	}
	var out []MatchCandidate
	var ids []uuid.UUID
	index := map[uuid.UUID]int{}
	for _, r := range rows {
		i, ok := index[r.OrganisationID]
		if !ok {
			c := MatchCandidate{OrganisationID: r.OrganisationID.String(), Country: r.Country, Languages: r.Languages,
				HasDescription: r.HasDescription, HasLogo: r.HasLogo, HasContact: r.HasContact, HasIdentifier: r.HasIdentifier,
				Statuses: foldedStatuses(r.OrganisationID.String(), r.Statuses)}
			if r.Nuts3 != nil {
				c.NUTS3 = *r.Nuts3
			}
			if r.Latitude != nil && r.Longitude != nil {
				c.Location = &domain.GeoPoint{Latitude: *r.Latitude, Longitude: *r.Longitude}
			}
			i = len(out)
			index[r.OrganisationID] = i
			ids = append(ids, r.OrganisationID)
			out = append(out, c)
		}
		area := domain.OfferArea{Mode: domain.AreaMode(r.AreaMode), Regions: r.Regions, AcceptsCrossBorder: r.AcceptsCrossBorder}
		if r.RadiusKm != nil {
			area.RadiusKM = int(*r.RadiusKm)
		}
		out[i].Offers = append(out[i].Offers, MatchOffer{ID: r.OfferID.String(), Sectors: r.Sectors, CPV: r.CpvCodes, Area: area})
	}
	if len(ids) == 0 {
		return []MatchCandidate{}, nil
	}
	if len(q.BarredBases) > 0 && buyer != uuid.Nil {
		codes := make([]string, len(q.BarredBases))
		for i, b := range q.BarredBases {
			codes[i] = string(b)
		}
		awards, err := s.q.ReservedAwardsFromBuyerOf(ctx, sqlc.ReservedAwardsFromBuyerOfParams{SupplierIds: ids,
			BuyerID: buyer, Since: q.AwardsSince, Bases: codes})
		if err != nil {
			return nil, mapError(err)
		}
		for _, a := range awards {
			i := index[a.SupplierID]
			out[i].ReservedAwards = append(out[i].ReservedAwards,
				domain.ReservedAward{Basis: domain.LegalBasis(a.Basis), AwardedAt: a.RecordedAt})
		}
	}
	return out, nil
}

// RouteEntry is one supplier of a routing batch.
type RouteEntry struct {
	OrganisationID string
	OfferID        string // may be empty
	Score          int
	// Explanation is the JSON array of the score's reasons.
	Explanation json.RawMessage
}

// RecordRoutingBatch routes a lot to the entries as batch number batch
// (see NextRoutingBatch), skipping organisations the lot was already
// routed to: the returned ids are those routed now, in entry order. The
// caller writes the audit entry in the same transaction.
func (t *Tx) RecordRoutingBatch(ctx context.Context, tenderID, lotID string, batch int, routedAt time.Time, entries []RouteEntry) ([]string, error) {
	tid, err := parseID("tender_id", tenderID)
	if err != nil {
		return nil, err
	}
	lid, err := parseID("lot_id", lotID)
	if err != nil {
		return nil, err
	}
	type row struct {
		OrganisationID uuid.UUID       `json:"organisation_id"`
		OfferID        *uuid.UUID      `json:"offer_id"`
		Score          int             `json:"score"`
		Explanation    json.RawMessage `json:"explanation"`
	}
	rows := make([]row, len(entries))
	for i, e := range entries {
		org, err := parseID(fmt.Sprintf("entries[%d].organisation_id", i), e.OrganisationID)
		if err != nil {
			return nil, err
		}
		offer, err := optionalID(fmt.Sprintf("entries[%d].offer_id", i), e.OfferID)
		if err != nil {
			return nil, err
		}
		expl := e.Explanation
		if len(expl) == 0 {
			expl = json.RawMessage("[]")
		}
		rows[i] = row{OrganisationID: org, OfferID: offer, Score: e.Score, Explanation: expl}
	}
	payload, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	routed, err := t.q.InsertLotRoutes(ctx, sqlc.InsertLotRoutesParams{LotID: lid, TenderID: tid, Batch: int32(batch),
		RoutedAt: routedAt, Routes: payload})
	if err != nil {
		return nil, mapError(err)
	}
	// RETURNING gives no order: give the entries'.
	now := make(map[uuid.UUID]bool, len(routed))
	for _, id := range routed {
		now[id] = true
	}
	out := make([]string, 0, len(routed))
	for _, r := range rows {
		if now[r.OrganisationID] {
			out = append(out, r.OrganisationID.String())
			delete(now, r.OrganisationID)
		}
	}
	return out, nil
}

// NextRoutingBatch returns the number of a lot's next batch (1 for the
// first). Callers that may race lock the tender row first.
func (t *Tx) NextRoutingBatch(ctx context.Context, lotID string) (int, error) {
	lid, err := uuid.Parse(lotID)
	if err != nil {
		return 1, nil
	}
	n, err := t.q.NextLotRouteBatch(ctx, lid)
	return int(n), mapError(err)
}

// AnswerLotRoute records a supplier's answer (normalized with
// domain.NormalizeRouteAnswer) to a lot routed to it; the answer may be
// changed later. domain.ErrNotFound when the lot was not routed to it.
func (t *Tx) AnswerLotRoute(ctx context.Context, lotID, organisationID string, a domain.RouteAnswer) (domain.LotRoute, error) {
	ids, err := rowIDs(lotID, organisationID)
	if err != nil {
		return domain.LotRoute{}, err
	}
	lid, org := ids[0], ids[1]
	row, err := t.q.AnswerLotRoute(ctx, sqlc.AnswerLotRouteParams{Answer: string(a.Interest), DeclineReason: optionalString(string(a.Reason)),
		DeclineNote: optionalString(a.Note), AnsweredAt: a.AnsweredAt, LotID: lid, OrganisationID: org})
	if err != nil {
		return domain.LotRoute{}, mapError(err)
	}
	return lotRouteFromRow(row), nil
}

// GetLotRoute returns the route of a lot to an organisation;
// domain.ErrNotFound when there is none.
func (s *Store) GetLotRoute(ctx context.Context, lotID, organisationID string) (domain.LotRoute, error) {
	ids, err := rowIDs(lotID, organisationID)
	if err != nil {
		return domain.LotRoute{}, err
	}
	lid, org := ids[0], ids[1]
	row, err := s.q.GetLotRoute(ctx, sqlc.GetLotRouteParams{LotID: lid, OrganisationID: org})
	if err != nil {
		return domain.LotRoute{}, mapError(err)
	}
	return lotRouteFromRow(row), nil
}

// ListLotRoutesPage returns a page of a lot's routes in routing order
// (batch, best score first, organisation id) after cursor ("" for the
// first page), and the cursor of the next page ("" after the last).
func (s *Store) ListLotRoutesPage(ctx context.Context, lotID, cursor string, limit int) ([]domain.LotRoute, string, error) {
	after, err := decodeRouteCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	lid, err := uuid.Parse(lotID)
	if err != nil {
		return []domain.LotRoute{}, "", nil
	}
	rows, err := s.q.ListLotRoutes(ctx, sqlc.ListLotRoutesParams{LotID: lid, AfterBatch: after.batch,
		AfterNegScore: after.negScore, AfterOrganisation: after.org, RowLimit: int32(limit) + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	next := ""
	if len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		next = encodeRouteCursor(routeCursor{batch: last.Batch, negScore: -last.Score, org: last.OrganisationID})
	}
	out := make([]domain.LotRoute, len(rows))
	for i, r := range rows {
		out[i] = lotRouteFromRow(r)
	}
	return out, next, nil
}

// LotRouteCounts are how many suppliers a lot was routed to and how they
// answered.
type LotRouteCounts struct {
	Routed, Interested, NotInterested, Batches int
}

// CountLotRoutes returns a lot's route counts (zero for an unknown lot).
func (s *Store) CountLotRoutes(ctx context.Context, lotID string) (LotRouteCounts, error) {
	lid, err := uuid.Parse(lotID)
	if err != nil {
		return LotRouteCounts{}, nil
	}
	r, err := s.q.LotRouteCounts(ctx, lid)
	if err != nil {
		return LotRouteCounts{}, mapError(err)
	}
	return LotRouteCounts{Routed: int(r.Routed), Interested: int(r.Interested), NotInterested: int(r.NotInterested),
		Batches: int(r.Batches)}, nil
}

func lotRouteFromRow(r sqlc.LotRoute) domain.LotRoute {
	out := domain.LotRoute{LotID: r.LotID.String(), TenderID: r.TenderID.String(), OrganisationID: r.OrganisationID.String(),
		Batch: int(r.Batch), RoutedAt: r.RoutedAt, Score: int(r.Score), Explanation: r.Explanation}
	if r.OfferID != nil {
		out.OfferID = r.OfferID.String()
	}
	if r.Answer != nil && r.AnsweredAt != nil {
		a := &domain.RouteAnswer{Interest: domain.RouteInterest(*r.Answer), AnsweredAt: *r.AnsweredAt}
		if r.DeclineReason != nil {
			a.Reason = domain.DeclineReason(*r.DeclineReason)
		}
		if r.DeclineNote != nil {
			a.Note = *r.DeclineNote
		}
		out.Answer = a
	}
	return out
}

// routeCursor is where a page of routes ends, in their order (batch,
// -score, organisation): base64url of "batch|-score|organisation id".
type routeCursor struct {
	batch, negScore int32
	org             uuid.UUID
}

func encodeRouteCursor(c routeCursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(int(c.batch)) + "|" +
		strconv.Itoa(int(c.negScore)) + "|" + c.org.String()))
}

// decodeRouteCursor reads a cursor; "" is before the first route.
func decodeRouteCursor(s string) (routeCursor, error) {
	if s == "" {
		return routeCursor{batch: 0, negScore: -1 << 31, org: uuid.Nil}, nil
	}
	bad := func() (routeCursor, error) {
		ve := &domain.ValidationError{}
		ve.Add("query.cursor", "invalid", "this cursor was not returned by this list: start again without it")
		return routeCursor{}, ve
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 {
		return bad()
	}
	b, err1 := strconv.ParseInt(parts[0], 10, 32)
	n, err2 := strconv.ParseInt(parts[1], 10, 32)
	org, err3 := uuid.Parse(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || b < 1 {
		return bad()
	}
	return routeCursor{batch: int32(b), negScore: int32(n), org: org}, nil
}

// divisionPattern is the regular expression that finds a CPV code of one
// of the divisions in a space-separated list of codes; it matches nothing
// without a well-formed division.
func divisionPattern(divisions []string) string {
	var ok []string
	for _, d := range divisions {
		if len(d) == 2 && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' {
			ok = append(ok, d)
		}
	}
	if len(ok) == 0 {
		return "$^"
	}
	return "(^| )(" + strings.Join(ok, "|") + ")"
}

// foldedStatuses reads the statuses MatchCandidates folds into a text:
// "type|valid until|share" joined by ";", the share empty when unknown.
// These are verified statuses that count on the query's day.
func foldedStatuses(orgID, folded string) []domain.SSEStatus {
	var out []domain.SSEStatus
	for _, item := range strings.Split(folded, ";") {
		parts := strings.Split(item, "|")
		if len(parts) != 3 {
			continue
		}
		until, err := time.Parse(time.DateOnly, parts[1])
		if err != nil {
			continue
		}
		st := domain.SSEStatus{OrganisationID: orgID, Type: domain.SSEStatusType(parts[0]), ValidUntil: until,
			State: domain.VerificationVerified}
		if parts[2] != "" {
			if share, err := strconv.ParseFloat(parts[2], 64); err == nil {
				st.DisabledShare = &share
			}
		}
		out = append(out, st)
	}
	return out
}

// LotRoutedOrganisations returns the set of organisations a lot was
// already routed to: a top-up skips them before it takes the next best
// matches (RecordRoutingBatch would skip them too, but the batch would
// come out short).
func (s *Store) LotRoutedOrganisations(ctx context.Context, lotID string) (map[string]bool, error) {
	lid, err := uuid.Parse(lotID)
	if err != nil {
		return map[string]bool{}, nil
	}
	ids, err := s.q.LotRoutedOrganisations(ctx, lid)
	if err != nil {
		return nil, mapError(err)
	}
	return idSet(ids), nil
}

// idSet is the set of ids, as strings.
func idSet(ids []uuid.UUID) map[string]bool {
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id.String()] = true
	}
	return out
}
