package store

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// ConventionEvent is what meetings, schedules and agendas read of an event.
type ConventionEvent struct {
	ID, State, Name, Venue, Address, TimeZone string
	Tables, RequestExpiryDays                 int
	AgendaState                               string
	AgendaVersion                             int
}

// ConventionSession is a session of an event with its breaks.
type ConventionSession struct {
	ID             string
	Start, End     time.Time
	MeetingMinutes int
	Breaks         []TimeWindow
}

// TimeWindow is a stretch of time: a break, a delegate's availability.
type TimeWindow struct{ Start, End time.Time }

// ConventionDelegate is a delegate of a confirmed registration, with
// their organisation's name, kind and country.
type ConventionDelegate struct {
	ID, OrganisationID, UserID string
	Name, Email, JobTitle      string
	Lang, ProfileLang          domain.Language
	Offers, Needs              string
	Sectors                    []string
	OrganisationName           string
	OrganisationKind           domain.OrganisationKind
	Country                    string
}

// DelegateFilter narrows the delegates of an event.
type DelegateFilter struct {
	// IDs limits to these delegates when set.
	IDs []string
	// Q is a text found in the name, organisation, job title, offers or
	// needs; Country an ISO code; Kind an organisation kind or "buyer".
	Q, Country, Kind string
}

func conventionEventFrom(r sqlc.MeetingsGetEventRow) ConventionEvent {
	return ConventionEvent{ID: r.ID.String(), State: r.State, Name: r.Name, Venue: r.Venue, Address: r.Address, TimeZone: r.TimeZone,
		Tables: int(r.Tables), RequestExpiryDays: int(r.RequestExpiryDays), AgendaState: r.AgendaState, AgendaVersion: int(r.AgendaVersion)}
}

// ConventionEvent returns an event, or domain.ErrNotFound.
func (s *Store) ConventionEvent(ctx context.Context, id string) (ConventionEvent, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return ConventionEvent{}, domain.ErrNotFound
	}
	r, err := s.q.MeetingsGetEvent(ctx, uid)
	if err != nil {
		return ConventionEvent{}, mapError(err)
	}
	return conventionEventFrom(r), nil
}

// ConventionEvent is Store.ConventionEvent in t.
func (t *Tx) ConventionEvent(ctx context.Context, id string) (ConventionEvent, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return ConventionEvent{}, domain.ErrNotFound
	}
	r, err := t.q.MeetingsGetEvent(ctx, uid)
	if err != nil {
		return ConventionEvent{}, mapError(err)
	}
	return conventionEventFrom(r), nil
}

// LockConventionEvent reads and locks an event, or returns
// domain.ErrNotFound: schedule runs, moves and agendas of one event are
// serialized by it.
func (t *Tx) LockConventionEvent(ctx context.Context, id string) (ConventionEvent, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return ConventionEvent{}, domain.ErrNotFound
	}
	r, err := t.q.MeetingsLockEvent(ctx, uid)
	if err != nil {
		return ConventionEvent{}, mapError(err)
	}
	return conventionEventFrom(sqlc.MeetingsGetEventRow(r)), nil
}

// SetAgendaState records that agendas were sent (state preliminary or
// final), increasing the event's agenda version; it returns the new state
// and version.
func (t *Tx) SetAgendaState(ctx context.Context, eventID, state string, now time.Time) (string, int, error) {
	uid, err := parseID("event_id", eventID)
	if err != nil {
		return "", 0, err
	}
	r, err := t.q.MeetingsSetAgendaState(ctx, sqlc.MeetingsSetAgendaStateParams{ID: uid, AgendaState: state, Now: now})
	if err != nil {
		return "", 0, mapError(err)
	}
	return r.AgendaState, int(r.AgendaVersion), nil
}

// ConventionSessions returns the sessions of an event with their breaks,
// by start.
func (s *Store) ConventionSessions(ctx context.Context, eventID string) ([]ConventionSession, error) {
	return conventionSessions(ctx, s.q, eventID)
}

// ConventionSessions is Store.ConventionSessions in t.
func (t *Tx) ConventionSessions(ctx context.Context, eventID string) ([]ConventionSession, error) {
	return conventionSessions(ctx, t.q, eventID)
}

