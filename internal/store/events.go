package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store/sqlc"
)

// SaveEvent writes an event's fields, sessions (with their breaks) and
// participation types: it creates the event when create is set, else
// updates it. Sessions are replaced when replaceSessions is set (their
// names are updated otherwise); types with an id among the event's are
// updated, others inserted, and the event's types left out are deleted.
// Ids left empty are set; the event is returned as stored.
func (t *Tx) SaveEvent(ctx context.Context, e event.Event, create, replaceSessions bool, createdBy string, now time.Time) (event.Event, error) {
	if e.ID == "" {
		e.ID = NewID()
	}
	id, err := parseID("id", e.ID)
	if err != nil {
		return event.Event{}, err
	}
	if create {
		by, err := optionalID("created_by", createdBy)
		if err != nil {
			return event.Event{}, err
		}
		err = t.q.CreateEvent(ctx, sqlc.CreateEventParams{ID: id, Name: e.Name, Lang: e.Lang, Description: e.Description,
			Venue: e.Venue, Address: e.Address, TimeZone: e.TimeZone, Tables: int32(e.Tables), Languages: e.Languages,
			RegistrationDeadline: e.RegistrationDeadline, CancellationCutoff: e.CancellationCutoff,
			RequestExpiryDays: int32(e.RequestExpiryDays), CreatedBy: by, Now: now})
		if err != nil {
			return event.Event{}, mapError(err)
		}
	} else {
		err = t.q.UpdateEvent(ctx, sqlc.UpdateEventParams{ID: id, Name: e.Name, Lang: e.Lang, Description: e.Description,
			Venue: e.Venue, Address: e.Address, TimeZone: e.TimeZone, Tables: int32(e.Tables), Languages: e.Languages,
			RegistrationDeadline: e.RegistrationDeadline, CancellationCutoff: e.CancellationCutoff,
			RequestExpiryDays: int32(e.RequestExpiryDays), Now: now})
		if err != nil {
			return event.Event{}, mapError(err)
		}
	}
	if create || replaceSessions {
		if err := t.q.DeleteEventSessions(ctx, id); err != nil {
			return event.Event{}, mapError(err)
		}
		for _, s := range e.Sessions {
			sid := uuid.Must(uuid.NewV7())
			if err := t.q.InsertEventSession(ctx, sqlc.InsertEventSessionParams{ID: sid, EventID: id, Name: s.Name,
				StartsAt: s.Start, EndsAt: s.End, MeetingMinutes: int32(s.MeetingMinutes)}); err != nil {
				return event.Event{}, mapError(err)
			}
			for _, b := range s.Breaks {
				if err := t.q.InsertEventBreak(ctx, sqlc.InsertEventBreakParams{ID: uuid.Must(uuid.NewV7()), SessionID: sid,
					StartsAt: b.Start, EndsAt: b.End}); err != nil {
					return event.Event{}, mapError(err)
				}
			}
		}
	} else {
		for _, s := range e.Sessions {
			sid, err := uuid.Parse(s.ID)
			if err != nil {
				continue
			}
			if err := t.q.UpdateEventSessionName(ctx, sqlc.UpdateEventSessionNameParams{ID: sid, Name: s.Name}); err != nil {
				return event.Event{}, mapError(err)
			}
		}
	}
	existing, err := t.q.ListParticipationTypes(ctx, []uuid.UUID{id})
	if err != nil {
		return event.Event{}, mapError(err)
	}
	kept := map[uuid.UUID]bool{}
	for i, pt := range e.Types {
		names, err := json.Marshal(pt.Names)
		if err != nil {
			return event.Event{}, err
		}
		tid, perr := uuid.Parse(pt.ID)
		known := false
		for _, x := range existing {
			known = known || perr == nil && x.ID == tid
		}
		if known {
			kept[tid] = true
			err = t.q.UpdateParticipationType(ctx, sqlc.UpdateParticipationTypeParams{ID: tid, Position: int32(i), Names: names,
				ForKind: string(pt.ForKind), FeeCents: pt.FeeCents, Currency: pt.Currency, MaxDelegates: int32(pt.MaxDelegates)})
		} else {
			err = t.q.InsertParticipationType(ctx, sqlc.InsertParticipationTypeParams{ID: uuid.Must(uuid.NewV7()), EventID: id,
				Position: int32(i), Names: names, ForKind: string(pt.ForKind), FeeCents: pt.FeeCents, Currency: pt.Currency,
				MaxDelegates: int32(pt.MaxDelegates)})
		}
		if err != nil {
			return event.Event{}, mapError(err)
		}
	}
	for _, x := range existing {
		if !kept[x.ID] {
			if err := t.q.DeleteParticipationType(ctx, x.ID); err != nil {
				return event.Event{}, mapError(err)
			}
		}
	}
	return t.GetEvent(ctx, e.ID)
}

// LockEvent locks an event's row for the rest of the transaction (every
// change of an event or of a registration at it takes this lock first)
// and returns the event, or domain.ErrNotFound.
func (t *Tx) LockEvent(ctx context.Context, id string) (event.Event, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return event.Event{}, domain.ErrNotFound
	}
	if _, err := t.q.LockEvent(ctx, uid); err != nil {
		return event.Event{}, mapError(err)
	}
	return t.GetEvent(ctx, id)
}

// GetEvent reads an event with its sessions, types and count of confirmed
// registrations, in the transaction.
func (t *Tx) GetEvent(ctx context.Context, id string) (event.Event, error) {
	return getEvent(ctx, t.q, id)
}

