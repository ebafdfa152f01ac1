package store

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// InsertReport records a new open report. A second open report of the
// same reporter on the same target is domain.ErrConflict.
func (t *Tx) InsertReport(ctx context.Context, r domain.Report) (domain.Report, error) {
	ids, err := rowIDs(r.ReporterUserID, r.TargetID, r.OrganisationID)
	if err != nil {
		return domain.Report{}, err
	}
	row, err := t.q.InsertReport(ctx, sqlc.InsertReportParams{ID: uuid.MustParse(NewID()), ReporterUserID: ids[0],
		TargetType: string(r.TargetType), TargetID: ids[1], OrganisationID: ids[2], Reason: string(r.Reason), Note: r.Note,
		CreatedAt: r.CreatedAt})
	if err != nil {
		return domain.Report{}, mapError(err)
	}
	return reportFromRow(row), nil
}

// LockReport reads a report for update.
func (t *Tx) LockReport(ctx context.Context, id string) (domain.Report, error) {
	ids, err := rowIDs(id)
	if err != nil {
		return domain.Report{}, err
	}
	row, err := t.q.LockReport(ctx, ids[0])
	if err != nil {
		return domain.Report{}, mapError(err)
	}
	return reportFromRow(row), nil
}

// ResolveReport closes a report with outcome (dismissed or action_taken).
func (t *Tx) ResolveReport(ctx context.Context, id string, outcome domain.ReportState, by, note string, at time.Time) (domain.Report, error) {
	ids, err := rowIDs(id, by)
	if err != nil {
		return domain.Report{}, err
	}
	row, err := t.q.ResolveReport(ctx, sqlc.ResolveReportParams{ID: ids[0], State: string(outcome), ResolvedAt: &at,
		ResolvedBy: &ids[1], ResolutionNote: note})
	if err != nil {
		return domain.Report{}, mapError(err)
	}
	return reportFromRow(row), nil
}

// ReportFilter narrows the list of reports; zero fields mean all.
type ReportFilter struct {
	State      domain.ReportState
	TargetType domain.ReportTarget
	TargetID   string
}

// ListReports returns a page of reports, oldest first, and the cursor of
// the next page ("" after the last).
func (s *Store) ListReports(ctx context.Context, f ReportFilter, cursor string, limit int32) ([]domain.Report, string, error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	target, err := optionalID("query.target_id", f.TargetID)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListReports(ctx, sqlc.ListReportsParams{State: string(f.State), TargetType: string(f.TargetType), TargetID: target,
		AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.Report) string { return encodeCursor(r.CreatedAt, r.ID) })
	out := make([]domain.Report, len(rows))
	for i, r := range rows {
		out[i] = reportFromRow(r)
	}
	return out, next, nil
}

// HasOpenReport reports whether a target has an open report.
func (s *Store) HasOpenReport(ctx context.Context, target domain.ReportTarget, targetID string) (bool, error) {
	ids, err := rowIDs(targetID)
	if err != nil {
		return false, nil
	}
	ok, err := s.q.HasOpenReport(ctx, sqlc.HasOpenReportParams{TargetType: string(target), TargetID: ids[0]})
	return ok, mapError(err)
}

func reportFromRow(r sqlc.Report) domain.Report {
	out := domain.Report{ID: r.ID.String(), ReporterUserID: r.ReporterUserID.String(), TargetType: domain.ReportTarget(r.TargetType),
		TargetID: r.TargetID.String(), OrganisationID: r.OrganisationID.String(), Reason: domain.ReportReason(r.Reason), Note: r.Note,
		State: domain.ReportState(r.State), CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote}
	if r.ResolvedBy != nil {
		out.ResolvedBy = r.ResolvedBy.String()
	}
	return out
}

// LockOrganisationStatus reads an organisation's status for update.
func (t *Tx) LockOrganisationStatus(ctx context.Context, orgID string) (string, error) {
	ids, err := rowIDs(orgID)
	if err != nil {
		return "", err
	}
	st, err := t.q.LockOrganisationStatus(ctx, ids[0])
	return st, mapError(err)
}

