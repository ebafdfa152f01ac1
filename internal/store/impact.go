package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/store/sqlc"
)

// ImpactScope selects the facts of the impact figures: one buyer
// organisation's (BuyerID) or the whole cluster's (empty), in [From, To)
// (zero bounds are open).
type ImpactScope struct {
	BuyerID  string
	From, To time.Time
}

func (sc ImpactScope) params() (buyer *uuid.UUID, from, to *time.Time, ok bool) {
	if sc.BuyerID != "" {
		id, err := uuid.Parse(sc.BuyerID)
		if err != nil {
			return nil, nil, nil, false
		}
		buyer = &id
	}
	if !sc.From.IsZero() {
		from = &sc.From
	}
	if !sc.To.IsZero() {
		to = &sc.To
	}
	return buyer, from, to, true
}

// ImpactAward is a lot awarded to an SSE supplier of Passerelle, with its
// amount in euro cents.
type ImpactAward struct {
	LotID           string
	AmountCents     int64
	RecordedAt      time.Time
	CPV             []string
	SupplierID      string
	SupplierCountry string
	BuyerID         string
	BuyerCountry    string
	// StatusTypes are the supplier's verified SSE status types.
	StatusTypes []string
}

// ImpactMeetingSide is one organisation of a convention meeting and what
// it recorded (Outcome empty: nothing).
type ImpactMeetingSide struct {
	OrganisationID string
	Kind           string
	Country        string
	Sectors        []string
	StatusTypes    []string
	Outcome        string
	AmountCents    *int64
	Currency       string
}

// ImpactMeeting is a convention meeting with an outcome on at least one side.
type ImpactMeeting struct {
	ID       string
	StartsAt time.Time
	Sides    [2]ImpactMeetingSide
}

// ImpactTender is a published tender: when, its buyer's country, and when
// a supplier first said it was interested (nil: none yet).
type ImpactTender struct {
	ID              string
	PublishedAt     time.Time
	BuyerCountry    string
	FirstInterestAt *time.Time
}

// ImpactReach counts distinct supplier organisations of a set of tenders.
type ImpactReach struct {
	Reached, Interested, Responding int64
}

// ImpactAwards returns the awards recorded in scope, oldest first.
func (s *Store) ImpactAwards(ctx context.Context, sc ImpactScope) ([]ImpactAward, error) {
	buyer, from, to, ok := sc.params()
	if !ok {
		return nil, nil
	}
	rows, err := s.q.ImpactAwards(ctx, sqlc.ImpactAwardsParams{BuyerID: buyer, FromAt: from, ToAt: to})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ImpactAward, len(rows))
	for i, r := range rows {
		out[i] = ImpactAward{LotID: r.LotID.String(), AmountCents: r.AmountCents, RecordedAt: r.RecordedAt, CPV: r.Cpv,
			SupplierID: r.SupplierID.String(), SupplierCountry: r.SupplierCountry, BuyerID: r.BuyerID.String(),
			BuyerCountry: r.BuyerCountry, StatusTypes: r.StatusTypes}
	}
	return out, nil
}

// ImpactMeetings returns the convention meetings in scope (the buyer on
// either side) with an outcome recorded, oldest first.
func (s *Store) ImpactMeetings(ctx context.Context, sc ImpactScope) ([]ImpactMeeting, error) {
	buyer, from, to, ok := sc.params()
	if !ok {
		return nil, nil
	}
	rows, err := s.q.ImpactMeetings(ctx, sqlc.ImpactMeetingsParams{BuyerID: buyer, FromAt: from, ToAt: to})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ImpactMeeting, len(rows))
	for i, r := range rows {
		out[i] = ImpactMeeting{ID: r.ID.String(), StartsAt: r.StartsAt, Sides: [2]ImpactMeetingSide{
			{OrganisationID: r.AOrgID.String(), Kind: r.AKind, Country: r.ACountry, Sectors: r.ASectors, StatusTypes: r.AStatusTypes,
				Outcome: deref(r.AOutcome), AmountCents: r.AAmountCents, Currency: r.ACurrency},
			{OrganisationID: r.BOrgID.String(), Kind: r.BKind, Country: r.BCountry, Sectors: r.BSectors, StatusTypes: r.BStatusTypes,
				Outcome: deref(r.BOutcome), AmountCents: r.BAmountCents, Currency: r.BCurrency},
		}}
	}
	return out, nil
}

// ImpactTenders returns the tenders published in scope, oldest first.
func (s *Store) ImpactTenders(ctx context.Context, sc ImpactScope) ([]ImpactTender, error) {
	buyer, from, to, ok := sc.params()
	if !ok {
		return nil, nil
	}
	rows, err := s.q.ImpactTenders(ctx, sqlc.ImpactTendersParams{BuyerID: buyer, FromAt: from, ToAt: to})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ImpactTender, len(rows))
	for i, r := range rows {
		out[i] = ImpactTender{ID: r.ID.String(), PublishedAt: r.PublishedAt, BuyerCountry: r.BuyerCountry}
		if r.HasInterest {
			at := r.FirstInterestAt
			out[i].FirstInterestAt = &at
		}
	}
	return out, nil
}

// ImpactSupplierReach counts the suppliers the tenders reached, that were
// interested and that responded.
func (s *Store) ImpactSupplierReach(ctx context.Context, tenderIDs []string) (ImpactReach, error) {
	ids := make([]uuid.UUID, 0, len(tenderIDs))
	for _, t := range tenderIDs {
		if id, err := uuid.Parse(t); err == nil {
			ids = append(ids, id)
		}
	}
	r, err := s.q.ImpactSupplierReach(ctx, ids)
	if err != nil {
		return ImpactReach{}, mapError(err)
	}
	return ImpactReach{Reached: r.Reached, Interested: r.Interested, Responding: r.Responding}, nil
}
