package core

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/schedule"
	"passerelle/internal/store"
)

// ReasonExcluded is why a run leaves out an accepted request between two
// organisations one of which excluded the other (not a schedule.Reason:
// such requests never reach the scheduler).
const ReasonExcluded = "excluded"

// LeftOutView is an accepted request a run left out, and why.
type LeftOutView struct {
	RequestID string
	Reason    string
	Text      domain.Msg
}

// ScheduleResult is a scheduler run with the requests it left out.
type ScheduleResult struct {
	Run     domain.ScheduleRun
	LeftOut []LeftOutView
}

var reasonTexts = map[string]domain.Msg{
	string(schedule.ReasonSameOrganisation): {EN: "both delegates belong to the same organisation",
		FR: "les deux délégués appartiennent à la même organisation", DE: "beide Delegierten gehören zur selben Organisation",
		NL: "beide afgevaardigden horen bij dezelfde organisatie"},
	string(schedule.ReasonNoCommonSlot): {EN: "the two delegates are never available at the same time",
		FR: "les deux délégués ne sont jamais disponibles en même temps", DE: "die beiden Delegierten sind nie gleichzeitig verfügbar",
		NL: "de twee afgevaardigden zijn nooit tegelijk beschikbaar"},
	string(schedule.ReasonLockUnavailable): {EN: "the locked slot is not one where both delegates are available",
		FR: "le créneau verrouillé n'est pas un créneau où les deux délégués sont disponibles",
		DE: "im gesperrten Zeitfenster sind nicht beide Delegierten verfügbar",
		NL: "het vastgezette tijdslot is geen tijdslot waarin beide afgevaardigden beschikbaar zijn"},
	string(schedule.ReasonLockConflict): {EN: "the locked slot is taken by another locked or confirmed meeting",
		FR: "le créneau verrouillé est pris par un autre rendez-vous verrouillé ou confirmé",
		DE: "das gesperrte Zeitfenster ist durch einen anderen gesperrten oder bestätigten Termin belegt",
		NL: "het vastgezette tijdslot is bezet door een andere vastgezette of bevestigde afspraak"},
	string(schedule.ReasonDelegateFullyBooked): {EN: "in every common slot one of the delegates already has a meeting that weighs as much",
		FR: "à chaque créneau commun, l'un des délégués a déjà un rendez-vous d'au moins même importance",
		DE: "in jedem gemeinsamen Zeitfenster hat einer der Delegierten bereits einen mindestens gleich wichtigen Termin",
		NL: "in elk gemeenschappelijk tijdslot heeft een van de afgevaardigden al een minstens even belangrijke afspraak"},
	string(schedule.ReasonNoTableLeft): {EN: "every table is taken in the slots where both delegates are free",
		FR: "toutes les tables sont prises aux créneaux où les deux délégués sont libres",
		DE: "in den Zeitfenstern, in denen beide frei sind, sind alle Tische belegt",
		NL: "alle tafels zijn bezet in de tijdslots waarin beide afgevaardigden vrij zijn"},
	ReasonExcluded: {EN: "one of the two organisations excluded meeting the other",
		FR: "l'une des deux organisations a exclu de rencontrer l'autre",
		DE: "eine der beiden Organisationen hat ein Treffen mit der anderen ausgeschlossen",
		NL: "een van beide organisaties heeft een ontmoeting met de andere uitgesloten"},
}

// UnscheduledReasonText is a left-out reason in every language.
func UnscheduledReasonText(reason string) domain.Msg {
	if m, ok := reasonTexts[reason]; ok {
		return m
	}
	return domain.Msg{EN: reason}
}

// scheduleInput is an event read for one run of the scheduler.
type scheduleInput struct {
	inst      schedule.Instance
	slots     []event.Slot
	excluded  []string                  // requests left out before solving
	existing  map[string]domain.Meeting // by request id
	wantTable map[string]int            // locked requests → their table (0-based)
	requests  int
}

// availableSlots returns the indices of the slots that lie inside one of
// windows (every slot when there are none).
func availableSlots(slots []event.Slot, windows []store.TimeWindow) []int {
	out := make([]int, 0, len(slots))
	for i, s := range slots {
		if len(windows) == 0 || slices.ContainsFunc(windows, func(w store.TimeWindow) bool {
			return !s.Start.Before(w.Start) && !s.End.After(w.End)
		}) {
			out = append(out, i)
		}
	}
	return out
}

