package domain

import (
	"errors"
	"testing"
)

func TestValidationErrorErr(t *testing.T) {
	var v ValidationError
	if v.Err() != nil {
		t.Fatal("empty validation error must be nil")
	}
	v.Add("body.email", "required", "email is required")
	v.Add("body.name", "too_long", "name is too long")
	err := v.Err()
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 2 {
		t.Fatalf("got %v", err)
	}
	if got, want := err.Error(), "invalid input: body.email: email is required; body.name: name is too long"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

func TestEnums(t *testing.T) {
	for _, k := range []OrganisationKind{OrgSSESupplier, OrgPublicBuyer, OrgPrivateBuyer, OrgCluster} {
		if !k.Valid() {
			t.Errorf("%s must be valid", k)
		}
	}
	if OrganisationKind("buyer").Valid() || Language("it").Valid() {
		t.Error("unknown values must be invalid")
	}
	for _, l := range Languages {
		if !l.Valid() {
			t.Errorf("%s must be valid", l)
		}
	}
}
