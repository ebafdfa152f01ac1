package core

import (
	"context"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Tenders are the use cases of buyers' tenders: drafts and their lots,
// moderation, publication, cancellation and closing at the deadline
// (DOMAIN.md, "Lifecycles"). Every use case checks the policy itself,
// whatever route calls it.
type Tenders struct {
	st       *store.Store
	schedule TenderJobs
	index    SearchJobs     // nil: no search index updates (see WithSearch)
	notes    *Notifications // nil: decisions are emailed directly (see WithNotifications)
	route    RoutingJobs    // nil: publication routes nothing (see WithRouting)
	now      Clock
	cfg      TendersConfig
}

// WithNotifications routes a moderator's decisions through n: each member
// of the buyer gets an in-app notification (category listing_decisions)
// and the email as their preference says. It returns s.
func (s *Tenders) WithNotifications(n *Notifications) *Tenders {
	s.notes = n
	return s
}

// TenderJobs enqueues the jobs tenders cause, in the transaction of the
// change: the one that closes a tender at its responses deadline (when it
// is published or its deadline moves) and emails.
type TenderJobs interface {
	Mailer
	ScheduleTenderClose(ctx context.Context, tx *store.Tx, tenderID string, at time.Time) error
}

// TendersConfig configures the tender use cases.
type TendersConfig struct {
	// PublicURL is the web app's address, for links in emails.
	PublicURL string
}

// NewTenders builds the tender use cases.
func NewTenders(st *store.Store, jobs TenderJobs, now Clock, cfg TendersConfig) *Tenders {
	if now == nil {
		now = time.Now
	}
	return &Tenders{st: st, schedule: jobs, now: now, cfg: cfg}
}

// WithSearch makes every change of a tender or its lots queue, in its
// transaction, an update of its search document. It returns s.
func (s *Tenders) WithSearch(jobs SearchJobs) *Tenders {
	s.index = jobs
	return s
}

// Now is the time of the use cases' clock: deadlines are judged at it.
func (s *Tenders) Now() time.Time { return s.now() }

// TenderView is a tender as one caller may see it: Buyer is nil when the
// buyer is anonymous towards the caller.
type TenderView struct {
	Tender domain.Tender
	Buyer  *domain.Organisation
	// Manage reports whether the caller is a member of the buyer.
	Manage bool
	// Eligibility is, per lot id, whether the SSE supplier the caller acts
	// for may take part in the lot (domain.Eligibility, from its verified
	// statuses that count now); nil for anyone else.
	Eligibility map[string]domain.EligibilityVerdict
}

// TenderPatch changes some fields of a tender; nil leaves a field as it is.
// Texts, when set, replace every text (the original included).
type TenderPatch struct {
	Kind              *domain.TenderKind
	OriginalLanguage  *domain.Language
	PlaceNUTS         *string
	PlaceTown         *string
	QuestionsDeadline *time.Time
	ResponsesDeadline *time.Time
	ResponseLanguages []domain.Language
	BuyerAnonymous    *bool
	Texts             []domain.TenderText
}

// DefaultPageSize and MaxPageSize bound a page of the tender lists.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Create records a draft tender of a buyer organisation on behalf of one
// of its members. Lots are added afterwards.
func (s *Tenders) Create(ctx context.Context, actor Actor, p domain.Principal, orgID string, t domain.Tender) (domain.Tender, error) {
	org, err := s.buyer(ctx, p, orgID)
	if err != nil {
		return domain.Tender{}, err
	}
	now := s.now()
	t.ID, t.OrganisationID, t.State, t.Lots, t.DocumentIDs = "", org.ID, domain.TenderDraft, nil, nil
	t = domain.NormalizeTender(t)
	if err := domain.ValidateTender(t, now).Err(); err != nil {
		return domain.Tender{}, err
	}
	var out domain.Tender
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if out, err = tx.CreateTender(ctx, t, now); err != nil {
			return err
		}
		return tenderAudit(ctx, tx, s.index, actor, "tender.created", out, nil, tenderState(out))
	})
	return out, err
}