// slotAt returns the index of the slot starting at t, or -1.
func slotAt(slots []event.Slot, t time.Time) int {
	return slices.IndexFunc(slots, func(s event.Slot) bool { return s.Start.Equal(t) })
}

// readSchedule builds, in tx, the schedule.Instance of an event: its
// slots (ids are indices in time order), tables, the delegates of
// confirmed registrations with the slots inside their availability, the
// accepted requests between them with their weights (those between
// excluded organisations left out), locked meetings as locked slots and
// confirmed ones as confirmed meetings.
func readSchedule(ctx context.Context, tx *store.Tx, ev store.ConventionEvent) (scheduleInput, error) {
	in := scheduleInput{existing: map[string]domain.Meeting{}, wantTable: map[string]int{}}
	sessions, err := tx.ConventionSessions(ctx, ev.ID)
	if err != nil {
		return in, err
	}
	in.slots = eventSlots(sessions)
	in.inst = schedule.Instance{Name: ev.Name, Tables: ev.Tables, Slots: make([]schedule.Slot, len(in.slots))}
	for i, s := range in.slots {
		in.inst.Slots[i] = schedule.Slot{ID: i, Start: s.Start.UTC().Format(time.RFC3339)}
	}
	delegates, _, err := tx.ConventionDelegates(ctx, ev.ID, store.DelegateFilter{}, "", 0)
	if err != nil {
		return in, err
	}
	windows, err := tx.DelegateAvailability(ctx, ev.ID)
	if err != nil {
		return in, err
	}
	known := map[string]bool{}
	for _, d := range delegates {
		in.inst.Delegates = append(in.inst.Delegates, schedule.Delegate{ID: d.ID, Org: d.OrganisationID,
			Available: availableSlots(in.slots, windows[d.ID])})
		known[d.ID] = true
	}
	accepted, err := tx.AcceptedRequests(ctx, ev.ID)
	if err != nil {
		return in, err
	}
	pairs, err := tx.ExcludedPairs(ctx, ev.ID)
	if err != nil {
		return in, err
	}
	meetings, err := tx.EventMeetings(ctx, ev.ID)
	if err != nil {
		return in, err
	}
	for _, m := range meetings {
		in.existing[m.RequestID] = m
	}
	in.requests = len(accepted)
	for _, r := range accepted {
		if !known[r.FromDelegateID] || !known[r.ToDelegateID] {
			continue
		}
		if _, ok := pairs[[2]string{r.FromOrganisationID, r.ToOrganisationID}]; ok {
			in.excluded = append(in.excluded, r.ID)
			continue
		}
		req := schedule.Request{ID: r.ID, A: r.FromDelegateID, B: r.ToDelegateID, Weight: r.Weight}
		if m, ok := in.existing[r.ID]; ok && (m.Locked || m.Confirmed) {
			slot := slotAt(in.slots, m.Start)
			switch {
			case slot < 0 || m.Table > ev.Tables:
				// Its slot or table no longer exists: scheduled anew.
			case m.Confirmed:
				in.inst.Confirmed = append(in.inst.Confirmed, schedule.Meeting{Request: r.ID, Slot: slot, Table: m.Table - 1})
				if m.Locked {
					req.LockedSlot = &slot
				}
			default:
				req.LockedSlot = &slot
				in.wantTable[r.ID] = m.Table - 1
			}
		}
		in.inst.Requests = append(in.inst.Requests, req)
	}
	return in, nil
}

// keepLockedTables gives each locked meeting the table it had, swapping
// with the meeting the solver put there (tables are interchangeable within
// a slot, except those of confirmed meetings, which are never swapped).
func keepLockedTables(sched *schedule.Schedule, in scheduleInput) {
	confirmed := map[string]bool{}
	for _, m := range in.inst.Confirmed {
		confirmed[m.Request] = true
	}
	at := map[[2]int]int{} // (slot, table) → index in sched.Meetings
	for i, m := range sched.Meetings {
		at[[2]int{m.Slot, m.Table}] = i
	}
	for i := range sched.Meetings {
		m := &sched.Meetings[i]
		want, ok := in.wantTable[m.Request]
		if !ok || want == m.Table || want >= in.inst.Tables {
			continue
		}
		j, taken := at[[2]int{m.Slot, want}]
		if w, locked := in.wantTable[sched.Meetings[j].Request]; taken && (confirmed[sched.Meetings[j].Request] || locked && w == want) {
			continue
		}
		old := m.Table
		delete(at, [2]int{m.Slot, old})
		if taken {
			sched.Meetings[j].Table = old
			at[[2]int{m.Slot, old}] = j
		}
		m.Table = want
		at[[2]int{m.Slot, want}] = i
	}
}

