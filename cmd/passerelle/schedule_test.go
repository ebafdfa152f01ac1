package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/schedule"
)

func TestScheduleCommand(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	instance := `{"name": "tiny", "slot_minutes": 20, "tables": 1,
	  "slots": [{"id": 0, "start": "2027-06-03T13:30:00+02:00"}, {"id": 1, "start": "2027-06-03T13:50:00+02:00"}],
	  "delegates": [{"id": "x", "org": "o1", "available": [0, 1]}, {"id": "y", "org": "o2", "available": [1]},
	                {"id": "z", "org": "o3", "available": [0, 1]}],
	  "requests": [{"id": "xy", "a": "x", "b": "y", "weight": 3}, {"id": "xz", "a": "x", "b": "z", "weight": 1, "locked_slot": 0}]}`
	if err := os.WriteFile(in, []byte(instance), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"schedule", "--instance", in, "--out", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "tiny: weight 4, 2 meetings, 0 left out, ") {
		t.Fatalf("summary %q", stdout.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var sched schedule.Schedule
	if err := json.Unmarshal(data, &sched); err != nil {
		t.Fatal(err)
	}
	inst, err := readInstance(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := schedule.Validate(inst, sched); err != nil {
		t.Fatal(err)
	}
}

func TestScheduleCommandNamesBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, instance, want string }{
		{"not JSON", `{"slots": [`, "not JSON"},
		{"wrong type", `{"slots": "all"}`, "field slots"},
		{"unknown field", `{"slots": [], "tabels": 3}`, `unknown field "tabels"`},
		{"unknown delegate", `{"slots": [{"id": 0}], "tables": 1, "delegates": [{"id": "x", "org": "o", "available": [0]}],
		  "requests": [{"id": "r", "a": "x", "b": "q", "weight": 1}]}`, `requests[0] (r): delegate b "q" does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.json")
			if err := os.WriteFile(in, []byte(tt.instance), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"schedule", "--instance", in, "--out", filepath.Join(dir, "out.json")}, nil, &stdout, &stderr)
			if code == 0 || !strings.Contains(stderr.String(), tt.want) {
				t.Fatalf("exit %d, stderr %q; want a failure naming %q", code, stderr.String(), tt.want)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"schedule"}, nil, &stdout, &stderr); code != exitConfig {
		t.Fatalf("no flags: exit %d, want %d", code, exitConfig)
	}
}
