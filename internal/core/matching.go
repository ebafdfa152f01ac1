package core

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/routing"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// MatchLot returns the supplier organisations a tender lot may be routed
// to at instant at, best first, each with its score and explanation
// (routing.Rank): the candidates are prefiltered in SQL on what is cheap
// (an active SSE supplier with a counting status; the place's country or
// cross-border work; a CPV division or sector of the lot) and scored in
// Go. domain.ErrNotFound for an unknown lot.
//
// It does not look at the tender's state, so that a buyer or moderator can
// preview the matches of a lot before it is published; routing (which
// sends) only routes published tenders. It checks no authorization: its
// callers do (it reads no private data beyond what routing needs).
func MatchLot(ctx context.Context, st *store.Store, lotID string, at time.Time) ([]routing.Match, error) {
	tenderID, err := st.LotTenderID(ctx, lotID)
	if err != nil {
		return nil, err
	}
	t, err := st.GetTender(ctx, tenderID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID })
	if i < 0 {
		return nil, domain.ErrNotFound
	}
	l := t.Lots[i]
	lot := routing.Lot{TenderID: t.ID, LotID: l.ID, BuyerOrganisationID: t.OrganisationID, CPV: l.CPV,
		PlaceNUTS: t.PlaceNUTS, Language: t.OriginalLanguage, ResponseLanguages: t.ResponseLanguages, Clauses: l.Clauses}
	placeCountry := routing.NUTSCountry(t.PlaceNUTS)
	if lot.PlaceLocation, err = st.TownCentre(ctx, placeCountry, t.PlaceTown); err != nil {
		return nil, err
	}

	divisions, sectors := lotPrefilter(l.CPV)
	if len(divisions) == 0 {
		// A lot without a valid CPV code matches nobody: relevance is
		// read from CPV codes only.
		return []routing.Match{}, nil
	}
	q := store.MatchCandidateQuery{BuyerID: t.OrganisationID, PlaceCountry: placeCountry, Sectors: sectors,
		Divisions: divisions, At: at, AwardsSince: at.AddDate(-domain.RepeatAwardBarYears, 0, 0)}
	if l.Clauses.Reserved() {
		for _, b := range l.Clauses.LegalBases {
			if b.BarsRepeatAward() {
				q.BarredBases = append(q.BarredBases, b)
			}
		}
	}
	candidates, err := st.MatchCandidates(ctx, q)
	if err != nil {
		return nil, err
	}
	return routing.Rank(lot, suppliersOf(candidates), at), nil
}

// lotPrefilter returns the CPV divisions of a lot's codes and the catalogue
// sectors with a code in one of them: a superset of the offers
// routing.Score can find relevant, cheap to test in SQL.
func lotPrefilter(cpv []string) (divisions, sectors []string) {
	for _, c := range cpv {
		if code8, ok := taxonomy.NormalizeCPV(c); ok && !slices.Contains(divisions, code8[:2]) {
			divisions = append(divisions, code8[:2])
		}
	}
	for _, g := range taxonomy.SectorGroups() {
		for _, s := range g.Sectors {
			if slices.ContainsFunc(s.CPV, func(c string) bool { return len(c) >= 2 && slices.Contains(divisions, c[:2]) }) {
				sectors = append(sectors, s.Code)
			}
		}
	}
	return divisions, sectors
}

// suppliersOf turns the loaded candidates into what routing scores,
// resolving each offer's sectors to the CPV codes the catalogue gives them
// (once per sector).
func suppliersOf(cs []store.MatchCandidate) []routing.Supplier {
	sectorCPV := map[string][]string{}
	cpvOf := func(code string) []string {
		c, ok := sectorCPV[code]
		if !ok {
			if s, found := taxonomy.Sector(code); found {
				c = s.CPV
			}
			sectorCPV[code] = c
		}
		return c
	}
	out := make([]routing.Supplier, len(cs))
	for i, c := range cs {
		s := routing.Supplier{OrganisationID: c.OrganisationID, Country: c.Country, NUTS3: c.NUTS3, Location: c.Location,
			Languages: c.Languages, Offers: make([]routing.Offer, len(c.Offers)),
			Eligibility: domain.EligibilitySupplier{Country: c.Country, VerifiedStatuses: c.Statuses,
				ReservedAwardsFromBuyer: c.ReservedAwards},
			Profile: routing.Profile{Description: c.HasDescription, Logo: c.HasLogo, Contact: c.HasContact,
				Location: c.Location != nil, Identifier: c.HasIdentifier}}
		for j, o := range c.Offers {
			ro := routing.Offer{ID: o.ID, CPV: o.CPV, Area: o.Area}
			for _, code := range o.Sectors {
				ro.Sectors = append(ro.Sectors, routing.SectorCPV{Code: code, CPV: cpvOf(code)})
			}
			s.Offers[j] = ro
		}
		out[i] = s
	}
	return out
}

