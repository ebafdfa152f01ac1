package schedule

// state is a partial schedule under search: which slot each request holds,
// who is busy when, how many tables each slot uses. Every change is logged
// so that a failed ejection chain is undone exactly, in LIFO order, which
// keeps the search deterministic.
type state struct {
	*problem
	slotOf  []int // request → slot index, or -1
	busy    []int // delegate*nS + slot → request, or -1
	members [][]int
	pos     []int  // request → index in members[slotOf]
	fixed   []bool // locked or confirmed: never moved
	stamp   []int  // request → the attempt that last moved it
	attempt int
	undo    []change
	budget  int
	count   int // meetings scheduled
	spent   int // nodes the chains and swaps explored
}

// change is one logged step: request r was placed (from == -1) or removed
// from slot from, where it was members[from][pos].
type change struct{ r, from, pos int }

func newState(p *problem) *state {
	st := &state{
		problem: p,
		slotOf:  make([]int, p.nR),
		busy:    make([]int, p.nD*p.nS),
		members: make([][]int, p.nS),
		pos:     make([]int, p.nR),
		fixed:   make([]bool, p.nR),
		stamp:   make([]int, p.nR),
	}
	for i := range st.slotOf {
		st.slotOf[i] = -1
	}
	for i := range st.busy {
		st.busy[i] = -1
	}
	return st
}

// free reports whether r fits at s without moving anything.
func (st *state) free(r, s int) bool {
	return len(st.members[s]) < st.tables && st.busy[st.a[r]*st.nS+s] < 0 && st.busy[st.b[r]*st.nS+s] < 0
}

func (st *state) assign(r, s int) {
	st.slotOf[r] = s
	st.busy[st.a[r]*st.nS+s] = r
	st.busy[st.b[r]*st.nS+s] = r
	st.pos[r] = len(st.members[s])
	st.members[s] = append(st.members[s], r)
	st.count++
	st.undo = append(st.undo, change{r, -1, 0})
}

func (st *state) unassign(r int) {
	s := st.slotOf[r]
	st.undo = append(st.undo, change{r, s, st.pos[r]})
	st.removeFromSlot(r, s)
}

func (st *state) removeFromSlot(r, s int) {
	st.slotOf[r] = -1
	st.busy[st.a[r]*st.nS+s] = -1
	st.busy[st.b[r]*st.nS+s] = -1
	m := st.members[s]
	last := m[len(m)-1]
	m[st.pos[r]] = last
	st.pos[last] = st.pos[r]
	st.members[s] = m[:len(m)-1]
	st.count--
}

// rollback undoes every change logged after mark, restoring even the order
// of each slot's members.
func (st *state) rollback(mark int) {
	for i := len(st.undo) - 1; i >= mark; i-- {
		c := st.undo[i]
		if c.from < 0 {
			st.removeFromSlot(c.r, st.slotOf[c.r]) // it was appended last
			continue
		}
		s, r := c.from, c.r
		m := st.members[s]
		p := c.pos
		st.pos[r] = p
		if p < len(m) {
			moved := m[p]
			m = append(m, moved)
			st.pos[moved] = len(m) - 1
			m[p] = r
		} else {
			m = append(m, r)
		}
		st.members[s] = m
		st.count++
		st.slotOf[r] = s
		st.busy[st.a[r]*st.nS+s] = r
		st.busy[st.b[r]*st.nS+s] = r
	}
	st.undo = st.undo[:mark]
}

// adjacency counts the meetings the two delegates of r have right before
// and after slot s: placing r there makes their afternoons contiguous.
func (st *state) adjacency(r, s int) int {
	n := 0
	for _, d := range [2]int{st.a[r], st.b[r]} {
		if s > 0 && st.busy[d*st.nS+s-1] >= 0 {
			n++
		}
		if s+1 < st.nS && st.busy[d*st.nS+s+1] >= 0 {
			n++
		}
	}
	return n
}

// bestFree is the free slot for r that most extends the delegates'
// contiguous meetings (the earliest among equals), or -1.
func (st *state) bestFree(r int) int {
	best, bestAdj := -1, -1
	for _, s := range st.common[r] {
		if st.free(r, s) {
			if adj := st.adjacency(r, s); adj > bestAdj {
				best, bestAdj = s, adj
			}
		}
	}
	return best
}

// blockers are the meetings to move so that r fits at s: those of its
// delegates there, or when they are free but the slot's tables are all
// taken, the k-th movable meeting of the slot. ok is false when a blocker
// cannot move (fixed, or already moved by this attempt).
func (st *state) blockers(r, s, k int) (bs [2]int, n int, ok bool) {
	for _, d := range [2]int{st.a[r], st.b[r]} {
		if o := st.busy[d*st.nS+s]; o >= 0 && (n == 0 || bs[0] != o) {
			if st.fixed[o] || st.stamp[o] == st.attempt {
				return bs, 0, false
			}
			bs[n] = o
			n++
		}
	}
	if n > 0 || len(st.members[s]) < st.tables {
		return bs, n, k == 0
	}
	for _, o := range st.members[s] {
		if !st.fixed[o] && st.stamp[o] != st.attempt {
			if k == 0 {
				bs[0] = o
				return bs, 1, true
			}
			k--
		}
	}
	return bs, 0, false
}

// place puts r somewhere, re-seating up to depth levels of other meetings
// (an ejection chain), within the attempt's node budget. On failure the
// state is as before.
func (st *state) place(r, depth int) bool {
	if s := st.bestFree(r); s >= 0 {
		st.assign(r, s)
		st.stamp[r] = st.attempt
		return true
	}
	if depth == 0 {
		return false
	}
	for _, s := range st.common[r] {
		for k := 0; k < tableBranching; k++ {
			if st.budget <= 0 {
				return false
			}
			st.budget--
			bs, n, ok := st.blockers(r, s, k)
			if !ok {
				break
			}
			mark := len(st.undo)
			for _, o := range bs[:n] {
				st.unassign(o)
			}
			st.assign(r, s)
			st.stamp[r] = st.attempt
			placed := true
			for _, o := range bs[:n] {
				if !st.place(o, depth-1) {
					placed = false
					break
				}
			}
			if placed {
				return true
			}
			st.rollback(mark)
			if n == 2 || len(st.members[s]) < st.tables {
				break // the blockers are the delegates' own meetings: no other choice here
			}
		}
	}
	return false
}
