package core

import (
	"cmp"
	"context"
	"slices"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// DirectoryEntry is a delegate as the directory shows them: never their
// email; Mine when of the caller's organisation; Request the latest
// request between one of the caller's delegates and them (either way);
// Excluded the exclusion between the two organisations ("" when none).
type DirectoryEntry struct {
	Delegate store.ConventionDelegate
	Mine     bool
	Request  *DirectoryRequest
	Excluded domain.ExclusionKind
}

// DirectoryRequest is the state of a request seen from the directory.
type DirectoryRequest struct {
	ID        string
	State     domain.MeetingRequestState
	Direction string // outgoing or incoming
	Priority  domain.MeetingPriority
}

// Directory returns a page of the delegates of an event's confirmed
// registrations matching f, by name.
func (s *Meetings) Directory(ctx context.Context, p domain.Principal, eventID string, f store.DelegateFilter, cursor string, limit int) (
	[]DirectoryEntry, string, error) {
	a, err := s.access(ctx, p, eventID)
	if err != nil {
		return nil, "", err
	}
	f.IDs = nil
	page, next, err := s.st.ConventionDelegates(ctx, a.event.ID, f, cursor, meetingsPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	dc, err := s.directoryContext(ctx, a)
	if err != nil {
		return nil, "", err
	}
	out := make([]DirectoryEntry, len(page))
	for i, d := range page {
		out[i] = dc.entry(d)
	}
	return out, next, nil
}

// directoryContext is what marks the directory's entries for the caller.
type directoryContext struct {
	orgID    string
	requests map[string]DirectoryRequest // by the other delegate's id
	pairs    map[[2]string]domain.ExclusionKind
	mine     map[string]domain.ExclusionKind // the caller's own exclusions, by the other organisation
}

// ExclusionUnavailable is what the directory says of an exclusion the
// other organisation created: never its kind (a "no thanks" is not told
// to the organisation it turned down).
const ExclusionUnavailable domain.ExclusionKind = "unavailable"

func (s *Meetings) directoryContext(ctx context.Context, a conventionAccess) (directoryContext, error) {
	dc := directoryContext{orgID: a.orgID, requests: map[string]DirectoryRequest{}, pairs: map[[2]string]domain.ExclusionKind{}}
	if a.orgID == "" {
		return dc, nil
	}
	var err error
	if dc.pairs, err = s.st.ExcludedPairs(ctx, a.event.ID); err != nil {
		return dc, err
	}
	own, err := s.st.Exclusions(ctx, a.event.ID, a.orgID)
	if err != nil {
		return dc, err
	}
	dc.mine = make(map[string]domain.ExclusionKind, len(own))
	for _, x := range own {
		dc.mine[x.OrganisationID] = x.Kind
	}
	cursor := ""
	for {
		page, next, err := s.st.MeetingRequestViews(ctx, store.RequestQuery{EventID: a.event.ID, OrganisationID: a.orgID}, cursor, 500)
		if err != nil {
			return dc, err
		}
		for _, v := range page { // newest first: the first seen is the latest
			other, dir := v.To.DelegateID, "outgoing"
			if v.To.OrganisationID == a.orgID {
				other, dir = v.From.DelegateID, "incoming"
			}
			if _, seen := dc.requests[other]; !seen {
				dc.requests[other] = DirectoryRequest{ID: v.Request.ID, State: v.Request.State, Direction: dir, Priority: v.Request.Priority}
			}
		}
		if next == "" {
			return dc, nil
		}
		cursor = next
	}
}

func (dc directoryContext) entry(d store.ConventionDelegate) DirectoryEntry {
	e := DirectoryEntry{Delegate: d, Mine: dc.orgID != "" && d.OrganisationID == dc.orgID}
	if r, ok := dc.requests[d.ID]; ok && !e.Mine {
		e.Request = &r
	}
	if !e.Mine {
		if k, ok := dc.mine[d.OrganisationID]; ok {
			e.Excluded = k
		} else if _, ok := dc.pairs[[2]string{dc.orgID, d.OrganisationID}]; ok {
			e.Excluded = ExclusionUnavailable
		}
	}
	return e
}

// Suggestion is a delegate worth meeting, with why.
type Suggestion struct {
	Entry   DirectoryEntry
	Score   float64
	Reasons []domain.Msg
}

// maxSuggestions is how many suggestions are returned.
const maxSuggestions = 20

// Suggestions returns up to 20 delegates for one of the caller's
// delegates (delegateID; the first of them when empty) to meet, best
// first: other organisations, without any request between the caller's
// delegates and them nor an exclusion between the organisations, scored
// by matchScore (those with nothing in common are left out).
func (s *Meetings) Suggestions(ctx context.Context, p domain.Principal, eventID, delegateID string) ([]Suggestion, error) {
	a, err := s.participant(ctx, p, eventID)
	if err != nil {
		return nil, err
	}
	all, _, err := s.st.ConventionDelegates(ctx, a.event.ID, store.DelegateFilter{}, "", 0)
	if err != nil {
		return nil, err
	}
	var me *store.ConventionDelegate
	for i := range all {
		if all[i].OrganisationID == a.orgID && (delegateID == "" || all[i].ID == delegateID) {
			me = &all[i]
			break
		}
	}
	if me == nil {
		return nil, domain.ErrNotFound
	}
	dc, err := s.directoryContext(ctx, a)
	if err != nil {
		return nil, err
	}
	orgs := []string{}
	for _, d := range all {
		if !slices.Contains(orgs, d.OrganisationID) {
			orgs = append(orgs, d.OrganisationID)
		}
	}
	markets, err := s.st.MarketProfiles(ctx, orgs)
	if err != nil {
		return nil, err
	}
	mine := matchProfile{Kind: me.OrganisationKind, Sectors: me.Sectors, Market: markets[me.OrganisationID]}
	var out []Suggestion
	for _, d := range all {
		e := dc.entry(d)
		if d.OrganisationID == a.orgID || e.Excluded != "" {
			continue
		}
		if e.Request != nil { // already asked, either way, whatever the answer
			continue
		}
		score, reasons := matchScore(mine, matchProfile{Kind: d.OrganisationKind, Sectors: d.Sectors, Market: markets[d.OrganisationID]})
		if score <= 0 {
			continue
		}
		out = append(out, Suggestion{Entry: e, Score: score, Reasons: reasons})
	}
	slices.SortStableFunc(out, func(x, y Suggestion) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Entry.Delegate.Name, y.Entry.Delegate.Name); c != 0 {
			return c
		}
		return cmp.Compare(x.Entry.Delegate.ID, y.Entry.Delegate.ID)
	})
	return out[:min(len(out), maxSuggestions)], nil
}

