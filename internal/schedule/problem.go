package schedule

import (
	"cmp"
	"slices"
	"time"
)

// problem is an Instance with dense indices: slots are numbered 0…nS-1 in
// time order, delegates and requests by their position in the instance.
type problem struct {
	nS, nD, nR int
	tables     int
	slotID     []int // slot index → slot id
	a, b       []int // request → delegate indices
	w          []int
	avail      []bool // delegate*nS + slot
	common     [][]int
	sameOrg    []bool
	lock       []int // request → locked slot index, or -1
}

func newProblem(inst Instance) *problem {
	p := &problem{nS: len(inst.Slots), nD: len(inst.Delegates), nR: len(inst.Requests), tables: inst.Tables}
	order := make([]int, p.nS)
	starts := make([]time.Time, p.nS)
	parsed := true
	for i, s := range inst.Slots {
		order[i] = i
		t, err := time.Parse(time.RFC3339, s.Start)
		parsed = parsed && err == nil
		starts[i] = t
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if parsed {
			if c := starts[x].Compare(starts[y]); c != 0 {
				return c
			}
		}
		return cmp.Compare(inst.Slots[x].ID, inst.Slots[y].ID)
	})
	slotIndex := make(map[int]int, p.nS)
	p.slotID = make([]int, p.nS)
	for k, i := range order {
		p.slotID[k] = inst.Slots[i].ID
		slotIndex[inst.Slots[i].ID] = k
	}
	delegate := make(map[string]int, p.nD)
	p.avail = make([]bool, p.nD*p.nS)
	for i, d := range inst.Delegates {
		delegate[d.ID] = i
		for _, s := range d.Available {
			p.avail[i*p.nS+slotIndex[s]] = true
		}
	}
	p.a, p.b, p.w = make([]int, p.nR), make([]int, p.nR), make([]int, p.nR)
	p.common = make([][]int, p.nR)
	p.sameOrg = make([]bool, p.nR)
	p.lock = make([]int, p.nR)
	for i, r := range inst.Requests {
		a, b := delegate[r.A], delegate[r.B]
		p.a[i], p.b[i], p.w[i] = a, b, r.Weight
		p.sameOrg[i] = inst.Delegates[a].Org == inst.Delegates[b].Org
		for s := 0; s < p.nS; s++ {
			if p.avail[a*p.nS+s] && p.avail[b*p.nS+s] {
				p.common[i] = append(p.common[i], s)
			}
		}
		p.lock[i] = -1
		if r.LockedSlot != nil {
			p.lock[i] = slotIndex[*r.LockedSlot]
		}
	}
	return p
}
