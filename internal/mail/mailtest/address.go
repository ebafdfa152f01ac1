package mailtest

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

// UniqueAddress returns an address that no other test uses: the test's
// name, for reading Mailpit's UI, plus random bytes. The .test top-level
// domain is reserved (RFC 2606), so nothing can ever be delivered there.
func UniqueAddress(tb testing.TB) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return '-'
	}, tb.Name())
	if len(name) > 40 {
		name = name[:40]
	}
	return strings.Trim(name, "-") + "-" + hex.EncodeToString(b[:]) + "@mailtest.passerelle.test"
}
