package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	h, err := HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("unexpected hash format %q", h)
	}
	if err := CheckPassword(h, "correct horse battery staple"); err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if err := CheckPassword(h, "correct horse battery stapl"); !errors.Is(err, ErrMismatch) {
		t.Fatalf("wrong password: got %v", err)
	}
	h2, _ := HashPassword("correct horse battery staple")
	if h2 == h {
		t.Fatal("two hashes of one password must differ (salt)")
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"} {
		if err := CheckPassword(bad, "x"); err == nil || errors.Is(err, ErrMismatch) {
			t.Errorf("malformed hash %q: got %v", bad, err)
		}
	}
	BurnTime("anything") // must not panic on the dummy hash
}

func TestPasswordPolicy(t *testing.T) {
	p := NewPasswordPolicy()
	cases := []struct {
		password string
		inputs   []string
		want     string
	}{
		{"short", nil, PasswordTooShort},
		{"élève-ça-va", nil, PasswordTooShort}, // 11 characters, more bytes
		{"123456789012", nil, PasswordGuessable},
		{"1234567890", nil, PasswordTooShort},
		{"Iloveyou1234", nil, PasswordCommon},
		{"qwertyuiopas", nil, PasswordGuessable},
		{"password2024!", nil, PasswordCommon},
		{"aaaaaaaaaaaaaaaa", nil, PasswordGuessable},
		{"marie.dupont@atelier.fr", []string{"marie.dupont@atelier.fr"}, PasswordGuessable},
		{strings.Repeat("x", 300), nil, PasswordTooLong},
		{"Tulipes-Ardoise-Moselle-42", nil, ""},
		{"correct horse battery staple", nil, ""},
	}
	for _, c := range cases {
		if got := p.Check(c.password, c.inputs...); got != c.want {
			t.Errorf("%q: got %q, want %q", c.password, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) != 43 {
		t.Fatalf("tokens %q %q", a, b)
	}
	if len(HashToken(a)) != 32 || string(HashToken(a)) == string(HashToken(b)) {
		t.Fatal("hashes")
	}
}
