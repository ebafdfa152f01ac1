package schedule

import (
	"math/rand/v2"
	"slices"
)

// The tabu search's bounds: counts, not durations, so that the search is
// reproducible (the generator's seed is fixed for the same reason).
const (
	// tabuMovesPerRequest moves per request of the instance…
	tabuMovesPerRequest = 1000
	// …and never more than tabuMaxWork divided by the number of slots (a
	// move looks at each slot the two delegates share).
	tabuMaxWork = 6_000_000
	// tabuRuns is how many searches start from the greedy schedule.
	tabuRuns = 2
	// tabuMaxLoss is the most weight one move may lose; the best schedule
	// seen is the one kept.
	tabuMaxLoss = 2
	// tabuLossOdds: one move in that many may lose weight.
	tabuLossOdds = 1000
)

// tabuSearch walks among schedules of equal or greater weight: a left-out
// request (the heavier of two drawn) takes the slot where the meetings in
// its way weigh least (at most tabuMaxLoss more than it); those meetings
// take a free slot if they have one, else are usually the next to move (an
// ejection chain). A request just seated cannot be ejected for a few moves
// (its tabu tenure), which keeps the walk from undoing itself. The best
// schedule seen is kept.
func (st *state) tabuSearch(pending []int, seed uint64, moves int) int {
	rng := rand.New(rand.NewPCG(0x5eed, seed))
	at := make([]int, st.nR) // request → index in pending, or -1
	for i := range at {
		at[i] = -1
	}
	pend := make([]int, 0, len(pending))
	add := func(r int) {
		at[r] = len(pend)
		pend = append(pend, r)
	}
	remove := func(r int) {
		i, last := at[r], pend[len(pend)-1]
		pend[i], at[last] = last, i
		pend = pend[:len(pend)-1]
		at[r] = -1
	}
	for _, r := range pending {
		if st.slotOf[r] < 0 && at[r] < 0 {
			add(r)
		}
	}
	tabu := make([]int, st.nR)
	weight, bestWeight := 0, 0
	for r := range st.nR {
		if st.slotOf[r] >= 0 {
			weight += st.w[r]
		}
	}
	bestWeight = weight
	best := slices.Clone(st.slotOf)
	chain := -1 // the last request ejected: the chain goes on with it
	for it := 1; it <= moves && len(pend) > 0; it++ {
		var r int
		if chain >= 0 && at[chain] >= 0 && rng.IntN(4) != 0 {
			r = chain
		} else {
			r = pend[rng.IntN(len(pend))]
			if o := pend[rng.IntN(len(pend))]; st.w[o] > st.w[r] {
				r = o
			}
		}
		chain = -1
		limit := 0
		if rng.IntN(tabuLossOdds) == 0 {
			limit = tabuMaxLoss
		}
		bestCost, bestSlot, ties := limit+1, -1, 0
		var out [2]int
		outN := 0
		for _, s := range st.common[r] {
			var bs [2]int
			n, ok := 0, true
			for _, d := range [2]int{st.a[r], st.b[r]} {
				if o := st.busy[d*st.nS+s]; o >= 0 && (n == 0 || bs[0] != o) {
					if st.fixed[o] || tabu[o] > it {
						ok = false
						break
					}
					bs[n] = o
					n++
				}
			}
			if !ok {
				continue
			}
			if n == 0 && len(st.members[s]) >= st.tables {
				// A full slot: the lightest of a few of its meetings drawn.
				m := st.members[s]
				for k := 0; k < 4; k++ {
					o := m[rng.IntN(len(m))]
					if !st.fixed[o] && tabu[o] <= it && (n == 0 || st.w[o] < st.w[bs[0]]) {
						bs[0], n = o, 1
					}
				}
				if n == 0 {
					continue
				}
			}
			cost := -st.w[r]
			for _, o := range bs[:n] {
				if !st.canMove(o, s) {
					cost += st.w[o]
				}
			}
			switch {
			case cost < bestCost:
				bestCost, bestSlot, out, outN, ties = cost, s, bs, n, 1
			case cost == bestCost && bestSlot >= 0:
				ties++
				if rng.IntN(ties) == 0 {
					bestSlot, out, outN = s, bs, n
				}
			}
		}
		if bestSlot < 0 {
			continue
		}
		for _, o := range out[:outN] {
			st.unassign(o)
			weight -= st.w[o]
		}
		st.assign(r, bestSlot)
		weight += st.w[r]
		remove(r)
		tabu[r] = it + 5 + rng.IntN(10)
		for _, o := range out[:outN] {
			if s := st.bestFree(o); s >= 0 {
				st.assign(o, s)
				weight += st.w[o]
			} else {
				add(o)
				chain = o
			}
		}
		st.undo = st.undo[:0]
		if weight > bestWeight {
			bestWeight = weight
			copy(best, st.slotOf)
		}
	}
	if weight < bestWeight {
		st.restore(best)
	}
	return bestWeight
}

// tabuRestarts runs the tabu search tabuRuns times from the same schedule
// with different seeds, and keeps the best outcome (the first among
// equals); the runs share the move budget.
func (st *state) tabuRestarts(pending []int) {
	moves := min(tabuMovesPerRequest*st.nR, tabuMaxWork/max(st.nS, 1)) / tabuRuns
	start := slices.Clone(st.slotOf)
	best, bestWeight := slices.Clone(st.slotOf), -1
	for run := range uint64(tabuRuns) {
		st.restore(start)
		if w := st.tabuSearch(pending, run, moves); w > bestWeight {
			bestWeight = w
			copy(best, st.slotOf)
		}
	}
	st.restore(best)
}

// restore puts every movable request back at the slot slotOf gives.
func (st *state) restore(slotOf []int) {
	for r := range st.nR {
		if st.slotOf[r] >= 0 && !st.fixed[r] {
			st.removeFromSlot(r, st.slotOf[r])
		}
	}
	for r := range st.nR {
		if slotOf[r] >= 0 && !st.fixed[r] {
			st.assign(r, slotOf[r])
		}
	}
	st.undo = st.undo[:0]
}

// canMove reports whether meeting o has a free slot other than its own and
// s: ejected from its slot, it would be re-seated at no loss.
func (st *state) canMove(o, s int) bool {
	if st.count >= st.tables*st.nS {
		return false // every table taken: none is free outside s
	}
	for _, t := range st.common[o] {
		if t != s && t != st.slotOf[o] && st.free(o, t) {
			return true
		}
	}
	return false
}