// matchProfile is what matchScore compares of a delegate: their
// organisation's kind, the sectors they gave, and the organisation's
// marketplace profile (offers, open tenders).
type matchProfile struct {
	Kind    domain.OrganisationKind
	Sectors []string
	Market  store.MarketProfile
}

// Points of each reason a match gives.
const (
	pointsSharedSector = 2
	pointsTenderOffer  = 5
	pointsComplement   = 1
)

var (
	msgReasonSharedSector = domain.Msg{EN: "Shared sector: %s", FR: "Secteur commun : %s", DE: "Gemeinsame Branche: %s", NL: "Gedeelde sector: %s"}
	msgReasonTheyNeed     = domain.Msg{
		EN: "Their open tenders need %s, which you offer", FR: "Leurs appels d’offres en cours portent sur %s, que vous proposez",
		DE: "Ihre laufenden Ausschreibungen betreffen %s, was Sie anbieten", NL: "Hun lopende aanbestedingen vragen om %s, wat u aanbiedt",
	}
	msgReasonTheyOffer = domain.Msg{
		EN: "They offer %s, which your open tenders need", FR: "Ils proposent %s, objet de vos appels d’offres en cours",
		DE: "Sie bieten %s an, was Ihre laufenden Ausschreibungen betreffen", NL: "Zij bieden %s aan, waar uw lopende aanbestedingen om vragen",
	}
	msgReasonComplement = domain.Msg{
		EN: "A buyer and an SSE supplier", FR: "Un acheteur et un fournisseur de l’ESS",
		DE: "Ein Auftraggeber und ein Anbieter der Sozialwirtschaft", NL: "Een inkoper en een leverancier uit de sociale economie",
	}
)

// matchScore is the pure score of a meeting between two delegates, with
// its reasons in a fixed order: each sector both work in (the delegates'
// sectors and their offers'), each sector one's open tenders need and the
// other's offers cover (either way), and a buyer meeting an SSE supplier.
func matchScore(me, other matchProfile) (float64, []domain.Msg) {
	score := 0.0
	var reasons []domain.Msg
	mySectors := union(me.Sectors, me.Market.OfferSectors, sectorsOfCPV(me.Market.OfferCPV))
	theirSectors := union(other.Sectors, other.Market.OfferSectors, sectorsOfCPV(other.Market.OfferCPV))
	for _, code := range intersect(union(me.Sectors, me.Market.OfferSectors), union(other.Sectors, other.Market.OfferSectors)) {
		score += pointsSharedSector
		reasons = append(reasons, msgReasonSharedSector.Fill(sectorLabel(code)))
	}
	for _, code := range intersect(sectorsOfCPV(other.Market.TenderCPV), mySectors) {
		score += pointsTenderOffer
		reasons = append(reasons, msgReasonTheyNeed.Fill(sectorLabel(code)))
	}
	for _, code := range intersect(sectorsOfCPV(me.Market.TenderCPV), theirSectors) {
		score += pointsTenderOffer
		reasons = append(reasons, msgReasonTheyOffer.Fill(sectorLabel(code)))
	}
	if isBuyer(me.Kind) && other.Kind == domain.OrgSSESupplier || isBuyer(other.Kind) && me.Kind == domain.OrgSSESupplier {
		score += pointsComplement
		reasons = append(reasons, msgReasonComplement)
	}
	return score, reasons
}

func isBuyer(k domain.OrganisationKind) bool {
	return k == domain.OrgPublicBuyer || k == domain.OrgPrivateBuyer
}

// sectorsOfCPV returns the catalogue sectors covering CPV codes.
func sectorsOfCPV(codes []string) []string {
	var out []string
	for _, c := range codes {
		for _, s := range taxonomy.SectorCodesForCPV(c) {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// sectorLabel is a sector's name in every language (its code when unknown).
func sectorLabel(code string) domain.Msg {
	s, ok := taxonomy.Sector(code)
	if !ok {
		return domain.Msg{EN: code}
	}
	return domain.Msg{EN: s.Labels.EN, FR: s.Labels.FR, DE: s.Labels.DE, NL: s.Labels.NL}
}

// SectorLabels returns the names of sector codes in lang (known ones only).
func SectorLabels(codes []string, lang domain.Language) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if s, ok := taxonomy.Sector(c); ok {
			out = append(out, s.Labels.In(lang))
		}
	}
	return out
}

func union(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, v := range l {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// intersect returns the values of a also in b, sorted.
func intersect(a, b []string) []string {
	var out []string
	for _, v := range a {
		if slices.Contains(b, v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}