// withoutLeftOutLocks returns a copy of inst in which the requests the
// solver left out are neither locked nor confirmed: a lock or a confirmed
// meeting that became impossible (a delegate narrowed their availability,
// the slot is taken by another lock) is dropped with its reason instead
// of failing the whole run; every placed request is still checked
// against its lock and confirmed slot and table.
func withoutLeftOutLocks(inst schedule.Instance, sched schedule.Schedule) schedule.Instance {
	if len(sched.LeftOut) == 0 {
		return inst
	}
	out := map[string]bool{}
	for _, l := range sched.LeftOut {
		out[l.Request] = true
	}
	cp := inst
	cp.Requests = slices.Clone(inst.Requests)
	for i := range cp.Requests {
		if out[cp.Requests[i].ID] {
			cp.Requests[i].LockedSlot = nil
		}
	}
	cp.Confirmed = slices.DeleteFunc(slices.Clone(inst.Confirmed), func(m schedule.Meeting) bool { return out[m.Request] })
	return cp
}

// RunSchedule schedules an event's accepted requests (organisers): it
// builds the instance (readSchedule), solves it, validates the answer
// (an invalid schedule is never stored), and replaces, in one
// transaction, the meetings that are neither locked nor confirmed; locked
// meetings keep their slot and table, confirmed ones are kept as they
// are. Every accepted request left out gets its reason, and the run is
// recorded with the weight and its upper bound.
func (s *Meetings) RunSchedule(ctx context.Context, actor Actor, p domain.Principal, eventID string) (ScheduleResult, error) {
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return ScheduleResult{}, err
	}
	started := s.now()
	clock := time.Now()
	var out ScheduleResult
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		ev, err := tx.LockConventionEvent(ctx, a.event.ID)
		if err != nil {
			return err
		}
		in, err := readSchedule(ctx, tx, ev)
		if err != nil {
			return err
		}
		if err := in.inst.Check(); err != nil {
			return fmt.Errorf("core: schedule of event %s: %w", ev.ID, err)
		}
		sched := schedule.Solve(in.inst)
		keepLockedTables(&sched, in)
		if err := schedule.Validate(withoutLeftOutLocks(in.inst, sched), sched); err != nil {
			return fmt.Errorf("core: the scheduler's answer for event %s is invalid, nothing stored: %w", ev.ID, err)
		}
		bound := schedule.UpperBound(in.inst)
		now := s.now()
		kept := 0
		if err := tx.DeleteReplaceableMeetings(ctx, ev.ID); err != nil {
			return err
		}
		placed := map[string]bool{}
		for _, m := range sched.Meetings {
			placed[m.Request] = true
		}
		// Kept meetings the solver could not keep (their slot is gone, a
		// delegate is no longer available, another locked or confirmed
		// meeting holds the slot) are impossible: removed first, so that
		// the tables they held are free for the meetings placed there.
		for rid, m := range in.existing {
			if (m.Locked || m.Confirmed) && !placed[rid] {
				if err := tx.DeleteMeeting(ctx, m.ID); err != nil {
					return err
				}
			}
		}
		for _, m := range sched.Meetings {
			slot := in.slots[m.Slot]
			old, had := in.existing[m.Request]
			if had && (old.Locked || old.Confirmed) {
				if old.Start.Equal(slot.Start) && old.Table == m.Table+1 {
					kept++
					continue
				}
				old.SessionID, old.Start, old.End, old.Table = slot.SessionID, slot.Start, slot.End, m.Table+1
				if _, err := tx.UpdateMeeting(ctx, old, now); err != nil {
					return err
				}
				kept++
				continue
			}
			if err := tx.InsertMeeting(ctx, domain.Meeting{EventID: ev.ID, RequestID: m.Request, SessionID: slot.SessionID,
				Start: slot.Start, End: slot.End, Table: m.Table + 1}, now); err != nil {
				return err
			}
		}
		if err := tx.ClearUnscheduledReasons(ctx, ev.ID); err != nil {
			return err
		}
		for _, rid := range in.excluded {
			if err := tx.SetUnscheduledReason(ctx, rid, ReasonExcluded); err != nil {
				return err
			}
			out.LeftOut = append(out.LeftOut, LeftOutView{RequestID: rid, Reason: ReasonExcluded, Text: UnscheduledReasonText(ReasonExcluded)})
		}
		for _, l := range sched.LeftOut {
			if err := tx.SetUnscheduledReason(ctx, l.Request, string(l.Reason)); err != nil {
				return err
			}
			out.LeftOut = append(out.LeftOut, LeftOutView{RequestID: l.Request, Reason: string(l.Reason), Text: UnscheduledReasonText(string(l.Reason))})
		}
		run, err := tx.InsertScheduleRun(ctx, domain.ScheduleRun{EventID: ev.ID, StartedAt: started,
			DurationMS: int(time.Since(clock).Milliseconds()), Requests: in.requests, Meetings: len(sched.Meetings),
			Weight: sched.Weight(in.inst), UpperBound: int(math.Floor(bound + 1e-9)), Kept: kept}, actor.UserID)
		if err != nil {
			return err
		}
		out.Run = run
		return writeAudit(ctx, tx, actor, "event.scheduled", "event", ev.ID, "", nil,
			map[string]any{"run_id": run.ID, "meetings": run.Meetings, "weight": run.Weight, "upper_bound": run.UpperBound, "kept": kept})
	})
	return out, err
}