// Suspension is a change of an organisation's status by a moderator.
type Suspension struct {
	OrganisationID string
	By             string
	At             time.Time
	ReasonTemplate string
	// Reason is the text recorded (the template in English plus the note).
	Reason string
}

// SuspendOrganisation sets the organisation's status to suspended and
// opens its suspension record.
func (t *Tx) SuspendOrganisation(ctx context.Context, s Suspension) error {
	ids, err := rowIDs(s.OrganisationID, s.By)
	if err != nil {
		return err
	}
	if err := t.q.SetOrganisationStatus(ctx, sqlc.SetOrganisationStatusParams{ID: ids[0], Status: domain.OrgSuspended, UpdatedAt: s.At}); err != nil {
		return mapError(err)
	}
	return mapError(t.q.InsertSuspension(ctx, sqlc.InsertSuspensionParams{ID: uuid.MustParse(NewID()), OrganisationID: ids[0],
		SuspendedAt: s.At, SuspendedBy: &ids[1], ReasonTemplate: s.ReasonTemplate, Reason: s.Reason}))
}

// ReinstateOrganisation sets the organisation's status back to active and
// closes its suspension record.
func (t *Tx) ReinstateOrganisation(ctx context.Context, s Suspension) error {
	ids, err := rowIDs(s.OrganisationID, s.By)
	if err != nil {
		return err
	}
	if err := t.q.SetOrganisationStatus(ctx, sqlc.SetOrganisationStatusParams{ID: ids[0], Status: domain.OrgActive, UpdatedAt: s.At}); err != nil {
		return mapError(err)
	}
	_, err = t.q.CloseSuspension(ctx, sqlc.CloseSuspensionParams{OrganisationID: ids[0], ReinstatedAt: &s.At, ReinstatedBy: &ids[1],
		ReinstateReason: s.Reason})
	return mapError(err)
}

// ListingKind is "offer" or "tender": the listings that carry flags.
type ListingKind string

// The kinds of flagged listings.
const (
	ListingOffer  ListingKind = "offer"
	ListingTender ListingKind = "tender"
)

// SiblingTitles returns the original titles of the organisation's other
// listings of kind that still count (see the queries), for the duplicate check.
func (t *Tx) SiblingTitles(ctx context.Context, kind ListingKind, orgID, listingID string) ([]domain.SiblingTitle, error) {
	ids, err := rowIDs(orgID, listingID)
	if err != nil {
		return nil, err
	}
	var out []domain.SiblingTitle
	if kind == ListingOffer {
		rows, err := t.q.OfferSiblingTitles(ctx, sqlc.OfferSiblingTitlesParams{OrganisationID: ids[0], ID: ids[1]})
		for _, r := range rows {
			out = append(out, domain.SiblingTitle{ID: r.ID.String(), Title: r.Title})
		}
		return out, mapError(err)
	}
	rows, err := t.q.TenderSiblingTitles(ctx, sqlc.TenderSiblingTitlesParams{OrganisationID: ids[0], ID: ids[1]})
	for _, r := range rows {
		out = append(out, domain.SiblingTitle{ID: r.ID.String(), Title: r.Title})
	}
	return out, mapError(err)
}

// BlockedWordsFolded returns every blocked word in its folded form.
func (t *Tx) BlockedWordsFolded(ctx context.Context) ([]string, error) {
	words, err := t.q.ListBlockedWordsFolded(ctx)
	return words, mapError(err)
}

