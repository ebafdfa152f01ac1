// Package schedule assigns a business convention's accepted meeting
// requests to slots and tables. It is pure and deterministic: the same
// instance always gives the same schedule, and nothing here reads a clock,
// a file or a map's iteration order.
package schedule

import (
	"fmt"
)

// Weights of a request: what scheduling it is worth.
const (
	WeightWish     = 1
	WeightMutual   = 2
	WeightMustMeet = 3
)

// Instance is one convention to schedule, in the JSON format of the shared
// scheduler benchmark (shared/bench/scheduler/README.md).
type Instance struct {
	Name        string     `json:"name,omitempty"`
	SlotMinutes int        `json:"slot_minutes,omitempty"`
	Slots       []Slot     `json:"slots"`
	Tables      int        `json:"tables"`
	Delegates   []Delegate `json:"delegates"`
	Requests    []Request  `json:"requests"`
	// Confirmed are meetings already announced that a re-run keeps at their
	// slot and table.
	Confirmed []Meeting `json:"confirmed,omitempty"`
	Known     *Known    `json:"known,omitempty"`
}

// Slot is one meeting time; every slot lasts the instance's SlotMinutes.
type Slot struct {
	ID    int    `json:"id"`
	Start string `json:"start,omitempty"`
}

// Delegate is one person a registered organisation sends, with the slots
// where they can meet.
type Delegate struct {
	ID        string `json:"id"`
	Org       string `json:"org"`
	Available []int  `json:"available"`
}

// Request is an accepted meeting request between two delegates.
type Request struct {
	ID     string `json:"id"`
	A      string `json:"a"`
	B      string `json:"b"`
	Weight int    `json:"weight"`
	// LockedSlot, when set, is the slot id the organisers fixed.
	LockedSlot *int `json:"locked_slot,omitempty"`
}

// Known holds what the instance's generator knows of the optimum.
type Known struct {
	PlantedMeetings int    `json:"planted_meetings"`
	PlantedWeight   int    `json:"planted_weight"`
	Note            string `json:"note,omitempty"`
}

// Meeting is one scheduled request: its slot id and table (from 0).
type Meeting struct {
	Request string `json:"request"`
	Slot    int    `json:"slot"`
	Table   int    `json:"table"`
}

// Schedule is the scheduler's answer: the meetings, and every request left
// out with the reason why.
type Schedule struct {
	Meetings []Meeting `json:"meetings"`
	LeftOut  []LeftOut `json:"left_out,omitempty"`
}

// LeftOut is a request the schedule does not hold.
type LeftOut struct {
	Request string `json:"request"`
	Reason  Reason `json:"reason"`
}

// Reason says, in a machine-readable way, why a request was left out.
type Reason string

// The reasons a request can be left out.
const (
	// ReasonSameOrganisation: both delegates belong to one organisation,
	// which never meets itself at a convention.
	ReasonSameOrganisation Reason = "same_organisation"
	// ReasonNoCommonSlot: the two delegates are never available together.
	ReasonNoCommonSlot Reason = "no_common_slot"
	// ReasonLockUnavailable: the locked slot is not one where both are available.
	ReasonLockUnavailable Reason = "lock_unavailable"
	// ReasonLockConflict: the locked slot is taken by another locked or
	// confirmed meeting of a delegate, or its tables are all held by them.
	ReasonLockConflict Reason = "lock_conflict"
	// ReasonDelegateFullyBooked: in every common slot one of the two
	// delegates already has a meeting of at least the same weight.
	ReasonDelegateFullyBooked Reason = "delegate_fully_booked"
	// ReasonNoTableLeft: both delegates are free in some common slot, but
	// every table there is taken.
	ReasonNoTableLeft Reason = "no_table_left"
)

// Weight is the total weight of the schedule's meetings in inst.
func (s Schedule) Weight(inst Instance) int {
	w := make(map[string]int, len(inst.Requests))
	for _, r := range inst.Requests {
		w[r.ID] = r.Weight
	}
	total := 0
	for _, m := range s.Meetings {
		total += w[m.Request]
	}
	return total
}

// Check reports the first thing that makes inst unusable: duplicate or
// unknown ids, slots a delegate names that do not exist, weights outside
// 1–3, a request of a delegate with themself, a locked slot that does not
// exist, confirmed meetings that name unknown requests or slots.
func (inst Instance) Check() error {
	if inst.Tables < 0 {
		return fmt.Errorf("tables: %d is negative", inst.Tables)
	}
	slots := make(map[int]bool, len(inst.Slots))
	for i, s := range inst.Slots {
		if slots[s.ID] {
			return fmt.Errorf("slots[%d]: id %d appears twice", i, s.ID)
		}
		slots[s.ID] = true
	}
	delegates := make(map[string]bool, len(inst.Delegates))
	for i, d := range inst.Delegates {
		switch {
		case d.ID == "":
			return fmt.Errorf("delegates[%d]: no id", i)
		case delegates[d.ID]:
			return fmt.Errorf("delegates[%d]: id %q appears twice", i, d.ID)
		case d.Org == "":
			return fmt.Errorf("delegates[%d] (%s): no org", i, d.ID)
		}
		delegates[d.ID] = true
		for _, s := range d.Available {
			if !slots[s] {
				return fmt.Errorf("delegates[%d] (%s): available slot %d does not exist", i, d.ID, s)
			}
		}
	}
	requests := make(map[string]bool, len(inst.Requests))
	for i, r := range inst.Requests {
		switch {
		case r.ID == "":
			return fmt.Errorf("requests[%d]: no id", i)
		case requests[r.ID]:
			return fmt.Errorf("requests[%d]: id %q appears twice", i, r.ID)
		case !delegates[r.A]:
			return fmt.Errorf("requests[%d] (%s): delegate a %q does not exist", i, r.ID, r.A)
		case !delegates[r.B]:
			return fmt.Errorf("requests[%d] (%s): delegate b %q does not exist", i, r.ID, r.B)
		case r.A == r.B:
			return fmt.Errorf("requests[%d] (%s): a delegate cannot meet themself", i, r.ID)
		case r.Weight < WeightWish || r.Weight > WeightMustMeet:
			return fmt.Errorf("requests[%d] (%s): weight %d is not 1, 2 or 3", i, r.ID, r.Weight)
		case r.LockedSlot != nil && !slots[*r.LockedSlot]:
			return fmt.Errorf("requests[%d] (%s): locked slot %d does not exist", i, r.ID, *r.LockedSlot)
		}
		requests[r.ID] = true
	}
	confirmed := make(map[string]bool, len(inst.Confirmed))
	for i, m := range inst.Confirmed {
		switch {
		case !requests[m.Request]:
			return fmt.Errorf("confirmed[%d]: request %q does not exist", i, m.Request)
		case confirmed[m.Request]:
			return fmt.Errorf("confirmed[%d]: request %q is confirmed twice", i, m.Request)
		case !slots[m.Slot]:
			return fmt.Errorf("confirmed[%d] (%s): slot %d does not exist", i, m.Request, m.Slot)
		case m.Table < 0 || m.Table >= inst.Tables:
			return fmt.Errorf("confirmed[%d] (%s): table %d is not between 0 and %d", i, m.Request, m.Table, inst.Tables-1)
		}
		confirmed[m.Request] = true
	}
	return nil
}
