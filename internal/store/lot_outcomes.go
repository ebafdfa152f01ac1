package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// SaveLotOutcome records (or replaces) the outcome of a lot.
func (t *Tx) SaveLotOutcome(ctx context.Context, o domain.LotOutcome, recordedBy string, now time.Time) (domain.LotOutcome, error) {
	lot, err := parseID("lot_id", o.LotID)
	if err != nil {
		return domain.LotOutcome{}, err
	}
	supplier, err := optionalID("supplier_id", o.SupplierID)
	if err != nil {
		return domain.LotOutcome{}, err
	}
	by, err := optionalID("recorded_by", recordedBy)
	if err != nil {
		return domain.LotOutcome{}, err
	}
	row, err := t.q.SaveLotOutcome(ctx, sqlc.SaveLotOutcomeParams{LotID: lot, Result: string(o.Result), SupplierID: supplier,
		AmountCents: o.AmountCents, Currency: o.Currency, RecordedBy: by, Now: now})
	if err != nil {
		return domain.LotOutcome{}, mapError(err)
	}
	return outcomeFromRow(row), nil
}

// ListLotOutcomes returns the outcomes recorded for the lots of a tender.
func (t *Tx) ListLotOutcomes(ctx context.Context, tenderID string) ([]domain.LotOutcome, error) {
	return listLotOutcomes(ctx, t.q, tenderID)
}

// ListLotOutcomes returns the outcomes recorded for the lots of a tender.
func (s *Store) ListLotOutcomes(ctx context.Context, tenderID string) ([]domain.LotOutcome, error) {
	return listLotOutcomes(ctx, s.q, tenderID)
}

func listLotOutcomes(ctx context.Context, q *sqlc.Queries, tenderID string) ([]domain.LotOutcome, error) {
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return []domain.LotOutcome{}, nil
	}
	rows, err := q.ListLotOutcomes(ctx, []uuid.UUID{tid})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.LotOutcome, len(rows))
	for i, r := range rows {
		out[i] = outcomeFromRow(r)
	}
	return out, nil
}

func outcomeFromRow(r sqlc.LotOutcome) domain.LotOutcome {
	o := domain.LotOutcome{LotID: r.LotID.String(), Result: domain.LotResult(r.Result), AmountCents: r.AmountCents,
		Currency: r.Currency, RecordedAt: r.RecordedAt}
	if r.SupplierID != nil {
		o.SupplierID = r.SupplierID.String()
	}
	return o
}

// ReservedAwardsFromBuyer returns the lots supplierID won from buyerID
// since the given time under one of bases, oldest first: the facts of the
// repeat-award bar (domain.EligibilitySupplier.ReservedAwardsFromBuyer).
func (s *Store) ReservedAwardsFromBuyer(ctx context.Context, supplierID, buyerID string, since time.Time, bases []domain.LegalBasis) ([]domain.ReservedAward, error) {
	buyer, err := uuid.Parse(buyerID)
	if err != nil {
		return nil, nil
	}
	byBuyer, err := s.ReservedAwardsFromBuyers(ctx, supplierID, []string{buyer.String()}, since, bases)
	if err != nil {
		return nil, err
	}
	return byBuyer[buyer.String()], nil
}

// ReservedAwardsFromBuyers is ReservedAwardsFromBuyer for several buyers
// in one query, by buyer id in its canonical form (a buyer without any is
// absent).
func (s *Store) ReservedAwardsFromBuyers(ctx context.Context, supplierID string, buyerIDs []string, since time.Time, bases []domain.LegalBasis) (map[string][]domain.ReservedAward, error) {
	out := map[string][]domain.ReservedAward{}
	sup, err := uuid.Parse(supplierID)
	if err != nil {
		return out, nil
	}
	buyers := parseUUIDs(buyerIDs)
	if len(buyers) == 0 {
		return out, nil
	}
	codes := make([]string, len(bases))
	for i, b := range bases {
		codes[i] = string(b)
	}
	rows, err := s.q.ReservedAwardsFromBuyers(ctx, sqlc.ReservedAwardsFromBuyersParams{SupplierID: sup, BuyerIds: buyers, Since: since, Bases: codes})
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		b := r.BuyerID.String()
		out[b] = append(out[b], domain.ReservedAward{Basis: domain.LegalBasis(r.Basis), AwardedAt: r.RecordedAt})
	}
	return out, nil
}
