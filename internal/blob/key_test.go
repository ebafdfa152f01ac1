package blob

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateKey(t *testing.T) {
	valid := []string{
		"a",
		"org/0192f4e2-7c1a-7b3e-9a43-0c2f1d6e8a11/logo.png",
		"dossiers/été 2025/offre (1).pdf",
		"a..b/c.d/..e",
		strings.Repeat("s", MaxSegmentLength) + "/x",
		strings.Repeat(strings.Repeat("k", 254)+"/", 4) + strings.Repeat("e", 4), // 1024 bytes
	}
	for _, key := range valid {
		if err := ValidateKey(key); err != nil {
			t.Errorf("ValidateKey(%.40q): %v, want nil", key, err)
		}
	}
	invalid := []string{
		"", "/a", "a/", "a//b", ".", "..", "a/./b", "a/../b", "../a", "a/..",
		"tab\there", "del\x7f", "bad\xffutf8",
		strings.Repeat("k", MaxKeyLength+1),
		strings.Repeat("s", MaxSegmentLength+1),
	}
	for _, key := range invalid {
		if err := ValidateKey(key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("ValidateKey(%.40q): %v, want ErrInvalidKey", key, err)
		}
	}
}

func TestReadUpTo(t *testing.T) {
	for _, c := range []struct {
		size, limit int
		wantFull    bool
	}{
		{0, 10, false},
		{5, 10, false},
		{10, 10, true},
		{11, 10, true},
		{200 << 10, 1 << 20, false}, // grows past the initial 64 KiB
		{3 << 20, 1 << 20, true},
	} {
		body := strings.Repeat("x", c.size)
		buf, full, err := readUpTo(strings.NewReader(body), c.limit)
		wantLen := min(c.size, c.limit)
		if err != nil || full != c.wantFull || len(buf) != wantLen || cap(buf) > c.limit {
			t.Errorf("readUpTo(%d bytes, limit %d) = %d bytes (cap %d), full %v, %v; want %d bytes, full %v",
				c.size, c.limit, len(buf), cap(buf), full, err, wantLen, c.wantFull)
		}
	}
}
