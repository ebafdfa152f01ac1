package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateTender records a new draft tender with its texts (its ID is set
// when empty; lots and documents are added separately) and returns it.
func (t *Tx) CreateTender(ctx context.Context, tn domain.Tender, now time.Time) (domain.Tender, error) {
	if tn.ID == "" {
		tn.ID = NewID()
	}
	id, err := parseID("id", tn.ID)
	if err != nil {
		return domain.Tender{}, err
	}
	org, err := parseID("organisation_id", tn.OrganisationID)
	if err != nil {
		return domain.Tender{}, err
	}
	row, err := t.q.CreateTender(ctx, sqlc.CreateTenderParams{
		ID: id, OrganisationID: org, Kind: string(tn.Kind), OriginalLanguage: string(tn.OriginalLanguage),
		PlaceNuts: tn.PlaceNUTS, PlaceTown: tn.PlaceTown, QuestionsDeadline: tn.QuestionsDeadline,
		ResponsesDeadline: tn.ResponsesDeadline, ResponseLanguages: languageStrings(tn.ResponseLanguages),
		BuyerAnonymous: tn.BuyerAnonymous, Now: now,
	})
	if err != nil {
		return domain.Tender{}, mapError(err)
	}
	if err := t.ReplaceTenderTexts(ctx, tn.ID, tn.Texts); err != nil {
		return domain.Tender{}, err
	}
	out, err := loadTenders(ctx, t.q, []sqlc.Tender{row})
	if err != nil {
		return domain.Tender{}, err
	}
	return out[0], nil
}

// LockTender reads one tender with its texts, lots and documents and locks
// its row until the transaction ends, or returns domain.ErrNotFound.
func (t *Tx) LockTender(ctx context.Context, id string) (domain.Tender, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Tender{}, domain.ErrNotFound
	}
	row, err := t.q.LockTender(ctx, uid)
	if err != nil {
		return domain.Tender{}, mapError(err)
	}
	out, err := loadTenders(ctx, t.q, []sqlc.Tender{row})
	if err != nil {
		return domain.Tender{}, err
	}
	return out[0], nil
}

// SaveTender writes the tender's own fields (not its texts, lots or
// documents) and returns it as stored, with them.
func (t *Tx) SaveTender(ctx context.Context, tn domain.Tender, now time.Time) (domain.Tender, error) {
	id, err := parseID("id", tn.ID)
	if err != nil {
		return domain.Tender{}, err
	}
	decider, err := optionalID("decided_by", tn.DecidedBy)
	if err != nil {
		return domain.Tender{}, err
	}
	row, err := t.q.SaveTender(ctx, sqlc.SaveTenderParams{
		ID: id, Kind: string(tn.Kind), State: string(tn.State), OriginalLanguage: string(tn.OriginalLanguage),
		PlaceNuts: tn.PlaceNUTS, PlaceTown: tn.PlaceTown, QuestionsDeadline: tn.QuestionsDeadline,
		ResponsesDeadline: tn.ResponsesDeadline, ResponseLanguages: languageStrings(tn.ResponseLanguages),
		BuyerAnonymous: tn.BuyerAnonymous, SubmittedAt: tn.SubmittedAt, DecidedAt: tn.DecidedAt, DecidedBy: decider,
		Reason: optionalString(tn.Reason), ChangesRequestedAt: tn.ChangesRequestedAt, PublishedAt: tn.PublishedAt,
		ClosedAt: tn.ClosedAt, SubstanceVersion: int32(tn.SubstanceVersion), Now: now,
	})
	if err != nil {
		return domain.Tender{}, mapError(err)
	}
	out, err := loadTenders(ctx, t.q, []sqlc.Tender{row})
	if err != nil {
		return domain.Tender{}, err
	}
	return out[0], nil
}

