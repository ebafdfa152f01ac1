package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// NUTSRegions stores the given NUTS codes with every ancestor (FRF33 gives
// FR, FRF, FRF3, FRF33), named after their code, so that a test can place
// organisations in them without importing the official list.
func (db *DB) NUTSRegions(tb testing.TB, codes ...string) {
	tb.Helper()
	var regions []domain.NUTSRegion
	seen := map[string]bool{}
	for _, code := range codes {
		for n := 2; n <= len(code); n++ {
			c := code[:n]
			if seen[c] {
				continue
			}
			seen[c] = true
			r := domain.NUTSRegion{Code: c, Level: n - 2, Name: "NUTS " + c, Country: code[:2]}
			if n > 2 {
				r.Parent = code[:n-1]
			}
			regions = append(regions, r)
		}
	}
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.UpsertNUTSRegions(context.Background(), regions)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: NUTS regions: %v", err)
	}
}

// Place gives an organisation a town, a NUTS 3 region (stored first with
// NUTSRegions when missing) and, when loc is not nil, coordinates.
func (db *DB) Place(tb testing.TB, orgID, town, nuts3 string, loc *domain.GeoPoint) domain.Organisation {
	tb.Helper()
	if nuts3 != "" {
		db.NUTSRegions(tb, nuts3)
	}
	var out domain.Organisation
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) error {
		o, err := tx.GetOrganisationForUpdate(context.Background(), orgID)
		if err != nil {
			return err
		}
		o.Town, o.NUTS3, o.Location = town, nuts3, loc
		out, err = tx.UpdateOrganisationProfile(context.Background(), o)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: place organisation: %v", err)
	}
	return out
}

// StatusOptions fill what a test cares about; the rest gets defaults.
type StatusOptions struct {
	Type domain.SSEStatusType
	// State defaults to verified.
	State domain.VerificationState
	// ValidUntil defaults to a year from now.
	ValidUntil    time.Time
	DisabledShare *float64
}

// SSEStatus inserts a status of an organisation, verified unless opts
// says otherwise.
func (db *DB) SSEStatus(tb testing.TB, orgID string, opts StatusOptions) domain.SSEStatus {
	tb.Helper()
	now := time.Now()
	if opts.State == "" {
		opts.State = domain.VerificationVerified
	}
	if opts.ValidUntil.IsZero() {
		opts.ValidUntil = now.AddDate(1, 0, 0)
	}
	s := domain.SSEStatus{OrganisationID: orgID, Type: opts.Type, RegistrationNumber: fmt.Sprintf("REG-%d", next()),
		ValidUntil: domain.Day(opts.ValidUntil), DisabledShare: opts.DisabledShare}
	if opts.DisabledShare != nil {
		day := domain.Day(now)
		s.ShareMeasuredOn = &day
	}
	var out domain.SSEStatus
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		if out, err = tx.CreateSSEStatus(context.Background(), s, now); err != nil || opts.State == domain.VerificationUnverified {
			return err
		}
		out.State, out.SubmittedAt = opts.State, &now
		switch opts.State {
		case domain.VerificationVerified:
			out.ReviewedAt = &now
		case domain.VerificationRejected:
			out.ReviewedAt, out.RejectionReason = &now, "rejected by storetest"
		}
		out, err = tx.SaveSSEStatus(context.Background(), out, now)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: SSE status: %v", err)
	}
	return out
}

// OfferOptions fill what a test cares about; the rest gets defaults.
type OfferOptions struct {
	// State defaults to published.
	State        domain.OfferState
	Language     domain.Language // default fr
	Title        string
	Description  string
	Translations []domain.OfferText
	Sectors      []string
	// CPV codes must be stored first (CPVCodes).
	CPV         []string
	Regions     []string // stored first with NUTSRegions
	CrossBorder bool
	// PublishedAt defaults to now.
	PublishedAt time.Time
}

