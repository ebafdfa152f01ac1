package core

import (
	"strconv"
	"strings"
	"testing"

	"passerelle/internal/auth"
	"passerelle/internal/domain"
)

// Every refusal of a password is explained in every language, and the
// minimum length is the policy's own in each of them.
func TestPasswordMessageInEveryLanguage(t *testing.T) {
	for _, code := range []string{auth.PasswordTooShort, auth.PasswordTooLong, auth.PasswordCommon, auth.PasswordGuessable} {
		msgs := passwordMessage(code)
		for _, l := range domain.Languages {
			if msgs[l] == "" || (l != domain.LangEN && msgs[l] == msgs[domain.LangEN]) {
				t.Errorf("%s in %s: %q", code, l, msgs[l])
			}
		}
	}
	short := passwordMessage(auth.PasswordTooShort)
	for _, l := range domain.Languages {
		if !strings.Contains(short[l], " "+strconv.Itoa(auth.MinPasswordLength)+" ") {
			t.Errorf("too short in %s does not name %d: %q", l, auth.MinPasswordLength, short[l])
		}
	}
	if short[domain.LangEN] != "the password must have at least "+strconv.Itoa(auth.MinPasswordLength)+" characters" {
		t.Errorf("the English has changed: %q", short[domain.LangEN])
	}
}