// Update changes a tender of orgID. Drafts and tenders waiting on changes
// change freely; a published tender may change its deadlines, place, texts
// and response languages, and a substantial change (a shortened deadline)
// increments its substance version, which needs 7 days before the
// deadline and makes sent responses count only once re-confirmed.
func (s *Tenders) Update(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID string, patch TenderPatch) (domain.Tender, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Tender{}, err
	}
	now := s.now()
	var out domain.Tender
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		published := before.State == domain.TenderPublished && !before.DeadlinePassed(now)
		if !before.Editable() && !published {
			return msgTenderFrozen.Wrap(domain.ErrConflict, string(before.State))
		}
		if published && (patch.Kind != nil && *patch.Kind != before.Kind || patch.OriginalLanguage != nil && *patch.OriginalLanguage != before.OriginalLanguage ||
			patch.BuyerAnonymous != nil && *patch.BuyerAnonymous != before.BuyerAnonymous) {
			return msgTenderPublishedFixed.Wrap(domain.ErrConflict)
		}
		next := applyTenderPatch(before, patch)
		next = domain.NormalizeTender(next)
		ve := domain.ValidateTender(next, now)
		if published {
			// A deadline that passed (questions) may stay as it was.
			ve.Fields = slices.DeleteFunc(ve.Fields, func(f domain.FieldError) bool {
				return f.Code == "in_past" && (f.Field == "body.questions_deadline" && next.QuestionsDeadline.Equal(before.QuestionsDeadline))
			})
		}
		if err := ve.Err(); err != nil {
			return err
		}
		if published && domain.SubstantialChange(before, next) {
			if err := domain.CheckSubstantialEdit(next.ResponsesDeadline, now); err != nil {
				return err
			}
			next.SubstanceVersion++
		}
		if out, err = tx.SaveTender(ctx, next, now); err != nil {
			return err
		}
		if patch.Texts != nil {
			if err := tx.ReplaceTenderTexts(ctx, next.ID, next.Texts); err != nil {
				return err
			}
			out.Texts = next.Texts
		}
		if published && !next.ResponsesDeadline.Equal(before.ResponsesDeadline) {
			if err := s.schedule.ScheduleTenderClose(ctx, tx, out.ID, out.ResponsesDeadline); err != nil {
				return err
			}
		}
		return tenderAudit(ctx, tx, s.index, actor, "tender.updated", out, tenderState(before), tenderState(out))
	})
	return out, err
}

// AddLot adds a lot at the end of a tender's lots.
func (s *Tenders) AddLot(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID string, lot domain.TenderLot) (domain.TenderLot, error) {
	var out domain.TenderLot
	err := s.changeLots(ctx, actor, p, orgID, tenderID, "tender.lot_added", func(tx *store.Tx, t *domain.Tender, now time.Time) error {
		if len(t.Lots) >= domain.MaxLots {
			return msgTenderTooManyLots.Wrap(domain.ErrConflict, domain.MaxLots)
		}
		lot, err := s.checkLot(ctx, orgID, lot)
		if err != nil {
			return err
		}
		lot.ID, lot.TenderID, lot.Position = "", t.ID, len(t.Lots)+1
		if out, err = tx.CreateTenderLot(ctx, lot, now); err != nil {
			return err
		}
		t.Lots = append(t.Lots, out)
		return nil
	})
	return out, err
}

// UpdateLot replaces the fields of a lot (its position stays).
func (s *Tenders) UpdateLot(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, lotID string, lot domain.TenderLot) (domain.TenderLot, error) {
	var out domain.TenderLot
	err := s.changeLots(ctx, actor, p, orgID, tenderID, "tender.lot_updated", func(tx *store.Tx, t *domain.Tender, now time.Time) error {
		i := slices.IndexFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID })
		if i < 0 {
			return domain.ErrNotFound
		}
		lot, err := s.checkLot(ctx, orgID, lot)
		if err != nil {
			return err
		}
		lot.ID, lot.TenderID, lot.Position = lotID, t.ID, t.Lots[i].Position
		if out, err = tx.UpdateTenderLot(ctx, lot, now); err != nil {
			return err
		}
		t.Lots = slices.Clone(t.Lots)
		t.Lots[i] = out
		return nil
	})
	return out, err
}

