// Package ocds maps Passerelle's public tenders to the Open Contracting
// Data Standard 1.1 (https://standard.open-contracting.org/1.1/): one
// release per tender, its lots (the lots extension), the awards recorded
// as lot outcomes, the buyer and the suppliers as parties, and the social
// clauses of each lot as eForms codes.
//
// Where OCDS has an official place for a clause it is used: reserved
// participation (eForms BT-71) is lots[].otherRequirements.reservedParticipation
// (the otherRequirements extension, as the OCDS for eForms profile maps it).
// The other eForms codes a lot carries (BT-736, BT-06, BT-774, BT-775,
// BT-754, BT-539/5421/541 award criteria) and the national legal bases are
// given as they are, under the namespaced key "passerelle:clauses" of each
// lot (see Clauses), and the place of performance under
// "passerelle:placeOfPerformance" of the tender.
//
// The package is pure: it reads domain types and writes Go values that
// encode as OCDS JSON. What may be published is decided by its callers
// (core.OpenData): only public tenders, never a response, amounts only as
// recorded outcomes, and only when the source says so (Source.AwardAmounts).
package ocds
