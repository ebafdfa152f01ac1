package schedule_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

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

func TestSharedInstances(t *testing.T) {
	for _, name := range sharedInstances {
		t.Run(name, func(t *testing.T) {
			inst := loadShared(t, name)
			start := time.Now()
			sched := schedule.Solve(inst)
			elapsed := time.Since(start)
			if err := schedule.Validate(inst, sched); err != nil {
				t.Fatalf("invalid schedule: %v", err)
			}
			w := sched.Weight(inst)
			t.Logf("%s: weight %d, planted %d, %d meetings, %d left out, %v", name, w, inst.Known.PlantedWeight, len(sched.Meetings), len(sched.LeftOut), elapsed)
		})
	}
}

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
