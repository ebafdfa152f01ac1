// Package ocdstest validates OCDS output in tests against the OCDS 1.1
// release package constraints restated in release-package-1.1.schema.json
// and asserts the required fields one by one (required.go; see README.md:
// the official schema files are not reachable from here).
package ocdstest

import (
	"bytes"
	_ "embed"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed release-package-1.1.schema.json
var schemaJSON []byte

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	if err := c.AddResource("release-package.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("release-package.json")
})

// Check returns why raw is not a valid release package, or nil.
func Check(raw []byte) error {
	s, err := compiled()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// Valid fails the test when raw is not a valid release package: against
// the schema, and field by field for the required ones (CheckRequired).
func Valid(tb testing.TB, raw []byte) {
	tb.Helper()
	if err := Check(raw); err != nil {
		tb.Fatalf("not a valid OCDS 1.1 release package: %v\n%s", err, raw)
	}
	if err := CheckRequired(raw); err != nil {
		tb.Fatalf("OCDS 1.1 required fields missing: %v\n%s", err, raw)
	}
}
