package core

import (
	"context"
	"slices"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// RecordOutcome records (or replaces) the outcome of a lot of a closed
// tender, on behalf of its buyer. A published tender whose deadline
// passed is closed first (the closing job may not have run yet). When
// every lot has its outcome, the tender becomes awarded (a lot was
// awarded) or not_awarded, and its outcomes are final.
func (s *Tenders) RecordOutcome(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, lotID string, o domain.LotOutcome) (domain.LotOutcome, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.LotOutcome{}, err
	}
	if o.Currency == "" {
		o.Currency = "EUR"
	}
	ve := domain.ValidateLotOutcome(o)
	if o.Result == domain.LotAwardedPasserelle && o.SupplierID != "" {
		if org, err := s.st.GetOrganisation(ctx, o.SupplierID); err != nil || org.Kind != domain.OrgSSESupplier {
			ve.AddLocalized("body.supplier_id", "unknown_supplier", msgOutcomeUnknownSupplier.With(o.SupplierID))
		}
	}
	if err := ve.Err(); err != nil {
		return domain.LotOutcome{}, err
	}
	now := s.now()
	var out domain.LotOutcome
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(before.Lots, func(l domain.TenderLot) bool { return l.ID == lotID }) {
			return domain.ErrNotFound
		}
		t := before
		if t.State == domain.TenderPublished && t.DeadlinePassed(now) {
			t.State, t.ClosedAt = domain.TenderClosed, &now // the closing job may not have run yet
		}
		if !t.State.Can(domain.TenderAward) {
			_, err := t.State.Next(domain.TenderAward)
			return err // lists what the tender allows instead
		}
		o.LotID = lotID
		if out, err = tx.SaveLotOutcome(ctx, o, actor.UserID, now); err != nil {
			return err
		}
		outcomes, err := tx.ListLotOutcomes(ctx, t.ID)
		if err != nil {
			return err
		}
		if len(outcomes) == len(t.Lots) {
			if t.State, err = t.State.Next(domain.TenderResult(outcomes)); err != nil {
				return err
			}
		}
		if t.State != before.State {
			if t, err = tx.SaveTender(ctx, t, now); err != nil {
				return err
			}
		}
		if before.State == domain.TenderPublished {
			// Closed here rather than by the job: the buyer is told of the
			// responses all the same (once: the job then finds it closed).
			if err := notifyResponsesReceived(ctx, tx, s.notes, t, now); err != nil {
				return err
			}
		}
		after := tenderState(t)
		after["outcome"] = map[string]any{"lot_id": lotID, "result": out.Result, "supplier_id": out.SupplierID, "amount_cents": out.AmountCents,
			"currency": out.Currency}
		return tenderAudit(ctx, tx, s.index, actor, "tender.outcome_recorded", t, tenderState(before), after)
	})
	return out, err
}

var msgOutcomeUnknownSupplier = domain.Msg{
	EN: "%s is not an SSE supplier on Passerelle", FR: "%s n'est pas un fournisseur de l'ESS sur Passerelle",
	DE: "%s ist kein Anbieter der Sozialwirtschaft auf Passerelle", NL: "%s is geen leverancier uit de sociale economie op Passerelle",
}