// LastSchedule returns an event's last scheduler run with the requests
// it left out (organisers); domain.ErrNotFound before the first run.
func (s *Meetings) LastSchedule(ctx context.Context, p domain.Principal, eventID string) (ScheduleResult, error) {
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return ScheduleResult{}, err
	}
	run, err := s.st.LastScheduleRun(ctx, a.event.ID)
	if err != nil {
		return ScheduleResult{}, err
	}
	left, err := s.st.LeftOutRequests(ctx, a.event.ID)
	if err != nil {
		return ScheduleResult{}, err
	}
	out := ScheduleResult{Run: run, LeftOut: make([]LeftOutView, len(left))}
	for i, l := range left {
		out.LeftOut[i] = LeftOutView{RequestID: l.RequestID, Reason: l.Reason, Text: UnscheduledReasonText(l.Reason)}
	}
	return out, nil
}

// EventMeetings returns a page of an event's meetings by start then
// table (organisers), of one slot (start) or one delegate when set.
func (s *Meetings) EventMeetings(ctx context.Context, p domain.Principal, eventID string, start *time.Time, delegateID, cursor string,
	limit int) ([]store.MeetingView, string, error) {
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return nil, "", err
	}
	return s.st.MeetingViews(ctx, store.MeetingQuery{EventID: a.event.ID, Start: start, DelegateID: delegateID}, cursor, meetingsPageSize(limit))
}

// MeetingPatch changes a meeting: its lock, its slot (by start), its
// table (1-based); nil fields are left as they are.
type MeetingPatch struct {
	Locked *bool
	Start  *time.Time
	Table  *int
}

var (
	msgNoSuchSlot = domain.Msg{
		EN: "no meeting slot of this event starts at %s", FR: "aucun créneau de cet événement ne commence à %s",
		DE: "kein Zeitfenster dieser Veranstaltung beginnt um %s", NL: "geen tijdslot van dit evenement begint om %s",
	}
	msgNoSuchTable = domain.Msg{
		EN: "this event has tables 1 to %d", FR: "cet événement a les tables 1 à %d",
		DE: "diese Veranstaltung hat die Tische 1 bis %d", NL: "dit evenement heeft de tafels 1 tot en met %d",
	}
	msgTableTaken = domain.Msg{
		EN: "table %d is taken at that time", FR: "la table %d est prise à ce moment-là",
		DE: "Tisch %d ist zu dieser Zeit belegt", NL: "tafel %d is op dat moment bezet",
	}
	msgNoTableFree = domain.Msg{
		EN: "every table is taken at that time", FR: "toutes les tables sont prises à ce moment-là",
		DE: "zu dieser Zeit sind alle Tische belegt", NL: "op dat moment zijn alle tafels bezet",
	}
	msgDelegateBusy = domain.Msg{
		EN: "%s already has a meeting at that time", FR: "%s a déjà un rendez-vous à ce moment-là",
		DE: "%s hat zu dieser Zeit bereits einen Termin", NL: "%s heeft op dat moment al een afspraak",
	}
	msgDelegateUnavailable = domain.Msg{
		EN: "%s is not available at that time", FR: "%s n'est pas disponible à ce moment-là",
		DE: "%s ist zu dieser Zeit nicht verfügbar", NL: "%s is op dat moment niet beschikbaar",
	}
)

