package auth

import (
	"strings"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/frequency"
)

// MinPasswordLength is the shortest password accepted, in characters.
const MinPasswordLength = 12

// maxPasswordBytes bounds the work argon2 does on hostile input.
const maxPasswordBytes = 256

// PasswordPolicy judges new passwords: long enough, not a common password,
// not guessable from the account's own details.
type PasswordPolicy struct {
	common map[string]struct{}
}

// NewPasswordPolicy loads the list of common passwords (the 30,000 most
// frequent from zxcvbn's leaked-password corpus).
func NewPasswordPolicy() *PasswordPolicy {
	list := frequency.FrequencyLists["passwords"]
	common := make(map[string]struct{}, len(list))
	for _, p := range list {
		common[strings.ToLower(p)] = struct{}{}
	}
	return &PasswordPolicy{common: common}
}

// Problem codes returned by Check; the API localizes them.
const (
	PasswordTooShort  = "password_too_short"
	PasswordTooLong   = "password_too_long"
	PasswordCommon    = "password_common"
	PasswordGuessable = "password_guessable"
)

// Check returns "" for an acceptable password, else a problem code.
// userInputs (email, name) make passwords built from them guessable.
func (p *PasswordPolicy) Check(password string, userInputs ...string) string {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return PasswordTooShort
	}
	if len(password) > maxPasswordBytes {
		return PasswordTooLong
	}
	lower := strings.ToLower(password)
	if _, ok := p.common[lower]; ok {
		return PasswordCommon
	}
	if _, ok := p.common[strings.TrimRight(lower, "0123456789!?.*#@$%&-_ ")]; ok && len(lower) < 16 {
		return PasswordCommon // "password2024!" is still "password"
	}
	var inputs []string
	for _, in := range userInputs {
		in = strings.ToLower(in)
		local, _, _ := strings.Cut(in, "@")
		if len(local) >= 4 && strings.Contains(lower, local) {
			return PasswordGuessable // built on the account's own email or name
		}
		inputs = append(inputs, strings.FieldsFunc(in, func(r rune) bool { return r == '@' || r == '.' || r == ' ' })...)
	}
	if zxcvbn.PasswordStrength(password, inputs).Score < 3 {
		return PasswordGuessable
	}
	return ""
}
