package schedule

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzSolve reads arbitrary instance files as `passerelle schedule` does
// (JSON, unknown fields refused) and, for every instance Check accepts,
// checks the solver's promises: Validate finds nothing wrong with its
// schedule, its weight is within the upper bound, every request is either
// met or left out with a reason, and the same instance gives the same
// schedule. Instances are kept small so that each run stays short.
func FuzzSolve(f *testing.F) {
	for _, s := range []string{
		`{"slots":[{"id":1},{"id":2}],"tables":1,"delegates":[{"id":"a","org":"A","available":[1,2]},{"id":"b","org":"B","available":[1,2]},{"id":"c","org":"C","available":[2]}],` +
			`"requests":[{"id":"r1","a":"a","b":"b","weight":3},{"id":"r2","a":"a","b":"c","weight":1},{"id":"r3","a":"b","b":"c","weight":2,"locked_slot":2}]}`,
		`{"slots":[{"id":1,"start":"2026-11-26T14:00:00Z"},{"id":0,"start":"2026-11-26T13:40:00Z"}],"tables":2,"delegates":[{"id":"a","org":"O","available":[0,1]},{"id":"b","org":"O","available":[1]}],` +
			`"requests":[{"id":"r","a":"a","b":"b","weight":2}],"confirmed":[{"request":"r","slot":1,"table":1}]}`,
		`{"slots":[{"id":1}],"tables":0,"delegates":[{"id":"a","org":"A","available":[1]},{"id":"b","org":"B","available":[1]}],"requests":[{"id":"r","a":"a","b":"b","weight":1,"locked_slot":1}]}`,
		`{"slots":[],"tables":3,"delegates":[],"requests":[]}`,
		`{"slots":[{"id":1},{"id":1}],"tables":1,"delegates":[],"requests":[]}`,
		`{"slots":[{"id":5}],"tables":1,"delegates":[{"id":"a","org":"A","available":[5,5]},{"id":"b","org":"B","available":[5]}],"requests":[{"id":"r","a":"a","b":"b","weight":3},{"id":"s","a":"b","b":"a","weight":3}]}`,
		`{"tables":-1}`, `{"colour":1}`, `[]`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var inst Instance
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if dec.Decode(&inst) != nil || inst.Check() != nil {
			return
		}
		if len(inst.Slots) > 24 || inst.Tables > 24 || len(inst.Delegates) > 40 || len(inst.Requests) > 80 {
			return
		}
		for _, d := range inst.Delegates {
			if len(d.Available) > 48 {
				return
			}
		}
		sched := Solve(inst)
		// A lock or a confirmed meeting can be impossible (no table, two
		// delegates of one organisation, two locks on one delegate and
		// slot): Solve leaves it out with its reason. Validate then holds
		// every other rule once those are no longer required.
		kept := inst
		kept.Requests = append([]Request(nil), inst.Requests...)
		kept.Confirmed = nil
		left := map[string]bool{}
		for _, l := range sched.LeftOut {
			left[l.Request] = true
		}
		for i, r := range kept.Requests {
			if left[r.ID] {
				kept.Requests[i].LockedSlot = nil
			}
		}
		for _, c := range inst.Confirmed {
			if !left[c.Request] {
				kept.Confirmed = append(kept.Confirmed, c)
			}
		}
		if err := Validate(kept, sched); err != nil {
			t.Fatalf("the solver's schedule breaks a rule: %v\ninstance %s\nschedule %+v", err, data, sched)
		}
		if w, bound := float64(sched.Weight(inst)), UpperBound(inst); w > bound+1e-9 {
			t.Fatalf("weight %v above the upper bound %v", w, bound)
		}
		met := map[string]bool{}
		for _, m := range sched.Meetings {
			met[m.Request] = true
		}
		for _, l := range sched.LeftOut {
			if met[l.Request] || l.Reason == "" {
				t.Fatalf("left out %+v, met %v", l, met[l.Request])
			}
			met[l.Request] = true
		}
		if len(met) != len(inst.Requests) || len(sched.Meetings)+len(sched.LeftOut) != len(inst.Requests) {
			t.Fatalf("%d requests, %d met, %d left out", len(inst.Requests), len(sched.Meetings), len(sched.LeftOut))
		}
		if again := Solve(inst); !reflect.DeepEqual(again, sched) {
			t.Fatalf("two runs, two schedules:\n%+v\n%+v", sched, again)
		}
	})
}