// DeleteLot deletes a lot; the others are renumbered.
func (s *Tenders) DeleteLot(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, lotID string) error {
	return s.changeLots(ctx, actor, p, orgID, tenderID, "tender.lot_deleted", func(tx *store.Tx, t *domain.Tender, _ time.Time) error {
		i := slices.IndexFunc(t.Lots, func(l domain.TenderLot) bool { return l.ID == lotID })
		if i < 0 {
			return domain.ErrNotFound
		}
		if err := tx.DeleteTenderLot(ctx, t.ID, lotID); err != nil {
			return err
		}
		t.Lots = slices.Delete(slices.Clone(t.Lots), i, i+1)
		return nil
	})
}

// changeLots runs change on a locked tender's lots: freely in a draft or a
// tender waiting on changes; in a published tender as a substantial edit
// (7 days before the deadline at least; the substance version increases).
func (s *Tenders) changeLots(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, action string,
	change func(*store.Tx, *domain.Tender, time.Time) error) error {
	if err := manageTenders(p, orgID); err != nil {
		return err
	}
	now := s.now()
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		published := before.State == domain.TenderPublished && !before.DeadlinePassed(now)
		if !before.Editable() && !published {
			return msgTenderFrozen.Wrap(domain.ErrConflict, string(before.State))
		}
		after := before
		if err := change(tx, &after, now); err != nil {
			return err
		}
		// A lot added to a published tender is routed like the others
		// (the job routes only lots never routed).
		if published && s.route != nil {
			if err := s.route.ScheduleRouting(ctx, tx, after.ID); err != nil {
				return err
			}
		}
		// Replacing a lot by the same content is no change at all.
		if published && domain.SubstantialChange(before, after) {
			if err := domain.CheckSubstantialEdit(before.ResponsesDeadline, now); err != nil {
				return err // the transaction rolls the lot change back
			}
			after.SubstanceVersion++
			if after, err = tx.SaveTender(ctx, after, now); err != nil {
				return err
			}
		}
		return tenderAudit(ctx, tx, s.index, actor, action, after, tenderState(before), tenderState(after))
	})
}

// AttachDocument links a document of the buyer organisation (uploaded
// with purpose tender_document) to a tender that is not closed yet.
func (s *Tenders) AttachDocument(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, documentID string) (domain.Tender, error) {
	return s.changeDocuments(ctx, actor, p, orgID, tenderID, documentID, true)
}

// DetachDocument unlinks a document from a tender (the document stays).
func (s *Tenders) DetachDocument(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, documentID string) (domain.Tender, error) {
	return s.changeDocuments(ctx, actor, p, orgID, tenderID, documentID, false)
}

func (s *Tenders) changeDocuments(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, documentID string, attach bool) (domain.Tender, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Tender{}, err
	}
	now := s.now()
	var out domain.Tender
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		if !before.Editable() && (before.State != domain.TenderPublished || before.DeadlinePassed(now)) {
			return msgTenderFrozen.Wrap(domain.ErrConflict, string(before.State))
		}
		out = before
		action := "tender.document_attached"
		if attach {
			doc, err := tx.GetDocument(ctx, documentID) // through tx: it holds the listing's lock
			if err != nil || doc.OrganisationID != orgID {
				return domain.ErrNotFound // another organisation's document does not exist here
			}
			if doc.Purpose != domain.DocTenderDocument {
				ve := &domain.ValidationError{}
				ve.AddLocalized("path.documentID", "wrong_purpose", msgTenderDocumentPurpose.With(string(doc.Purpose)))
				return ve
			}
			added, err := tx.AttachTenderDocument(ctx, before, doc.ID, now)
			if err != nil || !added {
				return err // attaching twice changes nothing
			}
			out.DocumentIDs = append(slices.Clone(before.DocumentIDs), doc.ID)
		} else {
			action = "tender.document_detached"
			removed, err := tx.DetachTenderDocument(ctx, before.ID, documentID)
			if err != nil {
				return err
			}
			if !removed {
				return domain.ErrNotFound
			}
			out.DocumentIDs = without(before.DocumentIDs, documentID)
		}
		return tenderAudit(ctx, tx, s.index, actor, action, out, map[string]any{"documents": before.DocumentIDs}, map[string]any{"documents": out.DocumentIDs})
	})
	return out, err
}

