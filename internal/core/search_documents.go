package core

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// SearchLiveIndex is the name the application reads and writes (reindex builds a versioned one and swaps).
const SearchLiveIndex = "listings"

// SearchRef names one indexed listing: an offer, a tender or a supplier organisation.
type SearchRef struct {
	Kind search.Kind
	ID   string
}

// What is public, that is searchable, at an instant at:
//
//   - an offer: published (moderated: domain.OfferState.Public) by an
//     organisation that is not suspended (a suspended organisation does
//     not exist for the public, see Organisations.Get);
//   - a tender: published and still open for responses (its responses
//     deadline after at), by a buyer that is not suspended. A closed,
//     awarded or cancelled tender stays readable by its link, but search
//     is where suppliers look for work they can still answer: a tender past
//     its deadline is noise there, even before the closing job has run;
//   - a supplier: an active SSE supplier organisation holding at least one
//     SSE status that counts at at (verified and not expired, as
//     VerifiedStatuses). Buyers search for verified social-economy
//     suppliers; an unverified profile is reachable by its link only.
//
// The SQL of store.SearchOffers, SearchTenders and SearchSuppliers (and
// of the Public*IDs lists) is the one implementation of these rules.

// DefaultSearchBatch is EachSearchDocument's batch size when given none.
const DefaultSearchBatch = 500

// SearchDocuments loads from PostgreSQL the documents of refs that are public at `at` (published offers,
// published tenders open or as A defines and documents, SSE supplier organisations as A defines) and returns
// them, with the refs that are not public (deleted, unpublished, withdrawn, closed…) to be removed from the index.
//
// A ref of an unknown kind or with a malformed id is gone too. Documents
// come back in the order of refs (repeated refs once); it costs a fixed
// number of queries per kind whatever the number of refs.
func SearchDocuments(ctx context.Context, st *store.Store, refs []SearchRef, at time.Time) (docs []search.Document, gone []SearchRef, err error) {
	listings, err := loadSearchListings(ctx, st, refs, at, true)
	if err != nil {
		return nil, nil, err
	}
	docs = make([]search.Document, 0, len(listings))
	seen := make(map[SearchRef]bool, len(refs))
	for _, r := range refs {
		if seen[r] {
			continue
		}
		seen[r] = true
		if l, ok := listings[r]; ok {
			docs = append(docs, l.doc)
		} else {
			gone = append(gone, r)
		}
	}
	return docs, gone, nil
}

// EachSearchDocument streams every public document in batches (id order within each kind), for reindex and reconciliation.
//
// Kinds come in search.Kinds order. A batch may hold fewer than batch
// documents when a listing stops being public between the listing of ids
// and their loading; empty batches are skipped. batch <= 0 means
// DefaultSearchBatch. An error of fn stops the walk and is returned.
func EachSearchDocument(ctx context.Context, st *store.Store, at time.Time, batch int, fn func([]search.Document) error) error {
	return EachPublicRef(ctx, st, at, batch, func(refs []SearchRef) error {
		docs, _, err := SearchDocuments(ctx, st, refs, at)
		if err != nil || len(docs) == 0 {
			return err
		}
		return fn(docs)
	})
}

// EachPublicRef streams the refs of every listing public at at, in batches
// of at most batch (id order within each kind, kinds in search.Kinds
// order), without building their documents: what reconciliation compares
// with the index before loading only the listings it lacks.
func EachPublicRef(ctx context.Context, st *store.Store, at time.Time, batch int, fn func([]SearchRef) error) error {
	if batch <= 0 {
		batch = DefaultSearchBatch
	}
	pages := map[search.Kind]func(after string) ([]string, error){
		search.KindOffer: func(after string) ([]string, error) { return st.PublicOfferIDs(ctx, after, int32(batch)) },
		search.KindTender: func(after string) ([]string, error) {
			return st.PublicTenderIDs(ctx, after, at, int32(batch))
		},
		search.KindSupplier: func(after string) ([]string, error) {
			return st.PublicSupplierIDs(ctx, after, at, int32(batch))
		},
	}
	for _, kind := range search.Kinds {
		after := ""
		for {
			ids, err := pages[kind](after)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				break
			}
			refs := make([]SearchRef, len(ids))
			for i, id := range ids {
				refs[i] = SearchRef{Kind: kind, ID: id}
			}
			if err := fn(refs); err != nil {
				return err
			}
			if len(ids) < batch {
				break
			}
			after = ids[len(ids)-1]
		}
	}
	return nil
}