// ReplaceListingFlags sets the flags of a listing: those of an earlier
// submission go.
func (t *Tx) ReplaceListingFlags(ctx context.Context, kind ListingKind, listingID string, flags []domain.ListingFlag, at time.Time) error {
	ids, err := rowIDs(listingID)
	if err != nil {
		return err
	}
	if err := t.q.DeleteListingFlags(ctx, sqlc.DeleteListingFlagsParams{ListingType: string(kind), ListingID: ids[0]}); err != nil {
		return mapError(err)
	}
	for _, f := range flags {
		other, err := optionalID("other_listing_id", f.OtherListingID)
		if err != nil {
			return err
		}
		if err := t.q.InsertListingFlag(ctx, sqlc.InsertListingFlagParams{ListingType: string(kind), ListingID: ids[0], Kind: string(f.Kind),
			Detail: f.Detail, OtherListingID: other, CreatedAt: at}); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// ListingFlags returns the flags of the listings named, by listing id.
func (s *Store) ListingFlags(ctx context.Context, listingIDs ...string) (map[string][]domain.ListingFlag, error) {
	ids, err := rowIDs(listingIDs...)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.ListListingFlags(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	out := map[string][]domain.ListingFlag{}
	for _, r := range rows {
		f := domain.ListingFlag{Kind: domain.ListingFlagKind(r.Kind), Detail: r.Detail}
		if r.OtherListingID != nil {
			f.OtherListingID = r.OtherListingID.String()
		}
		out[r.ListingID.String()] = append(out[r.ListingID.String()], f)
	}
	return out, nil
}

// BlockedWord is an entry of the blocked-words list.
type BlockedWord struct {
	ID        string
	Word      string
	Folded    string
	CreatedAt time.Time
}

// ListBlockedWords returns a page of the blocked words, oldest first.
func (s *Store) ListBlockedWords(ctx context.Context, cursor string, limit int32) ([]BlockedWord, string, error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.q.ListBlockedWords(ctx, sqlc.ListBlockedWordsParams{AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.BlockedWord) string { return encodeCursor(r.CreatedAt, r.ID) })
	out := make([]BlockedWord, len(rows))
	for i, r := range rows {
		out[i] = blockedWordFromRow(r)
	}
	return out, next, nil
}

// CountBlockedWords locks the list against other additions until the
// transaction ends and counts its words.
func (t *Tx) CountBlockedWords(ctx context.Context) (int64, error) {
	if err := t.q.LockBlockedWords(ctx); err != nil {
		return 0, mapError(err)
	}
	n, err := t.q.CountBlockedWords(ctx)
	return n, mapError(err)
}

// InsertBlockedWord adds a word; one whose folded form is listed already
// is domain.ErrConflict.
func (t *Tx) InsertBlockedWord(ctx context.Context, word, folded, by string, at time.Time) (BlockedWord, error) {
	creator, err := optionalID("created_by", by)
	if err != nil {
		return BlockedWord{}, err
	}
	row, err := t.q.InsertBlockedWord(ctx, sqlc.InsertBlockedWordParams{ID: uuid.MustParse(NewID()), Word: word, Folded: folded,
		CreatedBy: creator, CreatedAt: at})
	if err != nil {
		return BlockedWord{}, mapError(err)
	}
	return blockedWordFromRow(row), nil
}

// DeleteBlockedWord removes a word and returns it.
func (t *Tx) DeleteBlockedWord(ctx context.Context, id string) (BlockedWord, error) {
	ids, err := rowIDs(id)
	if err != nil {
		return BlockedWord{}, err
	}
	row, err := t.q.DeleteBlockedWord(ctx, ids[0])
	if err != nil {
		return BlockedWord{}, mapError(err)
	}
	return blockedWordFromRow(row), nil
}

func blockedWordFromRow(r sqlc.BlockedWord) BlockedWord {
	return BlockedWord{ID: r.ID.String(), Word: r.Word, Folded: r.Folded, CreatedAt: r.CreatedAt}
}

// AuditFilter narrows the audit log view; zero fields mean all. To is
// exclusive.
type AuditFilter struct {
	ActorUserID    string
	ActionPrefix   string
	SubjectType    string
	SubjectID      string
	OrganisationID string
	From, To       time.Time
	// HiddenPrefixes are action prefixes left out whatever the other
	// filters (what the reader may not see).
	HiddenPrefixes []string
}

// AuditRecord is one entry of the audit log as the view shows it.
type AuditRecord struct {
	ID             int64
	OccurredAt     time.Time
	ActorUserID    string
	ActorKind      string
	Action         string
	SubjectType    string
	SubjectID      string
	OrganisationID string
	// Before and After are the JSON states, nil when none.
	Before, After []byte
	RequestID     string
}

// likePrefix is the LIKE pattern of the strings starting with prefix:
// LIKE's own wildcards in the prefix are literal characters.
func likePrefix(prefix string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix) + "%"
}

// ListAuditPage returns a page of the audit log, newest first, and the
// cursor of the next page ("" after the last). The filter's ids must be
// valid (query.actor, query.organisation errors otherwise).
func (s *Store) ListAuditPage(ctx context.Context, f AuditFilter, cursor string, limit int32) ([]AuditRecord, string, error) {
	before, beforeID, err := decodeAuditCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	actor, err := optionalID("query.actor", f.ActorUserID)
	if err != nil {
		return nil, "", err
	}
	org, err := optionalID("query.organisation", f.OrganisationID)
	if err != nil {
		return nil, "", err
	}
	p := sqlc.ListAuditPageParams{ActorUserID: actor, SubjectType: f.SubjectType, SubjectID: f.SubjectID, OrganisationID: org,
		BeforeOccurredAt: before, BeforeID: beforeID, RowLimit: limit + 1}
	if f.ActionPrefix != "" {
		p.ActionPattern = likePrefix(f.ActionPrefix)
	}
	p.HiddenPatterns = make([]string, len(f.HiddenPrefixes))
	for i, h := range f.HiddenPrefixes {
		p.HiddenPatterns[i] = likePrefix(h)
	}
	if !f.From.IsZero() {
		p.FromTime = &f.From
	}
	if !f.To.IsZero() {
		p.ToTime = &f.To
	}
	rows, err := s.q.ListAuditPage(ctx, p)
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.AuditLog) string { return encodeAuditCursor(r.OccurredAt, r.ID) })
	out := make([]AuditRecord, len(rows))
	for i, r := range rows {
		rec := AuditRecord{ID: r.ID, OccurredAt: r.OccurredAt, ActorKind: r.ActorKind, Action: r.Action, SubjectType: r.SubjectType,
			SubjectID: r.SubjectID, Before: r.Before, After: r.After, RequestID: r.RequestID}
		if r.ActorUserID != nil {
			rec.ActorUserID = r.ActorUserID.String()
		}
		if r.OrganisationID != nil {
			rec.OrganisationID = r.OrganisationID.String()
		}
		out[i] = rec
	}
	return out, next, nil
}

