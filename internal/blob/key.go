package blob

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// MaxKeyLength is the longest key S3 accepts, in bytes.
	MaxKeyLength = 1024
	// MaxSegmentLength is the longest '/'-separated part of a key, in
	// bytes: filesystem-backed servers store each part as a file name.
	MaxSegmentLength = 255
)

// ValidateKey reports (as ErrInvalidKey) a key that is empty, longer than
// MaxKeyLength bytes, not valid UTF-8, starts with '/', contains control
// characters, or has an empty, "." or ".." segment or one longer than
// MaxSegmentLength.
//
// S3 itself accepts most of these, but filesystem-backed servers (the
// embedded one, versitygw's posix backend) clean paths, so "a//b", "a/./b"
// and "a/b/" would alias other keys and ".." could escape the bucket. The
// embedded server also caps whole keys lower (s3server.MaxKeyLength): keep
// keys short, built from ids rather than user-supplied names.
func ValidateKey(key string) error {
	switch {
	case key == "":
		return fmt.Errorf("%w: empty", ErrInvalidKey)
	case len(key) > MaxKeyLength:
		return fmt.Errorf("%w: %d bytes, over %d", ErrInvalidKey, len(key), MaxKeyLength)
	case !utf8.ValidString(key):
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalidKey)
	case strings.HasPrefix(key, "/"):
		return fmt.Errorf("%w: %q starts with '/'", ErrInvalidKey, key)
	case strings.IndexFunc(key, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: %q contains a control character", ErrInvalidKey, key)
	}
	for seg := range strings.SplitSeq(key, "/") {
		switch seg {
		case "":
			return fmt.Errorf("%w: %q has an empty segment", ErrInvalidKey, key)
		case ".", "..":
			return fmt.Errorf("%w: %q has a %q segment", ErrInvalidKey, key, seg)
		}
		if len(seg) > MaxSegmentLength {
			return fmt.Errorf("%w: a segment of %d bytes, over %d", ErrInvalidKey, len(seg), MaxSegmentLength)
		}
	}
	return nil
}

// validatePrefix checks a List prefix: unlike a key it may be empty and end
// with '/', but the same byte rules apply.
func validatePrefix(prefix string) error {
	switch {
	case prefix == "":
		return nil
	case len(prefix) > MaxKeyLength:
		return fmt.Errorf("%w: prefix of %d bytes, over %d", ErrInvalidKey, len(prefix), MaxKeyLength)
	case !utf8.ValidString(prefix):
		return fmt.Errorf("%w: prefix not valid UTF-8", ErrInvalidKey)
	case strings.HasPrefix(prefix, "/"):
		return fmt.Errorf("%w: prefix %q starts with '/'", ErrInvalidKey, prefix)
	case strings.IndexFunc(prefix, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: prefix %q contains a control character", ErrInvalidKey, prefix)
	}
	return nil
}