// Submit sends a draft (or a tender waiting on changes) to the moderators.
// It needs at least one lot and deadlines that have not passed.
func (s *Tenders) Submit(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID string) (domain.Tender, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Tender{}, err
	}
	now := s.now()
	var out domain.Tender
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		to, err := before.State.Next(domain.TenderSubmit)
		if err != nil {
			return err
		}
		ve := domain.ValidateTender(before, now)
		if len(before.Lots) == 0 {
			ve.AddLocalized("lots", "required", msgTenderNoLot.With())
		}
		if err := ve.Err(); err != nil {
			return err
		}
		if err := refuseSuspendedIn(ctx, tx, orgID, errOrganisationSuspended()); err != nil {
			return err
		}
		next := before
		next.State, next.SubmittedAt, next.ChangesRequestedAt = to, &now, nil
		if out, err = tx.SaveTender(ctx, next, now); err != nil {
			return err
		}
		if err := flagListing(ctx, tx, store.ListingTender, out.OrganisationID, out.ID, out.Original().Title, out.Original().Description, now); err != nil {
			return err
		}
		return tenderAudit(ctx, tx, s.index, actor, "tender.submitted", out, tenderState(before), tenderState(out))
	})
	return out, err
}

// Cancel withdraws a tender that has not closed, on behalf of its buyer,
// with an optional reason.
func (s *Tenders) Cancel(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, reason string) (domain.Tender, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Tender{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason != "" {
		if err := domain.ValidateReason(reason, "body.reason").Err(); err != nil {
			return domain.Tender{}, err
		}
	}
	now := s.now()
	var out domain.Tender
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		state := before.State
		if state == domain.TenderPublished && before.DeadlinePassed(now) {
			state = domain.TenderClosed // the closing job may not have run yet
		}
		to, err := state.Next(domain.TenderCancel)
		if err != nil {
			return err
		}
		next := before
		next.State, next.Reason, next.ChangesRequestedAt = to, reason, nil
		if out, err = tx.SaveTender(ctx, next, now); err != nil {
			return err
		}
		return tenderAudit(ctx, tx, s.index, actor, "tender.cancelled", out, tenderState(before), tenderState(out))
	})
	return out, err
}

// checkLot normalizes and validates a lot of orgID's tender: its fields,
// its CPV codes (canonical, with the official check digit, in the imported
// list, like offers') and its clauses for the buyer's country and the
// lot's CPV codes (domain.LotClauses.Validate), every wrong field at once.
func (s *Tenders) checkLot(ctx context.Context, orgID string, lot domain.TenderLot) (domain.TenderLot, error) {
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return lot, err
	}
	lot.CPV = canonicalCPV(lot.CPV)
	lot = domain.NormalizeLot(lot)
	ve := domain.ValidateLot(lot, domain.ClauseContext{BuyerCountry: org.Country}, "body.")
	if err := checkClassification(ctx, s.st, ve, "body.sectors", nil, "body.cpv", lot.CPV); err != nil {
		return lot, err
	}
	return lot, ve.Err()
}

// buyer checks that p may manage the tenders of orgID, a buyer
// organisation, and returns it.
func (s *Tenders) buyer(ctx context.Context, p domain.Principal, orgID string) (domain.Organisation, error) {
	if err := manageTenders(p, orgID); err != nil {
		return domain.Organisation{}, err
	}
	org, err := s.st.GetOrganisation(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if org.Kind != domain.OrgPublicBuyer && org.Kind != domain.OrgPrivateBuyer {
		return domain.Organisation{}, msgTenderBuyersOnly.Wrap(domain.ErrForbidden)
	}
	return org, nil
}

// manageTenders checks that p may manage the tenders of orgID. Only a
// buyer has tenders (see buyer): for any other organisation they are not
// found.
func manageTenders(p domain.Principal, orgID string) error {
	return domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID})
}