// The audit log's ids are numbers, not UUIDs: its cursor is its own
// ("RFC 3339 time|id", base64url), opaque like the others.
func encodeAuditCursor(at time.Time, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + "|" + strconv.FormatInt(id, 10)))
}

func decodeAuditCursor(s string) (time.Time, int64, error) {
	if s == "" {
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), 1<<63 - 1, nil
	}
	bad := func() (time.Time, int64, error) {
		ve := &domain.ValidationError{}
		ve.Add("query.cursor", "invalid", "this cursor was not returned by this list: start again without it")
		return time.Time{}, 0, ve
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	at, id, ok := strings.Cut(string(raw), "|")
	t, err1 := time.Parse(time.RFC3339Nano, at)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return bad()
	}
	return t, n, nil
}

// ModerationPending counts what waits for a moderator, by queue kind.
func (s *Store) ModerationPending(ctx context.Context) (map[domain.QueueKind]int64, error) {
	r, err := s.q.ModerationPendingCounts(ctx)
	if err != nil {
		return nil, mapError(err)
	}
	return map[domain.QueueKind]int64{domain.QueueOffer: r.Offers, domain.QueueTender: r.Tenders,
		domain.QueueSSEStatus: r.SseStatuses, domain.QueueReport: r.Reports}, nil
}

// ModerationMedians returns, by queue kind, the median time from
// submission to decision of the decisions taken since since; a kind with
// no decision is absent.
func (s *Store) ModerationMedians(ctx context.Context, since time.Time) (map[domain.QueueKind]time.Duration, error) {
	r, err := s.q.ModerationMedianSeconds(ctx, since)
	if err != nil {
		return nil, mapError(err)
	}
	out := map[domain.QueueKind]time.Duration{}
	for k, v := range map[domain.QueueKind]float64{domain.QueueOffer: r.Offers, domain.QueueTender: r.Tenders,
		domain.QueueSSEStatus: r.SseStatuses, domain.QueueReport: r.Reports} {
		if v >= 0 {
			out[k] = time.Duration(v * float64(time.Second))
		}
	}
	return out, nil
}