// PatchMeeting locks, unlocks or moves a meeting (organisers). A move is
// checked: a slot of the event starts then, both delegates are available
// then and have no other meeting, and the table is free (when only the
// slot changes, the meeting keeps its table if free, else takes the
// first free one); otherwise 409 with the reason.
func (s *Meetings) PatchMeeting(ctx context.Context, actor Actor, p domain.Principal, eventID, meetingID string, patch MeetingPatch) (
	store.MeetingView, error) {
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return store.MeetingView{}, err
	}
	var out store.MeetingView
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		ev, err := tx.LockConventionEvent(ctx, a.event.ID)
		if err != nil {
			return err
		}
		m, err := tx.LockMeeting(ctx, meetingID)
		if err != nil {
			return err
		}
		if m.EventID != ev.ID {
			return domain.ErrNotFound
		}
		before := map[string]any{"starts_at": m.Start, "table": m.Table, "locked": m.Locked}
		views, _, err := tx.MeetingViews(ctx, store.MeetingQuery{EventID: ev.ID, MeetingID: m.ID}, "", 0)
		if err != nil || len(views) != 1 {
			return notFoundUnless(err)
		}
		if patch.Start != nil || patch.Table != nil {
			if err := s.move(ctx, tx, ev, views[0], &m, patch); err != nil {
				return err
			}
		}
		if patch.Locked != nil {
			m.Locked = *patch.Locked
		}
		if _, err := tx.UpdateMeeting(ctx, m, s.now()); err != nil {
			return err
		}
		if err := writeAudit(ctx, tx, actor, "event_meeting.updated", "event_meeting", m.ID, "", before,
			map[string]any{"starts_at": m.Start, "table": m.Table, "locked": m.Locked}); err != nil {
			return err
		}
		views, _, err = tx.MeetingViews(ctx, store.MeetingQuery{EventID: ev.ID, MeetingID: m.ID}, "", 0)
		if err != nil || len(views) != 1 {
			return notFoundUnless(err)
		}
		out = views[0]
		return nil
	})
	return out, err
}

func notFoundUnless(err error) error {
	if err != nil {
		return err
	}
	return domain.ErrNotFound
}

// move applies patch's slot and table to m after checking them.
func (s *Meetings) move(ctx context.Context, tx *store.Tx, ev store.ConventionEvent, v store.MeetingView, m *domain.Meeting, patch MeetingPatch) error {
	sessions, err := tx.ConventionSessions(ctx, ev.ID)
	if err != nil {
		return err
	}
	slots := eventSlots(sessions)
	start := m.Start
	if patch.Start != nil {
		start = *patch.Start
	}
	i := slotAt(slots, start)
	if i < 0 {
		return msgNoSuchSlot.Wrap(domain.ErrConflict, start.UTC().Format(time.RFC3339))
	}
	slot := slots[i]
	if patch.Table != nil && (*patch.Table < 1 || *patch.Table > ev.Tables) {
		return msgNoSuchTable.Wrap(domain.ErrConflict, ev.Tables)
	}
	windows, err := tx.DelegateAvailability(ctx, ev.ID)
	if err != nil {
		return err
	}
	for _, party := range []store.MeetingParty{v.A, v.B} {
		if !slices.Contains(availableSlots(slots, windows[party.DelegateID]), i) {
			return msgDelegateUnavailable.Wrap(domain.ErrConflict, party.Name)
		}
	}
	others, _, err := tx.MeetingViews(ctx, store.MeetingQuery{EventID: ev.ID, Start: &slot.Start}, "", 0)
	if err != nil {
		return err
	}
	taken := map[int]bool{}
	for _, o := range others {
		if o.Meeting.ID == m.ID {
			continue
		}
		taken[o.Meeting.Table] = true
		for _, party := range []store.MeetingParty{v.A, v.B} {
			if o.A.DelegateID == party.DelegateID || o.B.DelegateID == party.DelegateID {
				return msgDelegateBusy.Wrap(domain.ErrConflict, party.Name)
			}
		}
	}
	table := m.Table
	switch {
	case patch.Table != nil:
		table = *patch.Table
		if taken[table] {
			return msgTableTaken.Wrap(domain.ErrConflict, table)
		}
	case taken[table] || table > ev.Tables:
		table = 0
		for t := 1; t <= ev.Tables; t++ {
			if !taken[t] {
				table = t
				break
			}
		}
		if table == 0 {
			return msgNoTableFree.Wrap(domain.ErrConflict)
		}
	}
	m.SessionID, m.Start, m.End, m.Table = slot.SessionID, slot.Start, slot.End, table
	return nil
}