// GetEvent reads an event with its sessions, types and count of confirmed
// registrations, or returns domain.ErrNotFound.
func (s *Store) GetEvent(ctx context.Context, id string) (event.Event, error) {
	return getEvent(ctx, s.q, id)
}

func getEvent(ctx context.Context, q *sqlc.Queries, id string) (event.Event, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return event.Event{}, domain.ErrNotFound
	}
	evs, err := loadEvents(ctx, q, []uuid.UUID{uid})
	if err != nil {
		return event.Event{}, err
	}
	if len(evs) == 0 {
		return event.Event{}, domain.ErrNotFound
	}
	return evs[0], nil
}

// SetEventState moves an event to state (published sets published_at).
func (t *Tx) SetEventState(ctx context.Context, id string, state event.State, now time.Time) error {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.ErrNotFound
	}
	return mapError(t.q.SetEventState(ctx, sqlc.SetEventStateParams{ID: uid, State: string(state), Now: now}))
}

// EventHasMeetings reports whether any meeting of the event is scheduled.
func (t *Tx) EventHasMeetings(ctx context.Context, id string) (bool, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return false, domain.ErrNotFound
	}
	n, err := t.q.CountEventMeetings(ctx, uid)
	return n > 0, mapError(err)
}

// EventHighestMeetingTable returns the highest table number a meeting of
// the event uses (0 without meetings).
func (t *Tx) EventHighestMeetingTable(ctx context.Context, id string) (int, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return 0, domain.ErrNotFound
	}
	n, err := t.q.EventHighestMeetingTable(ctx, uid)
	return int(n), mapError(err)
}

// UsedParticipationTypes returns the ids of the event's types that a
// registration (of any state) uses.
func (t *Tx) UsedParticipationTypes(ctx context.Context, eventID string) (map[string]bool, error) {
	uid, err := uuid.Parse(eventID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	ids, err := t.q.UsedParticipationTypes(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id.String()] = true
	}
	return out, nil
}

// ListEvents returns a page of events in states: those not yet ended at now
// first, soonest first, then past ones, latest first.
func (s *Store) ListEvents(ctx context.Context, states []event.State, now time.Time, cursor string, limit int32) ([]event.Event, string, error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	st := make([]string, len(states))
	for i, x := range states {
		st[i] = string(x)
	}
	if after.at.IsZero() && after.id == uuid.Nil {
		after.at = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rows, err := s.q.ListEventIDs(ctx, sqlc.ListEventIDsParams{Now: now, States: st, AfterAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next := pageAfter(rows, limit, func(r sqlc.ListEventIDsRow) string { return encodeCursor(r.SortAt, r.ID) })
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	evs, err := loadEvents(ctx, s.q, ids)
	return evs, next, err
}

// loadEvents reads the events with ids, in that order, with their
// sessions, breaks, types and confirmed registrations.
func loadEvents(ctx context.Context, q *sqlc.Queries, ids []uuid.UUID) ([]event.Event, error) {
	if len(ids) == 0 {
		return []event.Event{}, nil
	}
	rows, err := q.ListEventsByIDs(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	sessions, err := q.ListEventSessions(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	breaks, err := q.ListEventBreaks(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	types, err := q.ListParticipationTypes(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	counts, err := q.CountConfirmedRegistrations(ctx, ids)
	if err != nil {
		return nil, mapError(err)
	}
	byID := make(map[uuid.UUID]*event.Event, len(rows))
	for _, r := range rows {
		byID[r.ID] = &event.Event{ID: r.ID.String(), State: event.State(r.State), Name: r.Name, Lang: r.Lang,
			Description: r.Description, Venue: r.Venue, Address: r.Address, TimeZone: r.TimeZone, Tables: int(r.Tables),
			Languages: r.Languages, RegistrationDeadline: r.RegistrationDeadline, CancellationCutoff: r.CancellationCutoff,
			RequestExpiryDays: int(r.RequestExpiryDays), AgendaState: event.AgendaState(r.AgendaState),
			AgendaVersion: int(r.AgendaVersion), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, PublishedAt: r.PublishedAt,
			Sessions: []event.Session{}, Types: []event.ParticipationType{}}
	}
	breaksOf := map[uuid.UUID][]event.Break{}
	for _, b := range breaks {
		breaksOf[b.SessionID] = append(breaksOf[b.SessionID], event.Break{Start: b.StartsAt, End: b.EndsAt})
	}
	for _, s := range sessions {
		if e := byID[s.EventID]; e != nil {
			bs := breaksOf[s.ID]
			if bs == nil {
				bs = []event.Break{}
			}
			e.Sessions = append(e.Sessions, event.Session{ID: s.ID.String(), Name: s.Name, Start: s.StartsAt, End: s.EndsAt,
				MeetingMinutes: int(s.MeetingMinutes), Breaks: bs})
		}
	}
	for _, pt := range types {
		if e := byID[pt.EventID]; e != nil {
			names := map[string]string{}
			_ = json.Unmarshal(pt.Names, &names)
			e.Types = append(e.Types, event.ParticipationType{ID: pt.ID.String(), Names: names, ForKind: event.ForKind(pt.ForKind),
				FeeCents: pt.FeeCents, Currency: pt.Currency, MaxDelegates: int(pt.MaxDelegates)})
		}
	}
	for _, c := range counts {
		if e := byID[c.EventID]; e != nil {
			e.RegisteredOrganisations = int(c.N)
		}
	}
	out := make([]event.Event, 0, len(ids))
	for _, id := range ids {
		if e := byID[id]; e != nil {
			out = append(out, *e)
		}
	}
	return out, nil
}
