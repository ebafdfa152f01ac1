package schedule

import (
	"cmp"
	"slices"
)

// The search's bounds. They are counts, not durations, so that a run never
// depends on the machine's speed: the same instance gives the same schedule.
const (
	// chainDepth is how many levels of meetings an ejection chain re-seats.
	chainDepth = 4
	// chainBudget bounds the nodes one ejection chain explores.
	chainBudget = 300
	// tableBranching is how many meetings of a full slot a chain tries to
	// move to free one of its tables.
	tableBranching = 3
	// swapBudget bounds the nodes of re-seating the meetings a swap ejects.
	swapBudget = 60
	// chainWork bounds the nodes of all the chains and swaps together, so
	// that the time grows no faster than the instance.
	chainWork = 500_000
	// maxRounds bounds the rounds of chains and swaps over the left-out requests.
	maxRounds = 8
	// maxGapPasses bounds the passes that move meetings to close idle gaps.
	maxGapPasses = 10
)

// Solve schedules inst: it maximises the total weight of the meetings
// (must-meet 3, mutual wish 2, wish 1), then reduces the idle gaps in each
// delegate's afternoon. Confirmed meetings keep their slot and table and
// locked requests their slot; every request left out gets a reason.
//
// The method: confirmed and locked meetings first; then a greedy pass by
// weight (the most constrained first among equals), each meeting in the
// free slot that best extends its delegates' contiguous meetings; then
// rounds over the left-out requests of ejection chains (re-seat meetings,
// depth-first and bounded, to free a slot) and swaps (seat a request by
// ejecting lighter meetings that cannot be re-seated); finally single
// moves that close gaps. inst must pass Check.
func Solve(inst Instance) Schedule {
	p := newProblem(inst)
	st := newState(p)
	reasons := make([]Reason, p.nR)
	requestIndex := make(map[string]int, p.nR)
	for i, r := range inst.Requests {
		requestIndex[r.ID] = i
	}
	slotIndex := make(map[int]int, p.nS)
	for k, id := range p.slotID {
		slotIndex[id] = k
	}

	// Confirmed meetings, then locks: kept as they are, or left out when
	// impossible.
	table := make([]int, p.nR)
	for i := range table {
		table[i] = -1
	}
	tableTaken := make(map[[2]int]bool)
	for _, c := range inst.Confirmed {
		r, s := requestIndex[c.Request], slotIndex[c.Slot]
		switch {
		case p.sameOrg[r]:
			reasons[r] = ReasonSameOrganisation
		case !p.avail[p.a[r]*p.nS+s] || !p.avail[p.b[r]*p.nS+s] || (p.lock[r] >= 0 && p.lock[r] != s):
			reasons[r] = ReasonLockUnavailable
		case !st.free(r, s) || tableTaken[[2]int{s, c.Table}]:
			reasons[r] = ReasonLockConflict
		default:
			st.assign(r, s)
			st.fixed[r] = true
			table[r] = c.Table
			tableTaken[[2]int{s, c.Table}] = true
		}
	}
	order := make([]int, 0, p.nR)
	for r := range p.nR {
		if st.slotOf[r] < 0 && reasons[r] == "" {
			order = append(order, r)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if c := cmp.Compare(p.w[y], p.w[x]); c != 0 {
			return c
		}
		return cmp.Compare(len(p.common[x]), len(p.common[y]))
	})
	for _, r := range order {
		s := p.lock[r]
		switch {
		case s < 0:
		case p.sameOrg[r]:
			reasons[r] = ReasonSameOrganisation
		case !p.avail[p.a[r]*p.nS+s] || !p.avail[p.b[r]*p.nS+s]:
			reasons[r] = ReasonLockUnavailable
		case !st.free(r, s):
			reasons[r] = ReasonLockConflict
		default:
			st.assign(r, s)
			st.fixed[r] = true
		}
	}

	// Greedy by weight.
	var pending []int
	for _, r := range order {
		switch {
		case st.slotOf[r] >= 0 || reasons[r] != "":
		case p.sameOrg[r]:
			reasons[r] = ReasonSameOrganisation
		case len(p.common[r]) == 0:
			reasons[r] = ReasonNoCommonSlot
		default:
			if s := st.bestFree(r); s >= 0 {
				st.assign(r, s)
			} else {
				pending = append(pending, r)
			}
		}
	}
	st.undo = st.undo[:0]

	// Rounds of ejection chains and swaps over the left-out requests,
	// heaviest first, until a round changes nothing.
	for round := 0; round < maxRounds && len(pending) > 0; round++ {
		changed := false
		var next []int
		for i, r := range pending {
			if st.slotOf[r] >= 0 {
				continue
			}
			if st.spent >= chainWork {
				next = append(next, pending[i:]...)
				break
			}
			st.attempt++
			st.budget = chainBudget
			placed := st.count < st.tables*st.nS && st.place(r, chainDepth)
			st.spent += chainBudget - st.budget
			if placed {
				changed = true
			} else if dropped, ok := st.swap(r); ok {
				changed = true
				next = append(next, dropped...)
			} else {
				next = append(next, r)
			}
			st.undo = st.undo[:0]
		}
		pending = next
		slices.SortStableFunc(pending, func(x, y int) int {
			if c := cmp.Compare(p.w[y], p.w[x]); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		if !changed || st.spent >= chainWork {
			break
		}
	}

	st.tabuRestarts(pending)
	st.closeGaps()

	// Why each request left out is out.
	for r := range p.nR {
		if st.slotOf[r] >= 0 || reasons[r] != "" {
			continue
		}
		reasons[r] = ReasonDelegateFullyBooked
		for _, s := range p.common[r] {
			if st.busy[p.a[r]*p.nS+s] < 0 && st.busy[p.b[r]*p.nS+s] < 0 {
				reasons[r] = ReasonNoTableLeft
				break
			}
		}
	}
	return st.schedule(inst, table, tableTaken, reasons)
}

// swap seats r by ejecting the meetings in its way and re-seating those it
// can; it keeps the best slot's outcome when it gains weight, and returns
// the meetings that lost their seat.
func (st *state) swap(r int) (dropped []int, ok bool) {
	bestGain, bestSlot := 0, -1
	for _, s := range st.common[r] {
		if gain, _, tried := st.trySwap(r, s); tried {
			if gain > bestGain {
				bestGain, bestSlot = gain, s
			}
			st.rollback(0)
		}
	}
	if bestSlot < 0 {
		return nil, false
	}
	gain, dropped, _ := st.trySwap(r, bestSlot)
	if gain <= 0 {
		st.rollback(0)
		return nil, false
	}
	return dropped, true
}

// trySwap ejects the meetings in r's way at s, seats r, and re-seats what
// it can; it reports the weight gained. The caller keeps or rolls back.
func (st *state) trySwap(r, s int) (gain int, dropped []int, tried bool) {
	st.attempt++
	bs, n, ok := st.blockers(r, s, 0)
	if !ok {
		return 0, nil, false
	}
	if n == 1 && st.busy[st.a[r]*st.nS+s] != bs[0] && st.busy[st.b[r]*st.nS+s] != bs[0] {
		// A full slot: eject its lightest movable meeting.
		for _, o := range st.members[s] {
			if !st.fixed[o] && st.w[o] < st.w[bs[0]] {
				bs[0] = o
			}
		}
	}
	lost := 0
	for _, o := range bs[:n] {
		lost += st.w[o]
	}
	if lost >= st.w[r] {
		return 0, nil, false
	}
	for _, o := range bs[:n] {
		st.unassign(o)
	}
	st.assign(r, s)
	st.stamp[r] = st.attempt
	gain = st.w[r]
	for _, o := range bs[:n] {
		st.budget = swapBudget
		placed := st.place(o, chainDepth-1)
		st.spent += swapBudget - st.budget + 1
		if !placed {
			gain -= st.w[o]
			dropped = append(dropped, o)
		}
	}
	return gain, dropped, true
}

// gaps counts a delegate's idle available slots between their first and
// last meetings.
func (st *state) gaps(d int) int {
	first, last, idle := -1, -1, 0
	for s := 0; s < st.nS; s++ {
		if st.busy[d*st.nS+s] >= 0 {
			if first < 0 {
				first = s
			}
			last = s
		}
	}
	if first < 0 {
		return 0
	}
	for s := first; s <= last; s++ {
		if st.avail[d*st.nS+s] && st.busy[d*st.nS+s] < 0 {
			idle++
		}
	}
	return idle
}

// closeGaps moves single meetings to free slots where their two delegates
// have fewer idle gaps in all, pass after pass until none helps.
func (st *state) closeGaps() {
	for pass := 0; pass < maxGapPasses; pass++ {
		improved := false
		for r := range st.nR {
			from := st.slotOf[r]
			if from < 0 || st.fixed[r] {
				continue
			}
			a, b := st.a[r], st.b[r]
			before := st.gaps(a) + st.gaps(b)
			if before == 0 {
				continue
			}
			best, bestGaps := -1, before
			st.removeFromSlot(r, from)
			for _, s := range st.common[r] {
				if s == from || !st.free(r, s) {
					continue
				}
				st.assign(r, s)
				if g := st.gaps(a) + st.gaps(b); g < bestGaps {
					best, bestGaps = s, g
				}
				st.removeFromSlot(r, s)
			}
			if best < 0 {
				best = from
			} else {
				improved = true
			}
			st.assign(r, best)
		}
		st.undo = st.undo[:0]
		if !improved {
			return
		}
	}
}

// schedule numbers the tables (confirmed meetings keep theirs, the others
// take the lowest free one, by request order) and lists the left out.
func (st *state) schedule(inst Instance, table []int, taken map[[2]int]bool, reasons []Reason) Schedule {
	out := Schedule{Meetings: make([]Meeting, 0, st.nR)}
	for s := 0; s < st.nS; s++ {
		members := slices.Clone(st.members[s])
		slices.Sort(members)
		next := 0
		for _, r := range members {
			if table[r] < 0 {
				for taken[[2]int{s, next}] {
					next++
				}
				table[r] = next
				next++
			}
		}
	}
	for r := range st.nR {
		if s := st.slotOf[r]; s >= 0 {
			out.Meetings = append(out.Meetings, Meeting{Request: inst.Requests[r].ID, Slot: st.slotID[s], Table: table[r]})
		} else {
			out.LeftOut = append(out.LeftOut, LeftOut{Request: inst.Requests[r].ID, Reason: reasons[r]})
		}
	}
	return out
}