// PlanSlot is one slot of the table plan with its meetings by table.
type PlanSlot struct {
	Start, End time.Time
	Rows       []store.MeetingView
}

// TablePlan returns the table plan of an event (organisers): every slot
// (or the one starting at start) with its meetings by table.
func (s *Meetings) TablePlan(ctx context.Context, p domain.Principal, eventID string, start *time.Time) ([]PlanSlot, error) {
	a, err := s.organiserAccess(ctx, p, eventID)
	if err != nil {
		return nil, err
	}
	views, _, err := s.st.MeetingViews(ctx, store.MeetingQuery{EventID: a.event.ID, Start: start}, "", 0)
	if err != nil {
		return nil, err
	}
	var out []PlanSlot
	for _, sl := range a.slots() {
		if start != nil && !sl.Start.Equal(*start) {
			continue
		}
		ps := PlanSlot{Start: sl.Start, End: sl.End, Rows: []store.MeetingView{}}
		for _, v := range views {
			if v.Meeting.Start.Equal(sl.Start) {
				ps.Rows = append(ps.Rows, v)
			}
		}
		out = append(out, ps)
	}
	if start != nil && len(out) == 0 {
		return nil, domain.ErrNotFound
	}
	return out, nil
}

var msgAvailabilityKept = domain.Msg{
	EN: "the delegate has a locked or confirmed meeting outside this availability (%s): ask the organisers to move it first",
	FR: "le délégué a un rendez-vous verrouillé ou confirmé en dehors de ces disponibilités (%s) : demandez d'abord aux organisateurs de le déplacer",
	DE: "der Delegierte hat einen gesperrten oder bestätigten Termin außerhalb dieser Verfügbarkeit (%s): bitten Sie zuerst die Veranstalter, ihn zu verschieben",
	NL: "de afgevaardigde heeft een vastgezette of bevestigde afspraak buiten deze beschikbaarheid (%s): vraag eerst de organisatoren om die te verplaatsen",
}

// checkKeptMeetings refuses (event.ErrLocked) an availability that puts a
// delegate outside one of their locked or confirmed meetings (no windows:
// available throughout).
func checkKeptMeetings(ctx context.Context, tx *store.Tx, delegateID string, availability []event.Window) error {
	if len(availability) == 0 {
		return nil
	}
	kept, err := tx.DelegateKeptMeetings(ctx, delegateID)
	if err != nil {
		return err
	}
	for _, m := range kept {
		if !slices.ContainsFunc(availability, func(w event.Window) bool { return !m.Start.Before(w.Start) && !m.End.After(w.End) }) {
			return msgAvailabilityKept.Wrap(event.ErrLocked, m.Start.UTC().Format("2006-01-02 15:04 UTC"))
		}
	}
	return nil
}

// withdrawFromMeetings, in the transaction cancelling an organisation's
// registration, deletes its meetings at the event and withdraws its
// pending and accepted requests, so that no agenda, directory answer or
// schedule run keeps them.
func withdrawFromMeetings(ctx context.Context, tx *store.Tx, actor Actor, eventID, orgID string, now time.Time) error {
	meetings, requests, err := tx.WithdrawOrganisationMeetings(ctx, eventID, orgID, now)
	if err != nil || meetings+requests == 0 {
		return err
	}
	return writeAudit(ctx, tx, actor, "event.meetings_withdrawn", "event", eventID, orgID, nil,
		map[string]any{"meetings_deleted": meetings, "requests_withdrawn": requests})
}
