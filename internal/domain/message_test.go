package domain

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestMsgWith(t *testing.T) {
	postcode := Msg{
		EN: "%q is not a postcode of %s",
		FR: "%[2]s : %[1]q n'est pas un code postal",
		DE: "%q ist keine Postleitzahl in %s",
		NL: "%q is geen postcode in %s",
	}
	want := map[Language]string{
		LangEN: `"5700" is not a postcode of FR`,
		LangFR: `FR : "5700" n'est pas un code postal`,
		LangDE: `"5700" ist keine Postleitzahl in FR`,
		LangNL: `"5700" is geen postcode in FR`,
	}
	if got := postcode.With("5700", "FR"); !reflect.DeepEqual(got, want) {
		t.Errorf("indexed arguments: got %q", got)
	}

	// A Msg argument is taken in the language being written.
	town := Msg{EN: "the town", FR: "la ville", DE: "der Ort", NL: "de plaats"}
	want = map[Language]string{
		LangEN: "the town must be at most 200 characters", LangFR: "la ville ne doit pas dépasser 200 caractères",
		LangDE: "der Ort darf höchstens 200 Zeichen lang sein", LangNL: "de plaats mag hoogstens 200 tekens lang zijn",
	}
	tooLong := Msg{
		EN: "%s must be at most %d characters", FR: "%s ne doit pas dépasser %d caractères",
		DE: "%s darf höchstens %d Zeichen lang sein", NL: "%s mag hoogstens %d tekens lang zijn",
	}
	if got := tooLong.With(town, 200); !reflect.DeepEqual(got, want) {
		t.Errorf("nested Msg: got %q", got)
	}

	// A missing translation falls back to English, never to "".
	partial := Msg{EN: "at most %d lines", FR: "%d lignes au maximum"}
	want = map[Language]string{LangEN: "at most 3 lines", LangFR: "3 lignes au maximum", LangDE: "at most 3 lines", LangNL: "at most 3 lines"}
	if got := partial.With(3); !reflect.DeepEqual(got, want) {
		t.Errorf("fallback: got %q", got)
	}

	// Without arguments the texts are taken literally.
	literal := Msg{EN: "100% sure", FR: "sûr à 100 %", DE: "100 % sicher", NL: "100% zeker"}
	if got := literal.With(); got[LangFR] != "sûr à 100 %" || got[LangEN] != "100% sure" {
		t.Errorf("literal: got %q", got)
	}
}

func TestMsgWrap(t *testing.T) {
	err := Msg{
		EN: "you are the last owner of %s", FR: "vous êtes le dernier propriétaire de %s",
		DE: "%s hätte ohne Sie keinen Inhaber mehr", NL: "u bent de laatste eigenaar van %s",
	}.Wrap(ErrConflict, "Atelier Nord")
	if !errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
		t.Errorf("%v must be a conflict and only that", err)
	}
	if got, want := err.Error(), "conflict: you are the last owner of Atelier Nord"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var le *LocalizedError
	if !errors.As(fmt.Errorf("erasing: %w", err), &le) || le.Messages[LangDE] != "Atelier Nord hätte ohne Sie keinen Inhaber mehr" {
		t.Errorf("wrapped further, the translations are still found: %+v", le)
	}
}

func TestMsgFill(t *testing.T) {
	what := Msg{EN: "a %s image", FR: "une image %s", DE: "ein %s-Bild", NL: "een %s-afbeelding"}.Fill("PNG")
	got := Msg{EN: "this file is %s", FR: "ce fichier est %s", DE: "diese Datei ist %s", NL: "dit bestand is %s"}.With(what)
	want := map[Language]string{
		LangEN: "this file is a PNG image", LangFR: "ce fichier est une image PNG",
		LangDE: "diese Datei ist ein PNG-Bild", LangNL: "dit bestand is een PNG-afbeelding",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("a filled Msg as an argument: got %q", got)
	}
}