// lockTenderOf locks a tender of orgID; another organisation's tender
// does not exist for it.
func lockTenderOf(ctx context.Context, tx *store.Tx, orgID, tenderID string) (domain.Tender, error) {
	t, err := tx.LockTender(ctx, tenderID)
	if err != nil {
		return domain.Tender{}, err
	}
	if t.OrganisationID != orgID {
		return domain.Tender{}, domain.ErrNotFound
	}
	return t, nil
}

func applyTenderPatch(t domain.Tender, p TenderPatch) domain.Tender {
	if p.Kind != nil {
		t.Kind = *p.Kind
	}
	if p.OriginalLanguage != nil {
		t.OriginalLanguage = *p.OriginalLanguage
	}
	if p.PlaceNUTS != nil {
		t.PlaceNUTS = *p.PlaceNUTS
	}
	if p.PlaceTown != nil {
		t.PlaceTown = *p.PlaceTown
	}
	if p.QuestionsDeadline != nil {
		t.QuestionsDeadline = *p.QuestionsDeadline
	}
	if p.ResponsesDeadline != nil {
		t.ResponsesDeadline = *p.ResponsesDeadline
	}
	if p.ResponseLanguages != nil {
		t.ResponseLanguages = p.ResponseLanguages
	}
	if p.BuyerAnonymous != nil {
		t.BuyerAnonymous = *p.BuyerAnonymous
	}
	if p.Texts != nil {
		t.Texts = p.Texts
	}
	return t
}

func tenderPageSize(limit int) int32 {
	if limit <= 0 {
		limit = DefaultPageSize
	}
	return int32(min(limit, MaxPageSize))
}

// tenderAudit records a change of a tender and, in the same transaction,
// queues its search document for an update through index: every audited
// change (content, lots, documents, state) may change what the index must
// show, or whether it shows it.
func tenderAudit(ctx context.Context, tx *store.Tx, index SearchJobs, actor Actor, action string, t domain.Tender, before, after map[string]any) error {
	if err := indexListings(ctx, tx, index, tenderRef(t.ID)); err != nil {
		return err
	}
	return writeAudit(ctx, tx, actor, action, "tender", t.ID, t.OrganisationID, before, after)
}

func tenderState(t domain.Tender) map[string]any {
	lots := make([]map[string]any, len(t.Lots))
	for i, l := range t.Lots {
		lots[i] = map[string]any{"id": l.ID, "position": l.Position, "title": l.Title, "cpv": l.CPV, "clauses": l.Clauses}
	}
	return map[string]any{
		"state": t.State, "kind": t.Kind, "language": t.OriginalLanguage, "title": t.Original().Title,
		"place_nuts": t.PlaceNUTS, "place_town": t.PlaceTown,
		"questions_deadline": t.QuestionsDeadline.Format(time.RFC3339), "responses_deadline": t.ResponsesDeadline.Format(time.RFC3339),
		"buyer_anonymous": t.BuyerAnonymous, "substance_version": t.SubstanceVersion, "lots": lots, "documents": t.DocumentIDs,
	}
}