func conventionSessions(ctx context.Context, q *sqlc.Queries, eventID string) ([]ConventionSession, error) {
	uid, err := uuid.Parse(eventID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	rows, err := q.MeetingsSessions(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	breaks, err := q.MeetingsBreaks(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]ConventionSession, len(rows))
	index := make(map[uuid.UUID]int, len(rows))
	for i, r := range rows {
		out[i] = ConventionSession{ID: r.ID.String(), Start: r.StartsAt, End: r.EndsAt, MeetingMinutes: int(r.MeetingMinutes)}
		index[r.ID] = i
	}
	for _, b := range breaks {
		if i, ok := index[b.SessionID]; ok {
			out[i].Breaks = append(out[i].Breaks, TimeWindow{Start: b.StartsAt, End: b.EndsAt})
		}
	}
	return out, nil
}

// HasConfirmedRegistration reports whether orgID is registered (confirmed)
// at eventID.
func (s *Store) HasConfirmedRegistration(ctx context.Context, eventID, orgID string) (bool, error) {
	eid, err1 := uuid.Parse(eventID)
	oid, err2 := uuid.Parse(orgID)
	if err1 != nil || err2 != nil {
		return false, nil
	}
	ok, err := s.q.MeetingsConfirmedRegistration(ctx, sqlc.MeetingsConfirmedRegistrationParams{EventID: eid, OrganisationID: oid})
	return ok, mapError(err)
}

// ConventionDelegates returns up to limit delegates of the confirmed
// registrations of an event matching f, by name then id, after cursor
// (limit <= 0: all of them, no cursor).
func (s *Store) ConventionDelegates(ctx context.Context, eventID string, f DelegateFilter, cursor string, limit int32) (
	[]ConventionDelegate, string, error) {
	return conventionDelegates(ctx, s.q, eventID, f, cursor, limit)
}

// ConventionDelegates is Store.ConventionDelegates in t.
func (t *Tx) ConventionDelegates(ctx context.Context, eventID string, f DelegateFilter, cursor string, limit int32) (
	[]ConventionDelegate, string, error) {
	return conventionDelegates(ctx, t.q, eventID, f, cursor, limit)
}

func conventionDelegates(ctx context.Context, q *sqlc.Queries, eventID string, f DelegateFilter, cursor string, limit int32) (
	[]ConventionDelegate, string, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return []ConventionDelegate{}, "", nil
	}
	afterName, afterID, err := decodeNameCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	ids := make([]uuid.UUID, 0, len(f.IDs))
	for _, id := range f.IDs {
		uid, err := uuid.Parse(id)
		if err != nil {
			continue // names no delegate
		}
		ids = append(ids, uid)
	}
	if len(f.IDs) > 0 && len(ids) == 0 {
		return []ConventionDelegate{}, "", nil
	}
	rowLimit := limit + 1
	if limit <= 0 {
		rowLimit = 1 << 30
	}
	rows, err := q.MeetingsDelegates(ctx, sqlc.MeetingsDelegatesParams{EventID: eid, Ids: ids, Country: f.Country, Kind: f.Kind,
		Q: likeEscape(f.Q), AfterName: afterName, AfterID: afterID, RowLimit: rowLimit})
	if err != nil {
		return nil, "", mapError(err)
	}
	next := ""
	if limit > 0 {
		rows, next = pageAfter(rows, limit, func(r sqlc.MeetingsDelegatesRow) string { return encodeNameCursor(r.Name, r.ID) })
	}
	out := make([]ConventionDelegate, len(rows))
	for i, r := range rows {
		d := ConventionDelegate{ID: r.ID.String(), OrganisationID: r.OrganisationID.String(), Name: r.Name, Email: r.Email,
			JobTitle: r.JobTitle, Lang: domain.Language(r.Lang), ProfileLang: domain.Language(r.ProfileLang), Offers: r.Offers,
			Needs: r.Needs, Sectors: r.Sectors, OrganisationName: r.OrganisationName,
			OrganisationKind: domain.OrganisationKind(r.OrganisationKind), Country: r.Country}
		if r.UserID != nil {
			d.UserID = r.UserID.String()
		}
		out[i] = d
	}
	return out, next, nil
}

// likeEscape escapes the wildcards of a LIKE pattern's text.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.TrimSpace(s))
}

// encodeNameCursor: base64url of "id|name" (names may hold "|").
func encodeNameCursor(name string, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(id.String() + "|" + name))
}

func decodeNameCursor(s string) (string, uuid.UUID, error) {
	if s == "" {
		return "", uuid.Nil, nil
	}
	bad := func() (string, uuid.UUID, error) {
		ve := &domain.ValidationError{}
		ve.Add("query.cursor", "invalid", "this cursor was not returned by this list: start again without it")
		return "", uuid.Nil, ve
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	id, name, ok := strings.Cut(string(raw), "|")
	if !ok {
		return bad()
	}
	uid, err := uuid.Parse(id)
	if err != nil || !storableText(name) {
		return bad()
	}
	return name, uid, nil
}

// DelegateAvailability returns the availability windows of an event's
// delegates, by delegate (a delegate without any is available throughout).
func (s *Store) DelegateAvailability(ctx context.Context, eventID string) (map[string][]TimeWindow, error) {
	return delegateAvailability(ctx, s.q, eventID)
}

// DelegateAvailability is Store.DelegateAvailability in t.
func (t *Tx) DelegateAvailability(ctx context.Context, eventID string) (map[string][]TimeWindow, error) {
	return delegateAvailability(ctx, t.q, eventID)
}

func delegateAvailability(ctx context.Context, q *sqlc.Queries, eventID string) (map[string][]TimeWindow, error) {
	eid, err := uuid.Parse(eventID)
	if err != nil {
		return map[string][]TimeWindow{}, nil
	}
	rows, err := q.MeetingsAvailability(ctx, eid)
	if err != nil {
		return nil, mapError(err)
	}
	out := map[string][]TimeWindow{}
	for _, r := range rows {
		id := r.DelegateID.String()
		out[id] = append(out[id], TimeWindow{Start: r.StartsAt, End: r.EndsAt})
	}
	return out, nil
}

// MarketProfile is what an organisation offers and needs on the
// marketplace: its published offers' sectors and CPV codes, and the CPV
// codes of its published tenders' lots.
type MarketProfile struct {
	OfferSectors, OfferCPV, TenderCPV []string
}

// MarketProfiles returns the marketplace profile of each organisation.
func (s *Store) MarketProfiles(ctx context.Context, orgIDs []string) (map[string]MarketProfile, error) {
	ids, err := rowIDs(orgIDs...)
	if err != nil {
		return nil, err
	}
	offers, err := s.q.MeetingsOfferProfiles(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	lots, err := s.q.MeetingsOpenTenderLots(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]MarketProfile, len(orgIDs))
	for _, o := range offers {
		p := out[o.OrganisationID.String()]
		p.OfferSectors = append(p.OfferSectors, o.Sectors...)
		p.OfferCPV = append(p.OfferCPV, o.CpvCodes...)
		out[o.OrganisationID.String()] = p
	}
	for _, l := range lots {
		p := out[l.OrganisationID.String()]
		p.TenderCPV = append(p.TenderCPV, l.Cpv...)
		out[l.OrganisationID.String()] = p
	}
	return out, nil
}
