package schedule_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"passerelle/internal/schedule"
)

// convention builds a small instance: slots 0…slots-1, delegates given as
// "id:org:slot,slot" (no slots: all of them), requests as "id:a:b:weight"
// or "id:a:b:weight:lockedslot".
func convention(t *testing.T, slots, tables int, delegates, requests []string) schedule.Instance {
	t.Helper()
	inst := schedule.Instance{Name: t.Name(), SlotMinutes: 20, Tables: tables}
	for s := range slots {
		inst.Slots = append(inst.Slots, schedule.Slot{ID: s})
	}
	for _, d := range delegates {
		f := strings.Split(d, ":")
		del := schedule.Delegate{ID: f[0], Org: f[1]}
		if len(f) > 2 && f[2] != "" {
			for _, s := range strings.Split(f[2], ",") {
				del.Available = append(del.Available, atoi(t, s))
			}
		} else {
			for s := range slots {
				del.Available = append(del.Available, s)
			}
		}
		inst.Delegates = append(inst.Delegates, del)
	}
	for _, r := range requests {
		f := strings.Split(r, ":")
		req := schedule.Request{ID: f[0], A: f[1], B: f[2], Weight: atoi(t, f[3])}
		if len(f) > 4 {
			s := atoi(t, f[4])
			req.LockedSlot = &s
		}
		inst.Requests = append(inst.Requests, req)
	}
	if err := inst.Check(); err != nil {
		t.Fatal(err)
	}
	return inst
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func slotOf(sched schedule.Schedule, request string) int {
	for _, m := range sched.Meetings {
		if m.Request == request {
			return m.Slot
		}
	}
	return -1
}

func solveValid(t *testing.T, inst schedule.Instance) schedule.Schedule {
	t.Helper()
	sched := schedule.Solve(inst)
	if err := schedule.Validate(inst, sched); err != nil {
		t.Fatalf("invalid schedule: %v", err)
	}
	if got, want := len(sched.Meetings)+len(sched.LeftOut), len(inst.Requests); got != want {
		t.Fatalf("%d meetings and left out, %d requests", got, want)
	}
	for _, l := range sched.LeftOut {
		if l.Reason == "" {
			t.Errorf("request %s left out without a reason", l.Request)
		}
	}
	return sched
}

func TestValidate(t *testing.T) {
	inst := convention(t, 3, 2,
		[]string{"x:1", "y:2", "z:3:0,1", "u:1"},
		[]string{"xy:x:y:3", "xz:x:z:2", "yz:y:z:1:1", "xu:x:u:1"})
	ok := []schedule.Meeting{{Request: "xy", Slot: 2, Table: 0}, {Request: "xz", Slot: 0, Table: 0}, {Request: "yz", Slot: 1, Table: 1}}
	withConfirmed := inst
	withConfirmed.Confirmed = []schedule.Meeting{{Request: "xy", Slot: 0, Table: 1}}
	tests := []struct {
		name     string
		inst     schedule.Instance
		meetings []schedule.Meeting
		want     string // in the error; "" for valid
	}{
		{"valid", inst, ok, ""},
		{"unknown request", inst, append(slices.Clone(ok), schedule.Meeting{Request: "nope", Slot: 2}), `request "nope" does not exist`},
		{"twice", inst, append(slices.Clone(ok), schedule.Meeting{Request: "xy", Slot: 2}), "scheduled twice"},
		{"unknown slot", inst, []schedule.Meeting{{Request: "xy", Slot: 7}, ok[2]}, "slot 7 does not exist"},
		{"table too high", inst, []schedule.Meeting{{Request: "xy", Slot: 0, Table: 2}, ok[2]}, "table 2 is not between 0 and 1"},
		{"negative table", inst, []schedule.Meeting{{Request: "xy", Slot: 0, Table: -1}, ok[2]}, "table -1"},
		{"table shared", inst, []schedule.Meeting{{Request: "xz", Slot: 1, Table: 1}, ok[2]}, "table 1 in slot 1 already holds"},
		{"unavailable", inst, []schedule.Meeting{{Request: "xz", Slot: 2}, ok[2]}, "delegate z is not available in slot 2"},
		{"double-booked", inst, []schedule.Meeting{{Request: "xy", Slot: 1, Table: 0}, ok[2]}, "delegate y already meets in slot 1"},
		{"lock moved", inst, []schedule.Meeting{{Request: "yz", Slot: 0}}, "locked at slot 1, scheduled at 0"},
		{"lock left out", inst, []schedule.Meeting{ok[0]}, "locked request yz (slot 1) is not scheduled"},
		{"same organisation", inst, []schedule.Meeting{{Request: "xu", Slot: 2}, ok[2]}, "both of organisation 1"},
		{"confirmed moved", withConfirmed, ok, "confirmed meeting xy (slot 0, table 1) is not kept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := schedule.Validate(tt.inst, schedule.Schedule{Meetings: tt.meetings})
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestCheckNamesWhatIsWrong(t *testing.T) {
	base := func() schedule.Instance {
		return convention(t, 2, 1, []string{"x:1", "y:2"}, []string{"xy:x:y:3"})
	}
	tests := []struct {
		name   string
		change func(*schedule.Instance)
		want   string
	}{
		{"unknown delegate", func(i *schedule.Instance) { i.Requests[0].B = "q" }, `delegate b "q" does not exist`},
		{"weight", func(i *schedule.Instance) { i.Requests[0].Weight = 4 }, "weight 4 is not 1, 2 or 3"},
		{"self", func(i *schedule.Instance) { i.Requests[0].B = "x" }, "cannot meet themself"},
		{"slot", func(i *schedule.Instance) { i.Delegates[0].Available = []int{5} }, "available slot 5 does not exist"},
		{"duplicate delegate", func(i *schedule.Instance) { i.Delegates[1].ID = "x" }, `id "x" appears twice`},
		{"lock", func(i *schedule.Instance) { s := 9; i.Requests[0].LockedSlot = &s }, "locked slot 9 does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inst := base()
			tt.change(&inst)
			if err := inst.Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSolveKeepsLocksAndAvailability(t *testing.T) {
	inst := convention(t, 4, 5,
		[]string{"x:1", "y:2", "z:3:2", "w:4"},
		[]string{"xy:x:y:1:3", "xz:x:z:3", "yw:y:w:2:0"})
	sched := solveValid(t, inst)
	if got := [3]int{slotOf(sched, "xy"), slotOf(sched, "xz"), slotOf(sched, "yw")}; got != [3]int{3, 2, 0} {
		t.Errorf("slots of xy, xz, yw = %v, want [3 2 0]", got)
	}
}

func TestSolveKeepsConfirmedMeetings(t *testing.T) {
	inst := convention(t, 3, 3, []string{"x:1", "y:2", "z:3"}, []string{"xy:x:y:1", "xz:x:z:3"})
	inst.Confirmed = []schedule.Meeting{{Request: "xy", Slot: 1, Table: 2}}
	sched := solveValid(t, inst)
	if sched.Weight(inst) != 4 {
		t.Errorf("weight %d, want 4", sched.Weight(inst))
	}
}

func TestSolveReseatsWhereGreedyFails(t *testing.T) {
	// The must-meet xy comes first and takes the earliest slot, 0, the only
	// one where z can meet x: a chain moves it to slot 1.
	inst := convention(t, 2, 5, []string{"x:1", "y:2", "z:3:0"}, []string{"xy:x:y:3", "xz:x:z:2"})
	sched := solveValid(t, inst)
	if w := sched.Weight(inst); w != 5 {
		t.Fatalf("weight %d, want 5 (%+v)", w, sched)
	}
	// A longer chain: greedy puts xy at 0 and yz at 1, where alone zw can
	// be; zw needs yz moved to 0, which needs xy moved to 2.
	inst = convention(t, 3, 5,
		[]string{"x:1", "y:2", "z:3:0,1", "w:4:1"},
		[]string{"xy:x:y:3", "yz:y:z:2", "zw:z:w:1"})
	sched = solveValid(t, inst)
	if len(sched.LeftOut) != 0 {
		t.Fatalf("left out %v, every request fits", sched.LeftOut)
	}
}

func TestSolvePrefersWeight(t *testing.T) {
	// One slot, one table: the must-meet wins over two wishes that cannot
	// both be held anyway.
	inst := convention(t, 1, 1, []string{"x:1", "y:2", "z:3"}, []string{"xy:x:y:1", "yz:y:z:3", "xz:x:z:1"})
	sched := solveValid(t, inst)
	if slotOf(sched, "yz") != 0 || sched.Weight(inst) != 3 {
		t.Fatalf("got %+v, want yz alone", sched)
	}
}

func TestSolveTiesAreDeterministic(t *testing.T) {
	inst := convention(t, 1, 1, []string{"x:1", "y:2", "z:3", "w:4"}, []string{"xy:x:y:2", "zw:z:w:2"})
	first := solveValid(t, inst)
	for range 5 {
		if again := schedule.Solve(inst); !reflect.DeepEqual(again, first) {
			t.Fatalf("two runs differ: %+v then %+v", first, again)
		}
	}
	if first.Weight(inst) != 2 || len(first.LeftOut) != 1 || first.LeftOut[0].Reason != schedule.ReasonNoTableLeft {
		t.Fatalf("got %+v, want one meeting and one left out for want of a table", first)
	}
}

func TestSolveClosesGaps(t *testing.T) {
	// y can only meet at 2; x's wish with z goes next to it, not at 0.
	inst := convention(t, 5, 5, []string{"x:1", "y:2:2", "z:3"}, []string{"xy:x:y:3", "xz:x:z:1"})
	sched := solveValid(t, inst)
	if d := slotOf(sched, "xz") - slotOf(sched, "xy"); d != 1 && d != -1 {
		t.Fatalf("xy at %d, xz at %d: not contiguous", slotOf(sched, "xy"), slotOf(sched, "xz"))
	}
	// Three meetings of x, one of them fixed late: the others join it.
	inst = convention(t, 6, 5, []string{"x:1", "y:2", "z:3", "w:4"}, []string{"xy:x:y:1:4", "xz:x:z:1", "xw:x:w:1"})
	sched = solveValid(t, inst)
	got := []int{slotOf(sched, "xy"), slotOf(sched, "xz"), slotOf(sched, "xw")}
	slices.Sort(got)
	if got[2]-got[0] != 2 {
		t.Fatalf("x meets at %v: gaps left", got)
	}
}

func TestSolveGivesEveryLeftOutItsReason(t *testing.T) {
	inst := convention(t, 2, 1,
		[]string{"x:1", "y:2", "u:1", "p:3:0", "q:4:1", "s:5:0", "t:6:0", "m:7", "n:8"},
		[]string{
			"same:x:u:3",      // one organisation
			"never:p:q:3",     // p only at 0, q only at 1
			"lockout:x:p:2:1", // p is not available at 1
			"lock1:m:n:1:0",   // m and n at 0 …
			"lock2:m:y:1:0",   // … so m cannot be at 0 twice
			"full:s:t:1",      // only slot 0, whose one table lock1 holds
		})
	sched := schedule.Solve(inst)
	// The locks that cannot hold make the schedule invalid, and only them.
	err := schedule.Validate(inst, sched)
	if err == nil || strings.Count(err.Error(), "\n") != 1 || !strings.Contains(err.Error(), "lockout") || !strings.Contains(err.Error(), "lock2") {
		t.Fatalf("Validate = %v, want the two impossible locks", err)
	}
	want := map[string]schedule.Reason{
		"same":    schedule.ReasonSameOrganisation,
		"never":   schedule.ReasonNoCommonSlot,
		"lockout": schedule.ReasonLockUnavailable,
		"lock2":   schedule.ReasonLockConflict,
		"full":    schedule.ReasonNoTableLeft,
	}
	got := map[string]schedule.Reason{}
	for _, l := range sched.LeftOut {
		got[l.Request] = l.Reason
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("left out %v, want %v", got, want)
	}
	// A delegate with one slot and two must-meets there.
	inst = convention(t, 1, 5, []string{"x:1", "y:2", "z:3"}, []string{"xy:x:y:3", "xz:x:z:3"})
	sched = solveValid(t, inst)
	if len(sched.LeftOut) != 1 || sched.LeftOut[0].Reason != schedule.ReasonDelegateFullyBooked {
		t.Fatalf("left out %v, want one fully booked", sched.LeftOut)
	}
}
