package core

import (
	"context"
	"net/url"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/ocds"
	"passerelle/internal/store"
)

// OpenDataConfig configures the open data.
type OpenDataConfig struct {
	// PublicURL is the product's address: packages and links start with it.
	PublicURL string
	// OCIDPrefix is the publisher's OCDS prefix (PASSERELLE_OCDS_PREFIX).
	OCIDPrefix string
	// StatisticsTTL is how long the public statistics are kept before they
	// are computed again (default 5 minutes).
	StatisticsTTL time.Duration
}

// DefaultOCIDPrefix is the prefix used until a real one is registered with
// the OCDS data support team.
const DefaultOCIDPrefix = "ocds-passerelle"

// OpenData publishes the public tenders as OCDS release packages and the
// public statistics. Everything it reads is already public: tenders past
// moderation of active buyers, their lots and clauses, their recorded
// outcomes (with their amounts for public buyers' tenders only), the
// buyers (unless anonymous) and the active winning suppliers; responses
// and drafts never.
type OpenData struct {
	st    *store.Store
	now   Clock
	cfg   OpenDataConfig
	stats statisticsCache
}

// NewOpenData returns the open data use cases.
func NewOpenData(st *store.Store, now Clock, cfg OpenDataConfig) *OpenData {
	if cfg.OCIDPrefix == "" {
		cfg.OCIDPrefix = DefaultOCIDPrefix
	}
	if cfg.StatisticsTTL <= 0 {
		cfg.StatisticsTTL = 5 * time.Minute
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	return &OpenData{st: st, now: now, cfg: cfg}
}

// ReleasePackageSize bounds a page of releases.
const (
	DefaultReleasePageSize = 50
	MaxReleasePageSize     = 100
)

// Releases returns a package of the releases of public tenders released
// at or after since (RFC 3339; "" for all), newest first, after cursor;
// links.next names the following page.
func (o *OpenData) Releases(ctx context.Context, since, cursor string, limit int) (ocds.Package, error) {
	from := time.Time{}
	if since != "" {
		t, err := time.Parse(time.RFC3339, since)
		if err != nil {
			ve := &domain.ValidationError{}
			ve.AddLocalized("query.since", "invalid", msgSinceFormat.With(since))
			return ocds.Package{}, ve
		}
		from = t
	}
	if limit <= 0 {
		limit = DefaultReleasePageSize
	}
	limit = min(limit, MaxReleasePageSize)
	page, next, err := o.st.ListReleasedTenders(ctx, from, cursor, int32(limit))
	if err != nil {
		return ocds.Package{}, err
	}
	releases, err := o.releases(ctx, page)
	if err != nil {
		return ocds.Package{}, err
	}
	q := url.Values{}
	if since != "" {
		q.Set("since", since)
	}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	pkg := o.pkg(o.cfg.PublicURL+"/api/v1/ocds/releases"+query(q), releases)
	if next != "" {
		q.Set("cursor", next)
		pkg.Links = &ocds.Links{Next: o.cfg.PublicURL + "/api/v1/ocds/releases" + query(q)}
	}
	return pkg, nil
}

// Tender returns the package of one public tender's release, or
// domain.ErrNotFound when the tender does not exist or is not public.
func (o *OpenData) Tender(ctx context.Context, tenderID string) (ocds.Package, error) {
	rt, err := o.st.GetReleasedTender(ctx, tenderID)
	if err != nil {
		return ocds.Package{}, err
	}
	releases, err := o.releases(ctx, []store.ReleasedTender{rt})
	if err != nil {
		return ocds.Package{}, err
	}
	return o.pkg(o.cfg.PublicURL+"/api/v1/ocds/tenders/"+url.PathEscape(rt.Tender.ID), releases), nil
}

func (o *OpenData) pkg(uri string, releases []ocds.Release) ocds.Package {
	return ocds.NewPackage(uri, "Passerelle", o.cfg.PublicURL, o.cfg.PublicURL+"/developers#open-data", releases, o.now())
}

// releases builds the releases of page, reading the organisations they
// may name (buyers and winners) in one query.
func (o *OpenData) releases(ctx context.Context, page []store.ReleasedTender) ([]ocds.Release, error) {
	var ids []string
	for _, rt := range page {
		ids = append(ids, rt.Tender.OrganisationID)
		for _, l := range rt.Tender.Lots {
			if l.Outcome != nil && l.Outcome.SupplierID != "" {
				ids = append(ids, l.Outcome.SupplierID)
			}
		}
	}
	orgs, err := o.st.OpenDataParties(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]ocds.Release, 0, len(page))
	for _, rt := range page {
		b, ok := orgs[rt.Tender.OrganisationID]
		if !ok {
			continue // deleted while the page was read: its tenders went with it
		}
		// Award amounts are published for public buyers' tenders (public
		// procurement is transparent), never for private companies'.
		src := ocds.Source{Tender: rt.Tender, ReleasedAt: rt.ReleasedAt, Suppliers: map[string]domain.Organisation{},
			AwardAmounts: b.Kind == domain.OrgPublicBuyer}
		// An anonymous buyer stays hidden from the public, in open data too.
		if !rt.Tender.BuyerAnonymous {
			src.Buyer = &b
		}
		for _, l := range rt.Tender.Lots {
			if l.Outcome == nil || l.Outcome.SupplierID == "" {
				continue
			}
			// A supplier deleted since, or suspended (hidden from the public:
			// its profile and listings are), is not named: the award stays,
			// without its supplier.
			if s, ok := orgs[l.Outcome.SupplierID]; ok && s.Status == domain.OrgActive {
				src.Suppliers[s.ID] = s
			}
		}
		out = append(out, ocds.BuildRelease(o.cfg.OCIDPrefix, src))
	}
	return out, nil
}

func query(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

var msgSinceFormat = domain.Msg{
	EN: "%q is not a date and time such as 2026-01-31T00:00:00Z",
	FR: "%q n'est pas une date et heure comme 2026-01-31T00:00:00Z",
	DE: "%q ist kein Zeitpunkt wie 2026-01-31T00:00:00Z",
	NL: "%q is geen datum en tijd zoals 2026-01-31T00:00:00Z",
}
