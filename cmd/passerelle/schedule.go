package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"time"

	"passerelle/internal/schedule"
)

// scheduleConvention runs `passerelle schedule`: it reads an instance in
// the shared scheduler benchmark's JSON format, schedules it, writes the
// schedule in the same format and prints a one-line summary.
func scheduleConvention(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("instance", "", "the convention to schedule (JSON: slots, tables, delegates, requests)")
	out := fs.String("out", "", "where to write the schedule (JSON: meetings, left_out)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	switch {
	case fs.NArg() != 0:
		return usageError{"schedule takes no arguments besides its flags"}
	case *in == "" || *out == "":
		return usageError{"schedule needs --instance and --out"}
	}
	inst, err := readInstance(*in)
	if err != nil {
		return err
	}
	start := time.Now()
	sched := schedule.Solve(inst)
	elapsed := time.Since(start)
	if err := writeSchedule(*out, sched); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: weight %d, %d meetings, %d left out, %d ms\n",
		inst.Name, sched.Weight(inst), len(sched.Meetings), len(sched.LeftOut), elapsed.Milliseconds())
	return nil
}

// readInstance decodes and checks an instance file, naming what is wrong.
func readInstance(path string) (schedule.Instance, error) {
	var inst schedule.Instance
	data, err := os.ReadFile(path)
	if err != nil {
		return inst, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&inst); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			return inst, fmt.Errorf("%s: not JSON at byte %d: %w", path, syntax.Offset, err)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return inst, fmt.Errorf("%s: not JSON: it ends too early", path)
		case errors.As(err, &typ):
			return inst, fmt.Errorf("%s: field %s: a JSON %s where %s was expected", path, typ.Field, typ.Value, jsonKind(typ.Type.Kind()))
		}
		return inst, fmt.Errorf("%s: %w", path, err)
	}
	if err := inst.Check(); err != nil {
		return inst, fmt.Errorf("%s: %w", path, err)
	}
	return inst, nil
}

// jsonKind names what a Go kind is written as in JSON.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	default:
		return "a number"
	}
}