var (
	msgTenderBuyersOnly = domain.Msg{
		EN: "only buyer organisations (public or private) post tenders",
		FR: "seules les organisations acheteuses (publiques ou privées) publient des appels d'offres",
		DE: "nur einkaufende Organisationen (öffentlich oder privat) veröffentlichen Ausschreibungen",
		NL: "alleen inkopende organisaties (publiek of privé) plaatsen aanbestedingen",
	}
	msgTenderFrozen = domain.Msg{
		EN: "a tender in state %s cannot be changed",
		FR: "un appel d'offres à l'état %s ne peut pas être modifié",
		DE: "eine Ausschreibung im Zustand %s kann nicht geändert werden",
		NL: "een aanbesteding in status %s kan niet worden gewijzigd",
	}
	msgTenderPublishedFixed = domain.Msg{
		EN: "the kind, original language and anonymity of a published tender cannot change",
		FR: "le type, la langue d'origine et l'anonymat d'un appel d'offres publié ne peuvent pas changer",
		DE: "Art, Originalsprache und Anonymität einer veröffentlichten Ausschreibung können sich nicht ändern",
		NL: "soort, oorspronkelijke taal en anonimiteit van een gepubliceerde aanbesteding kunnen niet veranderen",
	}
	msgTenderTooManyLots = domain.Msg{
		EN: "a tender has at most %d lots", FR: "un appel d'offres compte %d lots au plus",
		DE: "eine Ausschreibung hat höchstens %d Lose", NL: "een aanbesteding heeft hoogstens %d percelen",
	}
	msgTenderNoLot = domain.Msg{
		EN: "add at least one lot before submitting", FR: "ajoutez au moins un lot avant de soumettre",
		DE: "fügen Sie vor dem Einreichen mindestens ein Los hinzu", NL: "voeg minstens één perceel toe voor het indienen",
	}
	msgTenderDocumentPurpose = domain.Msg{
		EN: "this document was uploaded as %s, not as a tender document (purpose tender_document)",
		FR: "ce document a été déposé comme %s, et non comme document d'appel d'offres (usage tender_document)",
		DE: "dieses Dokument wurde als %s hochgeladen, nicht als Ausschreibungsunterlage (Zweck tender_document)",
		NL: "dit document is geüpload als %s, niet als aanbestedingsdocument (doel tender_document)",
	}
	msgTenderDecision = domain.Msg{
		EN: "%q is not a decision: approve, reject or request_changes",
		FR: "%q n'est pas une décision : approve, reject ou request_changes",
		DE: "%q ist keine Entscheidung: approve, reject oder request_changes",
		NL: "%q is geen beslissing: approve, reject of request_changes",
	}
	msgTenderOwnModeration = domain.Msg{
		EN: "you are a member of this buyer: another moderator must decide on its tender",
		FR: "vous êtes membre de cet acheteur : un autre modérateur doit statuer sur son appel d'offres",
		DE: "Sie sind Mitglied dieses Auftraggebers: ein anderer Moderator muss über seine Ausschreibung entscheiden",
		NL: "u bent lid van deze koper: een andere moderator moet over zijn aanbesteding beslissen",
	}
	msgTenderApproveLate = domain.Msg{
		EN: "the responses deadline of this tender has passed: request changes instead",
		FR: "la date limite des réponses de cet appel d'offres est passée : demandez plutôt des modifications",
		DE: "die Angebotsfrist dieser Ausschreibung ist abgelaufen: fordern Sie stattdessen Änderungen an",
		NL: "de antwoordtermijn van deze aanbesteding is verstreken: vraag in plaats daarvan wijzigingen",
	}
	msgTenderKind = domain.Msg{
		EN: "%q is not a tender kind: formal_tender, quote_request or sourcing",
		FR: "%q n'est pas un type d'appel d'offres : formal_tender, quote_request ou sourcing",
		DE: "%q ist keine Ausschreibungsart: formal_tender, quote_request oder sourcing",
		NL: "%q is geen soort aanbesteding: formal_tender, quote_request of sourcing",
	}
	msgTenderCountry = domain.Msg{
		EN: "%q is not the code of an EU country (FR, DE, BE, LU, …)",
		FR: "%q n'est pas le code d'un pays de l'UE (FR, DE, BE, LU, …)",
		DE: "%q ist nicht der Code eines EU-Landes (FR, DE, BE, LU, …)",
		NL: "%q is niet de code van een EU-land (FR, DE, BE, LU, …)",
	}
	msgTenderChangesTimeout = domain.Msg{
		EN: "the requested changes were not made within 10 days",
		FR: "les modifications demandées n'ont pas été faites dans les 10 jours",
		DE: "die angeforderten Änderungen wurden nicht innerhalb von 10 Tagen vorgenommen",
		NL: "de gevraagde wijzigingen zijn niet binnen 10 dagen aangebracht",
	}
)
