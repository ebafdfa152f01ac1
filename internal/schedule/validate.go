package schedule

import (
	"errors"
	"fmt"
)

// Validate checks sched against every rule of a convention schedule: each
// request at most once; a delegate in at most one meeting per slot and
// only where available; delegates of one organisation never meet each
// other; at most one meeting per table and slot, with 0 ≤ table < tables;
// every locked request scheduled, at its slot; every confirmed meeting kept at its
// slot and table. It returns all the violations found, joined.
func Validate(inst Instance, sched Schedule) error {
	if err := inst.Check(); err != nil {
		return fmt.Errorf("instance: %w", err)
	}
	slotIndex := make(map[int]int, len(inst.Slots))
	for i, s := range inst.Slots {
		slotIndex[s.ID] = i
	}
	type delegate struct {
		org       string
		available map[int]bool
	}
	delegates := make(map[string]delegate, len(inst.Delegates))
	for _, d := range inst.Delegates {
		av := make(map[int]bool, len(d.Available))
		for _, s := range d.Available {
			av[s] = true
		}
		delegates[d.ID] = delegate{d.Org, av}
	}
	requests := make(map[string]Request, len(inst.Requests))
	for _, r := range inst.Requests {
		requests[r.ID] = r
	}

	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	seen := make(map[string]Meeting, len(sched.Meetings))
	type at struct {
		key  string
		slot int
	}
	busy := make(map[at]string)
	tables := make(map[[2]int]string)
	for i, m := range sched.Meetings {
		r, ok := requests[m.Request]
		if !ok {
			fail("meetings[%d]: request %q does not exist", i, m.Request)
			continue
		}
		if _, dup := seen[m.Request]; dup {
			fail("meetings[%d]: request %s is scheduled twice", i, m.Request)
			continue
		}
		seen[m.Request] = m
		if _, ok := slotIndex[m.Slot]; !ok {
			fail("meetings[%d] (%s): slot %d does not exist", i, m.Request, m.Slot)
			continue
		}
		if m.Table < 0 || m.Table >= inst.Tables {
			fail("meetings[%d] (%s): table %d is not between 0 and %d", i, m.Request, m.Table, inst.Tables-1)
		} else if other, taken := tables[[2]int{m.Slot, m.Table}]; taken {
			fail("meetings[%d] (%s): table %d in slot %d already holds %s", i, m.Request, m.Table, m.Slot, other)
		} else {
			tables[[2]int{m.Slot, m.Table}] = m.Request
		}
		if r.LockedSlot != nil && *r.LockedSlot != m.Slot {
			fail("meetings[%d] (%s): locked at slot %d, scheduled at %d", i, m.Request, *r.LockedSlot, m.Slot)
		}
		if delegates[r.A].org == delegates[r.B].org {
			fail("meetings[%d] (%s): %s and %s are both of organisation %s", i, m.Request, r.A, r.B, delegates[r.A].org)
		}
		for _, d := range []string{r.A, r.B} {
			if !delegates[d].available[m.Slot] {
				fail("meetings[%d] (%s): delegate %s is not available in slot %d", i, m.Request, d, m.Slot)
			}
			if other, taken := busy[at{d, m.Slot}]; taken {
				fail("meetings[%d] (%s): delegate %s already meets in slot %d (%s)", i, m.Request, d, m.Slot, other)
			} else {
				busy[at{d, m.Slot}] = m.Request
			}
		}
	}
	for _, r := range inst.Requests {
		if _, ok := seen[r.ID]; r.LockedSlot != nil && !ok {
			fail("locked request %s (slot %d) is not scheduled", r.ID, *r.LockedSlot)
		}
	}
	for _, c := range inst.Confirmed {
		if m, ok := seen[c.Request]; !ok || m.Slot != c.Slot || m.Table != c.Table {
			fail("confirmed meeting %s (slot %d, table %d) is not kept", c.Request, c.Slot, c.Table)
		}
	}
	return errors.Join(errs...)
}
