package schedule_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"passerelle/internal/schedule"
	"passerelle/internal/testshared"
)

// sharedInstances are the instances of shared/bench/scheduler.
var sharedInstances = []string{"convention-90", "convention-90-noisy", "regional-400", "cross-border-2000"}

func loadShared(tb testing.TB, name string) schedule.Instance {
	tb.Helper()
	path := testshared.Path(tb, "PASSERELLE_SHARED_BENCH", "bench", filepath.Join("scheduler", name+".json"))
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var inst schedule.Instance
	if err := json.Unmarshal(data, &inst); err != nil {
		tb.Fatal(err)
	}
	if err := inst.Check(); err != nil {
		tb.Fatal(err)
	}
	return inst
}

// TestSharedInstances checks issue 9's quality targets on the shared
// instances (the time targets are make bench-schedule's and
// BenchmarkSolve's): a valid schedule of at least 98.5 % of the upper
// bound, all of it on convention-90 where every request fits.
func TestSharedInstances(t *testing.T) {
	for _, name := range sharedInstances {
		t.Run(name, func(t *testing.T) {
			inst := loadShared(t, name)
			sched := schedule.Solve(inst)
			if err := schedule.Validate(inst, sched); err != nil {
				t.Fatalf("invalid schedule: %v", err)
			}
			w, bound := sched.Weight(inst), schedule.UpperBound(inst)
			t.Logf("weight %d (%.4f of the bound %.1f), planted %d, %d meetings, %d left out",
				w, float64(w)/bound, bound, inst.Known.PlantedWeight, len(sched.Meetings), len(sched.LeftOut))
			if float64(w) < 0.985*bound {
				t.Errorf("weight %d < 98.5 %% of the bound %.1f", w, bound)
			}
			if name == "convention-90" && (w != inst.Known.PlantedWeight || len(sched.LeftOut) != 0) {
				t.Errorf("weight %d, %d left out: every request fits (%d)", w, len(sched.LeftOut), inst.Known.PlantedWeight)
			}
			for _, l := range sched.LeftOut {
				if l.Reason == "" {
					t.Fatalf("request %s left out without a reason", l.Request)
				}
			}
		})
	}
}

func TestSolveIsDeterministic(t *testing.T) {
	inst := loadShared(t, "convention-90-noisy")
	first := schedule.Solve(inst)
	if again := schedule.Solve(inst); !reflect.DeepEqual(first, again) {
		t.Fatal("two runs on the same instance differ")
	}
}

// BenchmarkSolve times the scheduler on each shared instance (issue 9:
// at most 2 s each, 1 s for cross-border-2000).
func BenchmarkSolve(b *testing.B) {
	for _, name := range sharedInstances {
		b.Run(name, func(b *testing.B) {
			inst := loadShared(b, name)
			for b.Loop() {
				schedule.Solve(inst)
			}
		})
	}
}
