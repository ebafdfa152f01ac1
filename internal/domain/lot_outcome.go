package domain

import (
	"slices"
	"time"
)

// LotResult is what came of a lot once its tender closed.
type LotResult string

// The results.
const (
	LotAwardedPasserelle LotResult = "awarded_passerelle" // to a supplier found on Passerelle
	LotAwardedOther      LotResult = "awarded_other"      // to another company
	LotNotAwarded        LotResult = "not_awarded"
)

// Valid reports whether r is a known result.
func (r LotResult) Valid() bool {
	return slices.Contains([]LotResult{LotAwardedPasserelle, LotAwardedOther, LotNotAwarded}, r)
}

// LotOutcome is the result the buyer recorded for a lot; it feeds the
// impact figures.
type LotOutcome struct {
	LotID       string
	Result      LotResult
	SupplierID  string // the Passerelle supplier, for awarded_passerelle
	AmountCents *int64
	Currency    string
	RecordedAt  time.Time
}

// ValidateLotOutcome checks an outcome: an award names its amount, and
// the supplier when it is a Passerelle supplier; "not awarded" names
// neither.
func ValidateLotOutcome(o LotOutcome) *ValidationError {
	ve := &ValidationError{}
	switch o.Result {
	case LotAwardedPasserelle:
		if o.SupplierID == "" {
			ve.AddLocalized("body.supplier_id", "required", msgOutcomeSupplierRequired.With())
		}
	case LotAwardedOther, LotNotAwarded:
		if o.SupplierID != "" {
			ve.AddLocalized("body.supplier_id", "not_allowed", msgOutcomeNoSupplier.With())
		}
	default:
		ve.AddLocalized("body.result", "invalid", msgNotOneOf.With(string(o.Result), "awarded_passerelle, awarded_other, not_awarded"))
	}
	switch {
	case o.Result == LotNotAwarded && o.AmountCents != nil:
		ve.AddLocalized("body.amount_cents", "not_allowed", msgOutcomeNoAmount.With())
	case o.Result != LotNotAwarded && o.Result.Valid() && o.AmountCents == nil:
		ve.AddLocalized("body.amount_cents", "required", msgOutcomeAmountRequired.With())
	case o.AmountCents != nil && *o.AmountCents < 0:
		ve.AddLocalized("body.amount_cents", "out_of_range", msgResponseNegativePrice.With())
	}
	if !currency.MatchString(o.Currency) {
		ve.AddLocalized("body.currency", "invalid", msgTenderCurrency.With(o.Currency))
	}
	return ve
}

// TenderResult is the event that ends a closed tender whose lots all have
// an outcome: award when any lot was awarded, else not_award.
func TenderResult(outcomes []LotOutcome) TenderEvent {
	for _, o := range outcomes {
		if o.Result != LotNotAwarded {
			return TenderAward
		}
	}
	return TenderNotAward
}

var (
	msgOutcomeSupplierRequired = Msg{
		EN: "name the Passerelle supplier the lot was awarded to", FR: "indiquez le fournisseur Passerelle retenu pour ce lot",
		DE: "nennen Sie den Passerelle-Anbieter, der den Zuschlag erhielt", NL: "noem de Passerelle-leverancier aan wie het perceel is gegund",
	}
	msgOutcomeNoSupplier = Msg{
		EN: "a supplier is named only for a lot awarded through Passerelle",
		FR: "un fournisseur ne s'indique que pour un lot attribué via Passerelle",
		DE: "ein Anbieter wird nur für ein über Passerelle vergebenes Los genannt",
		NL: "een leverancier wordt alleen genoemd voor een via Passerelle gegund perceel",
	}
	msgOutcomeNoAmount = Msg{
		EN: "a lot not awarded has no amount", FR: "un lot non attribué n'a pas de montant",
		DE: "ein nicht vergebenes Los hat keinen Betrag", NL: "een niet gegund perceel heeft geen bedrag",
	}
	msgOutcomeAmountRequired = Msg{
		EN: "enter the amount awarded, in cents", FR: "indiquez le montant attribué, en centimes",
		DE: "geben Sie den vergebenen Betrag in Cent an", NL: "vul het gegunde bedrag in, in centen",
	}
)