// ReplaceTenderTexts replaces every text of a tender.
func (t *Tx) ReplaceTenderTexts(ctx context.Context, tenderID string, texts []domain.TenderText) error {
	id, err := parseID("id", tenderID)
	if err != nil {
		return err
	}
	if err := t.q.DeleteTenderTexts(ctx, id); err != nil {
		return mapError(err)
	}
	for _, x := range texts {
		if err := t.q.InsertTenderText(ctx, sqlc.InsertTenderTextParams{TenderID: id, Language: string(x.Language),
			Title: x.Title, Description: x.Description, Original: x.Original}); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// CreateTenderLot adds a lot (its ID is set when empty) and returns it.
func (t *Tx) CreateTenderLot(ctx context.Context, l domain.TenderLot, now time.Time) (domain.TenderLot, error) {
	if l.ID == "" {
		l.ID = NewID()
	}
	id, err1 := parseID("id", l.ID)
	tid, err2 := parseID("tender_id", l.TenderID)
	if err1 != nil || err2 != nil {
		return domain.TenderLot{}, fmt.Errorf("store: lot ids: %v %v", err1, err2)
	}
	clauses, err := json.Marshal(l.Clauses)
	if err != nil {
		return domain.TenderLot{}, fmt.Errorf("store: lot clauses: %w", err)
	}
	row, err := t.q.InsertTenderLot(ctx, sqlc.InsertTenderLotParams{ID: id, TenderID: tid, Position: int32(l.Position),
		Title: l.Title, Description: l.Description, Cpv: nonNil(l.CPV), ValueMinCents: l.ValueMin, ValueMaxCents: l.ValueMax,
		Currency: l.Currency, Clauses: clauses, Now: now})
	if err != nil {
		return domain.TenderLot{}, mapError(err)
	}
	return lotFromRow(row)
}

// UpdateTenderLot writes every field of a lot and returns it, or
// domain.ErrNotFound when the tender has no such lot.
func (t *Tx) UpdateTenderLot(ctx context.Context, l domain.TenderLot, now time.Time) (domain.TenderLot, error) {
	id, err1 := uuid.Parse(l.ID)
	tid, err2 := uuid.Parse(l.TenderID)
	if err1 != nil || err2 != nil {
		return domain.TenderLot{}, domain.ErrNotFound
	}
	clauses, err := json.Marshal(l.Clauses)
	if err != nil {
		return domain.TenderLot{}, fmt.Errorf("store: lot clauses: %w", err)
	}
	row, err := t.q.UpdateTenderLot(ctx, sqlc.UpdateTenderLotParams{ID: id, TenderID: tid, Position: int32(l.Position),
		Title: l.Title, Description: l.Description, Cpv: nonNil(l.CPV), ValueMinCents: l.ValueMin, ValueMaxCents: l.ValueMax,
		Currency: l.Currency, Clauses: clauses, Now: now})
	if err != nil {
		return domain.TenderLot{}, mapError(err)
	}
	return lotFromRow(row)
}

// DeleteTenderLot deletes a lot of a tender and renumbers the others
// 1..n; it returns domain.ErrNotFound when the tender has no such lot.
func (t *Tx) DeleteTenderLot(ctx context.Context, tenderID, lotID string) error {
	id, err1 := uuid.Parse(lotID)
	tid, err2 := uuid.Parse(tenderID)
	if err1 != nil || err2 != nil {
		return domain.ErrNotFound
	}
	n, err := t.q.DeleteTenderLot(ctx, sqlc.DeleteTenderLotParams{ID: id, TenderID: tid})
	if err != nil {
		return mapError(err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return mapError(t.q.RenumberTenderLots(ctx, tid))
}

// AttachTenderDocument links a document of the tender's organisation to
// it; attaching twice is harmless (added reports whether the link is new).
// The database refuses another organisation's document or one of another
// purpose than tender_document (domain.ErrConflict).
func (t *Tx) AttachTenderDocument(ctx context.Context, tn domain.Tender, documentID string, now time.Time) (added bool, err error) {
	tid, err := parseID("tender_id", tn.ID)
	if err != nil {
		return false, err
	}
	org, err := parseID("organisation_id", tn.OrganisationID)
	if err != nil {
		return false, err
	}
	doc, err := parseID("document_id", documentID)
	if err != nil {
		return false, err
	}
	n, err := t.q.AttachTenderDocument(ctx, sqlc.AttachTenderDocumentParams{TenderID: tid, DocumentID: doc, OrganisationID: org, Now: now})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// DetachTenderDocument unlinks a document from a tender; removed reports
// whether it was linked.
func (t *Tx) DetachTenderDocument(ctx context.Context, tenderID, documentID string) (removed bool, err error) {
	tid, err1 := uuid.Parse(tenderID)
	doc, err2 := uuid.Parse(documentID)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	n, err := t.q.DetachTenderDocument(ctx, sqlc.DetachTenderDocumentParams{TenderID: tid, DocumentID: doc})
	if err != nil {
		return false, mapError(err)
	}
	return n > 0, nil
}

// GetTender returns one tender with its texts, lots and documents, or
// domain.ErrNotFound.
func (s *Store) GetTender(ctx context.Context, id string) (domain.Tender, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.Tender{}, domain.ErrNotFound
	}
	row, err := s.q.GetTender(ctx, uid)
	if err != nil {
		return domain.Tender{}, mapError(err)
	}
	out, err := loadTenders(ctx, s.q, []sqlc.Tender{row})
	if err != nil {
		return domain.Tender{}, err
	}
	return out[0], nil
}

// GetTenders returns the tenders of ids by id, in one round of queries
// (loadTenders); ids that name no tender are absent.
func (s *Store) GetTenders(ctx context.Context, ids ...string) (map[string]domain.Tender, error) {
	uids := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		if u, err := uuid.Parse(id); err == nil {
			uids = append(uids, u)
		}
	}
	out := map[string]domain.Tender{}
	if len(uids) == 0 {
		return out, nil
	}
	rows, err := s.q.GetTendersByIDs(ctx, uids)
	if err != nil {
		return nil, mapError(err)
	}
	tenders, err := loadTenders(ctx, s.q, rows)
	if err != nil {
		return nil, err
	}
	for _, t := range tenders {
		out[t.ID] = t
	}
	return out, nil
}

// ListPublishedTenders returns up to limit published tenders of active
// buyers (of kind, when set), nearest responses deadline first, after cursor; next is the
// cursor of the following page, "" after the last one.
func (s *Store) ListPublishedTenders(ctx context.Context, kind domain.TenderKind, cursor string, limit int32) (page []domain.Tender, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListPublishedTenders(ctx, sqlc.ListPublishedTendersParams{Kind: optionalString(string(kind)),
		AfterDeadline: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Tender) string { return encodeCursor(r.ResponsesDeadline, r.ID) })
	page, err = loadTenders(ctx, s.q, rows)
	return page, next, err
}

// ListTendersByOrganisation returns up to limit tenders of a buyer in
// every state, oldest first, after cursor.
func (s *Store) ListTendersByOrganisation(ctx context.Context, orgID, cursor string, limit int32) (page []domain.Tender, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	org, err := uuid.Parse(orgID)
	if err != nil {
		return []domain.Tender{}, "", nil
	}
	rows, err := s.q.ListTendersByOrganisation(ctx, sqlc.ListTendersByOrganisationParams{OrganisationID: org,
		AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Tender) string { return encodeCursor(r.CreatedAt, r.ID) })
	page, err = loadTenders(ctx, s.q, rows)
	return page, next, err
}

// TenderForReview is a tender in the moderators' queue with its buyer.
type TenderForReview struct {
	Tender              domain.Tender
	OrganisationName    string
	OrganisationCountry string
}

// ListTendersForModeration returns up to limit pending tenders, oldest
// submission first, optionally of one kind or from one country's buyers.
func (s *Store) ListTendersForModeration(ctx context.Context, kind domain.TenderKind, country, cursor string, limit int32) (
	page []TenderForReview, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListTendersForModeration(ctx, sqlc.ListTendersForModerationParams{Kind: optionalString(string(kind)),
		Country: optionalString(country), AfterSubmittedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListTendersForModerationRow) string {
		return encodeCursor(*r.Tender.SubmittedAt, r.Tender.ID)
	})
	plain := make([]sqlc.Tender, len(rows))
	for i, r := range rows {
		plain[i] = r.Tender
	}
	tenders, err := loadTenders(ctx, s.q, plain)
	if err != nil {
		return nil, "", err
	}
	page = make([]TenderForReview, len(rows))
	for i, r := range rows {
		page[i] = TenderForReview{Tender: tenders[i], OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry}
	}
	return page, next, nil
}

// TendersWaitingOnChangesSince returns the ids of tenders in
// changes_requested since cutoff or earlier.
func (s *Store) TendersWaitingOnChangesSince(ctx context.Context, cutoff time.Time) ([]string, error) {
	ids, err := s.q.ListTendersWaitingOnChangesSince(ctx, &cutoff)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out, nil
}

// loadTenders completes rows with their texts, lots and documents, in
// three queries whatever the number of rows.
func loadTenders(ctx context.Context, q *sqlc.Queries, rows []sqlc.Tender) ([]domain.Tender, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	texts, err := q.ListTenderTexts(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	lots, err := q.ListTenderLots(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	docs, err := q.ListTenderDocuments(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	outcomes, err := q.ListLotOutcomes(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	outcomeOf := map[uuid.UUID]domain.LotOutcome{}
	for _, o := range outcomes {
		outcomeOf[o.LotID] = outcomeFromRow(o)
	}
	textsBy := map[uuid.UUID][]domain.TenderText{}
	for _, x := range texts {
		textsBy[x.TenderID] = append(textsBy[x.TenderID], domain.TenderText{Language: domain.Language(x.Language),
			Title: x.Title, Description: x.Description, Original: x.Original})
	}
	lotsBy := map[uuid.UUID][]domain.TenderLot{}
	for _, l := range lots {
		lot, err := lotFromRow(l)
		if err != nil {
			return nil, err
		}
		if o, ok := outcomeOf[l.ID]; ok {
			lot.Outcome = &o
		}
		lotsBy[l.TenderID] = append(lotsBy[l.TenderID], lot)
	}
	docsBy := map[uuid.UUID][]string{}
	for _, d := range docs {
		docsBy[d.TenderID] = append(docsBy[d.TenderID], d.DocumentID.String())
	}
	out := make([]domain.Tender, len(rows))
	for i, r := range rows {
		t := domain.Tender{
			ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Kind: domain.TenderKind(r.Kind),
			State: domain.TenderState(r.State), OriginalLanguage: domain.Language(r.OriginalLanguage), PlaceNUTS: r.PlaceNuts,
			PlaceTown: r.PlaceTown, QuestionsDeadline: r.QuestionsDeadline.UTC(), ResponsesDeadline: r.ResponsesDeadline.UTC(),
			BuyerAnonymous: r.BuyerAnonymous, Texts: textsBy[r.ID], Lots: lotsBy[r.ID], DocumentIDs: docsBy[r.ID],
			SubmittedAt: r.SubmittedAt, DecidedAt: r.DecidedAt, ChangesRequestedAt: r.ChangesRequestedAt,
			PublishedAt: r.PublishedAt, ClosedAt: r.ClosedAt, SubstanceVersion: int(r.SubstanceVersion),
			CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		}
		for _, l := range r.ResponseLanguages {
			t.ResponseLanguages = append(t.ResponseLanguages, domain.Language(l))
		}
		if r.DecidedBy != nil {
			t.DecidedBy = r.DecidedBy.String()
		}
		if r.Reason != nil {
			t.Reason = *r.Reason
		}
		if t.Texts == nil {
			t.Texts = []domain.TenderText{}
		}
		if t.Lots == nil {
			t.Lots = []domain.TenderLot{}
		}
		if t.DocumentIDs == nil {
			t.DocumentIDs = []string{}
		}
		out[i] = t
	}
	return out, nil
}

func lotFromRow(r sqlc.TenderLot) (domain.TenderLot, error) {
	l := domain.TenderLot{ID: r.ID.String(), TenderID: r.TenderID.String(), Position: int(r.Position), Title: r.Title,
		Description: r.Description, CPV: r.Cpv, ValueMin: r.ValueMinCents, ValueMax: r.ValueMaxCents, Currency: r.Currency,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if err := json.Unmarshal(r.Clauses, &l.Clauses); err != nil {
		return domain.TenderLot{}, fmt.Errorf("store: clauses of lot %s: %w", l.ID, err)
	}
	if l.CPV == nil {
		l.CPV = []string{}
	}
	return l, nil
}

func languageStrings(ls []domain.Language) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}