// searchListing is a public listing: its search document, and what a
// search hit shows of it beyond the document.
type searchListing struct {
	doc search.Document
	// organisationName is empty for a tender of an anonymous buyer.
	organisationName string
	town             string
	// lang is the listing's own language, one of doc.Text's.
	lang domain.Language
}

// loadSearchListings loads the public listings among refs, by ref, with
// their concept labels when withConcepts (search hits do not show them:
// one query less).
func loadSearchListings(ctx context.Context, st *store.Store, refs []SearchRef, at time.Time, withConcepts bool) (map[SearchRef]searchListing, error) {
	ids := map[search.Kind][]string{}
	for _, r := range refs {
		if r.Kind.Valid() {
			ids[r.Kind] = append(ids[r.Kind], r.ID)
		}
	}
	out := make(map[SearchRef]searchListing, len(refs))
	var b docBuilder
	if len(ids[search.KindOffer]) > 0 {
		offers, err := st.SearchOffers(ctx, ids[search.KindOffer], at)
		if err != nil {
			return nil, err
		}
		for _, o := range offers {
			out[SearchRef{search.KindOffer, o.ID}] = b.offer(o)
		}
	}
	if len(ids[search.KindTender]) > 0 {
		tenders, err := st.SearchTenders(ctx, ids[search.KindTender], at)
		if err != nil {
			return nil, err
		}
		for _, t := range tenders {
			out[SearchRef{search.KindTender, t.ID}] = b.tender(t)
		}
	}
	if len(ids[search.KindSupplier]) > 0 {
		suppliers, err := st.SearchSuppliers(ctx, ids[search.KindSupplier], at)
		if err != nil {
			return nil, err
		}
		for _, s := range suppliers {
			out[SearchRef{search.KindSupplier, s.Organisation.ID}] = b.supplier(s)
		}
	}
	// Concept labels last: one query for the CPV codes of every listing.
	if withConcepts {
		if err := b.addConcepts(ctx, st, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// docBuilder turns store rows into documents.
type docBuilder struct{}

func (docBuilder) offer(o store.SearchOffer) searchListing {
	d := search.Document{ID: o.ID, Kind: search.KindOffer, OrganisationID: o.Organisation.ID, Country: o.Organisation.Country,
		StatusTypes: o.StatusTypes, PublishedAt: o.PublishedAt, AcceptsCrossBorder: o.AcceptsCrossBorder,
		Geo: geo(o.Organisation.Location), Text: map[domain.Language]search.Text{}}
	// An offer is where its supplier is and where it intervenes.
	d.NUTS = withAncestors(search.NUTSAncestors, append([]string{o.Organisation.NUTS3}, o.Regions...))
	d.CPV = withAncestors(search.CPVAncestors, o.CPV)
	d.Sectors = sectorsOf(o.Sectors, o.CPV)
	for _, t := range o.Texts {
		if t.Lang.Valid() {
			d.Text[t.Lang] = search.Text{Title: t.Title, Description: clip(t.Description, search.MaxDescriptionLen)}
		}
	}
	return searchListing{doc: d, organisationName: o.Organisation.Name, town: o.Organisation.Town, lang: o.Language}
}

func (docBuilder) tender(t store.SearchTender) searchListing {
	deadline := t.Deadline
	d := search.Document{ID: t.ID, Kind: search.KindTender, OrganisationID: t.Organisation.ID,
		Country: t.PlaceCountry, NUTS: search.NUTSAncestors(t.PlaceNUTS),
		Deadline: &deadline, PublishedAt: t.PublishedAt, Text: map[domain.Language]search.Text{},
		// Procurement is open to suppliers of every member state, and a
		// reserved lot must accept equivalent structures of other
		// countries (DOMAIN.md): every tender takes cross-border answers.
		AcceptsCrossBorder: true}
	// Where the work is done, else where the buyer is, unless the buyer
	// hides who it is: its address would give it away.
	switch {
	case t.TownLocation != nil:
		d.Geo = geo(t.TownLocation)
	case !t.BuyerAnonymous:
		d.Geo = geo(t.Organisation.Location)
	}
	var cpv, lotText []string
	for _, l := range t.Lots {
		cpv = append(cpv, l.CPV...)
		if l.Clauses.Reserved() {
			for _, b := range l.Clauses.LegalBases {
				if !slices.Contains(d.ReservedBases, string(b)) {
					d.ReservedBases = append(d.ReservedBases, string(b))
				}
			}
		}
		lotText = append(lotText, strings.TrimSpace(l.Title+"\n"+l.Description))
	}
	d.CPV = withAncestors(search.CPVAncestors, cpv)
	d.Sectors = sectorsOf(nil, cpv)
	for _, x := range t.Texts {
		if !x.Language.Valid() {
			continue
		}
		desc := x.Description
		if x.Original && len(lotText) > 0 {
			// Lots are written in the original language only.
			desc = strings.TrimSpace(desc + "\n\n" + strings.Join(lotText, "\n\n"))
		}
		d.Text[x.Language] = search.Text{Title: x.Title, Description: clip(desc, search.MaxDescriptionLen)}
	}
	l := searchListing{doc: d, town: t.PlaceTown, lang: t.Language}
	if !t.BuyerAnonymous {
		l.organisationName = t.Organisation.Name
	}
	return l
}

func (docBuilder) supplier(s store.SearchSupplier) searchListing {
	o := s.Organisation
	d := search.Document{ID: o.ID, Kind: search.KindSupplier, OrganisationID: o.ID, Country: o.Country,
		NUTS: search.NUTSAncestors(o.NUTS3), StatusTypes: s.StatusTypes, PublishedAt: s.VerifiedAt,
		AcceptsCrossBorder: s.AcceptsCrossBorder, Geo: geo(o.Location), Text: map[domain.Language]search.Text{},
		CPV: withAncestors(search.CPVAncestors, s.CPV), Sectors: sectorsOf(s.Sectors, s.CPV)}
	// The name is the title in every language the profile is written in.
	var first domain.Language
	for _, desc := range s.Descriptions {
		if lang := domain.Language(desc.Lang); lang.Valid() {
			d.Text[lang] = search.Text{Title: o.Name, Description: clip(desc.Text, search.MaxDescriptionLen)}
			if first == "" {
				first = lang
			}
		}
	}
	// Its own language: the first it declares (or its country's), when
	// it wrote its profile in it.
	own := countryLanguage(o.Country, s.Languages)
	if _, ok := d.Text[own]; !ok && first != "" {
		own = first
	}
	if len(d.Text) == 0 {
		d.Text[own] = search.Text{Title: o.Name}
	}
	return searchListing{doc: d, organisationName: o.Name, town: o.Town, lang: own}
}

// addConcepts fills the concept labels of every listing: its sectors' and
// CPV codes' (ancestors included) labels in the four languages.
func (docBuilder) addConcepts(ctx context.Context, st *store.Store, listings map[SearchRef]searchListing) error {
	var codes []string
	for _, l := range listings {
		codes = append(codes, l.doc.CPV...)
	}
	slices.Sort(codes)
	labels, err := st.CPVLabels(ctx, slices.Compact(codes))
	if err != nil {
		return err
	}
	for ref, l := range listings {
		l.doc.Concepts = map[domain.Language][]string{}
		for _, lang := range []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL} {
			var out []string
			add := func(label string) {
				if label != "" && !slices.Contains(out, label) && len(out) < search.MaxConceptLabels {
					out = append(out, label)
				}
			}
			for _, code := range l.doc.Sectors {
				if s, ok := taxonomy.Sector(code); ok {
					add(s.Labels.In(lang))
				}
			}
			for _, code := range l.doc.CPV {
				if lb, ok := labels[code]; ok {
					add(lb.In(lang))
				}
			}
			if len(out) > 0 {
				l.doc.Concepts[lang] = out
			}
		}
		listings[ref] = l
	}
	return nil
}

// withAncestors expands codes with their ancestors, without repeats, in
// order.
func withAncestors(ancestors func(string) []string, codes []string) []string {
	var out []string
	for _, c := range codes {
		for _, a := range ancestors(c) {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// sectorsOf is the listing's sectors: those it names and those its CPV
// codes fall in, so that a sector filter finds a tender (which names CPV
// codes only) as well as an offer.
func sectorsOf(named, cpv []string) []string {
	var out []string
	for _, s := range named {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, c := range cpv {
		for _, s := range taxonomy.SectorCodesForCPV(c) {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

func geo(p *domain.GeoPoint) *search.GeoPoint {
	if p == nil {
		return nil
	}
	return &search.GeoPoint{Lat: p.Latitude, Lon: p.Longitude}
}

// countryLanguage is the language a profile with no description in the
// four languages is indexed under: its first of those it declares, else
// its country's first working language, else English.
func countryLanguage(country string, languages []string) domain.Language {
	for _, l := range languages {
		if lang := domain.Language(l); lang.Valid() {
			return lang
		}
	}
	switch country {
	case "FR", "BE", "LU":
		return domain.LangFR
	case "DE", "AT":
		return domain.LangDE
	case "NL":
		return domain.LangNL
	}
	return domain.LangEN
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