// Offer inserts an offer of an organisation, published unless opts says
// otherwise.
func (db *DB) Offer(tb testing.TB, orgID string, opts OfferOptions) domain.Offer {
	tb.Helper()
	now := time.Now()
	if opts.State == "" {
		opts.State = domain.OfferPublished
	}
	if opts.Language == "" {
		opts.Language = domain.LangFR
	}
	if opts.Title == "" {
		opts.Title = fmt.Sprintf("Offre %d", next())
	}
	if opts.Description == "" {
		opts.Description = opts.Title
	}
	if opts.PublishedAt.IsZero() {
		opts.PublishedAt = now
	}
	area := domain.OfferArea{Mode: domain.AreaCountry, AcceptsCrossBorder: opts.CrossBorder}
	if len(opts.Regions) > 0 {
		db.NUTSRegions(tb, opts.Regions...)
		area.Mode, area.Regions = domain.AreaRegions, opts.Regions
	}
	o := domain.Offer{OrganisationID: orgID, OfferFields: domain.OfferFields{Type: domain.OfferServices, Language: opts.Language,
		Title: opts.Title, Description: opts.Description, Translations: opts.Translations, Sectors: opts.Sectors,
		CPVCodes: opts.CPV, Area: area}}
	var out domain.Offer
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		if out, err = tx.CreateOffer(context.Background(), o, now); err != nil || opts.State == domain.OfferDraft {
			return err
		}
		out.State, out.SubmittedAt = opts.State, &now
		switch opts.State {
		case domain.OfferPublished:
			out.PublishedAt = &opts.PublishedAt
		case domain.OfferArchived:
			out.PublishedAt, out.ArchivedAt = &opts.PublishedAt, &now
		case domain.OfferRejected, domain.OfferChangesRequested:
			out.DecisionReason = "decided by storetest"
		}
		out, err = tx.SaveOffer(context.Background(), out, now)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: offer: %v", err)
	}
	return out
}

// TenderOptions fill what a test cares about; the rest gets defaults.
type TenderOptions struct {
	// State defaults to published.
	State     domain.TenderState
	Language  domain.Language // default fr
	Texts     []domain.TenderText
	PlaceNUTS string // default FRF33
	PlaceTown string // default Metz
	// Deadline (for responses) defaults to a month from now.
	Deadline  time.Time
	Anonymous bool
	// Lots default to one lot with no clause. Of a lot's clauses only the
	// reserved participation and legal bases are kept, the rest are
	// DefaultLotClauses'. CPV codes must be stored first (CPVCodes).
	Lots []domain.TenderLot
	// PublishedAt defaults to now.
	PublishedAt time.Time
}

// Tender inserts a tender of a buyer organisation, published unless opts
// says otherwise.
func (db *DB) Tender(tb testing.TB, orgID string, opts TenderOptions) domain.Tender {
	tb.Helper()
	now := time.Now()
	if opts.State == "" {
		opts.State = domain.TenderPublished
	}
	if opts.Language == "" {
		opts.Language = domain.LangFR
	}
	if len(opts.Texts) == 0 {
		opts.Texts = []domain.TenderText{{Language: opts.Language, Title: fmt.Sprintf("Marché %d", next())}}
	}
	opts.Texts[0].Original = true
	if opts.PlaceNUTS == "" {
		opts.PlaceNUTS = "FRF33"
	}
	if opts.PlaceTown == "" {
		opts.PlaceTown = "Metz"
	}
	if opts.Deadline.IsZero() {
		opts.Deadline = now.AddDate(0, 1, 0)
	}
	if opts.PublishedAt.IsZero() {
		opts.PublishedAt = now
	}
	if len(opts.Lots) == 0 {
		opts.Lots = []domain.TenderLot{{Title: "Lot 1"}}
	}
	tn := domain.Tender{OrganisationID: orgID, Kind: domain.TenderFormal, OriginalLanguage: opts.Language,
		PlaceNUTS: opts.PlaceNUTS, PlaceTown: opts.PlaceTown, QuestionsDeadline: opts.Deadline.Add(-24 * time.Hour),
		ResponsesDeadline: opts.Deadline, ResponseLanguages: []domain.Language{opts.Language}, BuyerAnonymous: opts.Anonymous,
		Texts: opts.Texts}
	var out domain.Tender
	err := db.Store.WithTx(context.Background(), func(tx *store.Tx) (err error) {
		if out, err = tx.CreateTender(context.Background(), tn, now); err != nil {
			return err
		}
		for i, l := range opts.Lots {
			l.TenderID, l.Position = out.ID, i+1
			if l.Currency == "" {
				l.Currency = "EUR"
			}
			c := domain.DefaultLotClauses()
			if l.Clauses.ReservedParticipation != "" {
				c.ReservedParticipation, c.LegalBases = l.Clauses.ReservedParticipation, l.Clauses.LegalBases
			}
			l.Clauses = c
			if _, err := tx.CreateTenderLot(context.Background(), l, now); err != nil {
				return err
			}
		}
		if opts.State == domain.TenderDraft {
			return nil
		}
		out.State, out.SubmittedAt = opts.State, &now
		switch opts.State {
		case domain.TenderPublished:
			out.PublishedAt = &opts.PublishedAt
		case domain.TenderClosed, domain.TenderAwarded, domain.TenderNotAwarded:
			out.PublishedAt, out.ClosedAt = &opts.PublishedAt, &now
		case domain.TenderCancelled, domain.TenderRejected:
			out.Reason = "decided by storetest"
		}
		out, err = tx.SaveTender(context.Background(), out, now)
		return err
	})
	if err != nil {
		tb.Fatalf("storetest: tender: %v", err)
	}
	return out
}