// LotMatches returns a page of the ranked matches of a lot of orgID's
// tender (MatchLot at the current time), for members of the buyer and
// moderators: a preview before publication, and the explanation of whom
// routing chose after it. limit <= 0 means DefaultPageSize; it is capped
// at MaxPageSize. The cursor is the routing key (score, distance,
// organisation) of the last match of the previous page, so that a page
// starts right after it even when matches changed meanwhile.
func (s *Tenders) LotMatches(ctx context.Context, p domain.Principal, orgID, tenderID, lotID, cursor string, limit int) ([]routing.Match, string, error) {
	if err := domain.Authorize(p, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}); err != nil {
		return nil, "", err
	}
	after, err := decodeMatchCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return nil, "", err
	}
	if t.OrganisationID != orgID || !slices.ContainsFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID }) {
		return nil, "", domain.ErrNotFound
	}
	all, err := MatchLot(ctx, s.st, lotID, s.now())
	if err != nil {
		return nil, "", err
	}
	limit = int(tenderPageSize(limit))
	start := 0
	if after != nil {
		start, _ = slices.BinarySearchFunc(all, *after, routing.Compare)
		if start < len(all) && routing.Compare(all[start], *after) == 0 {
			start++
		}
	}
	page := all[start:min(start+limit, len(all))]
	next := ""
	if start+limit < len(all) {
		next = encodeMatchCursor(page[len(page)-1])
	}
	return page, next, nil
}

// encodeMatchCursor: base64url of "score|distance|organisation id".
func encodeMatchCursor(m routing.Match) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(m.Score) + "|" +
		strconv.FormatFloat(m.DistanceKM, 'g', -1, 64) + "|" + m.OrganisationID))
}

var msgBadMatchCursor = domain.Msg{
	EN: "this cursor was not returned by this list: start again without it",
	FR: "ce curseur n'a pas été renvoyé par cette liste : recommencez sans lui",
	DE: "dieser Cursor stammt nicht aus dieser Liste: ohne ihn neu beginnen",
	NL: "deze cursor komt niet uit deze lijst: begin opnieuw zonder",
}

func decodeMatchCursor(s string) (*routing.Match, error) {
	if s == "" {
		return nil, nil
	}
	bad := func() (*routing.Match, error) {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.cursor", "invalid", msgBadMatchCursor.With())
		return nil, ve
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 || parts[2] == "" {
		return bad()
	}
	score, err1 := strconv.Atoi(parts[0])
	dist, err2 := strconv.ParseFloat(parts[1], 64)
	if err1 != nil || err2 != nil {
		return bad()
	}
	return &routing.Match{Score: score, DistanceKM: dist, OrganisationID: parts[2]}, nil
}

// RouteEntries turns matches into the entries of a routing batch
// (store.Tx.RecordRoutingBatch), each with its reasons as JSON, skipping
// the organisations in skip (store.LotRoutedOrganisations) and keeping at
// most n (n <= 0: all): the next best suppliers not yet routed.
func RouteEntries(matches []routing.Match, skip map[string]bool, n int) ([]store.RouteEntry, error) {
	var out []store.RouteEntry
	for _, m := range matches {
		if n > 0 && len(out) == n {
			break
		}
		if skip[m.OrganisationID] {
			continue
		}
		expl, err := json.Marshal(m.Reasons)
		if err != nil {
			return nil, err
		}
		out = append(out, store.RouteEntry{OrganisationID: m.OrganisationID, OfferID: m.OfferID, Score: m.Score, Explanation: expl})
	}
	return out, nil
}
