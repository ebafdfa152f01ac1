package blob

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const (
	// MinPresignExpiry is the shortest lifetime of a presigned URL.
	MinPresignExpiry = time.Second
	// MaxPresignExpiry is the longest lifetime SigV4 allows (7 days).
	MaxPresignExpiry = 7 * 24 * time.Hour
)

// PresignGet returns a URL that downloads the object under key with a
// plain GET until expiry has passed. It does not check that the object
// exists. Call it only after the caller's authorization has been checked.
func (s *Store) PresignGet(ctx context.Context, key string, expiry time.Duration) (string, error) {
	if err := checkPresign(key, expiry); err != nil {
		return "", err
	}
	req, err := s.presign.PresignGetObject(ctx,
		&s3.GetObjectInput{Bucket: &s.bucket, Key: &key},
		s3.WithPresignExpires(expiry))
	if err != nil {
		return "", fmt.Errorf("blob: presign get %q: %w", key, err)
	}
	return req.URL, nil
}

// PresignPut returns a URL that uploads to key with a plain PUT until
// expiry has passed. The Content-Type header is signed: the uploader must
// send exactly contentType (or no Content-Type if it is empty).
func (s *Store) PresignPut(ctx context.Context, key, contentType string, expiry time.Duration) (string, error) {
	if err := checkPresign(key, expiry); err != nil {
		return "", err
	}
	in := &s3.PutObjectInput{Bucket: &s.bucket, Key: &key}
	if contentType != "" {
		in.ContentType = &contentType
	}
	req, err := s.presign.PresignPutObject(ctx, in, s3.WithPresignExpires(expiry))
	if err != nil {
		return "", fmt.Errorf("blob: presign put %q: %w", key, err)
	}
	return req.URL, nil
}

// checkPresign rejects, rather than clamps, an expiry out of bounds: a URL
// living longer or shorter than asked would be a silent surprise.
func checkPresign(key string, expiry time.Duration) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	if expiry < MinPresignExpiry || expiry > MaxPresignExpiry {
		return fmt.Errorf("%w: %v not within %v..%v", ErrInvalidExpiry, expiry, MinPresignExpiry, MaxPresignExpiry)
	}
	return nil
}

// Download says how a presigned download is served, whatever the object's
// stored metadata: with this media type and Content-Disposition (the
// S3 response-content-type and response-content-disposition overrides,
// which are signed with the URL).
type Download struct {
	// ContentType is the media type the browser is told.
	ContentType string
	// Disposition is a whole Content-Disposition value; see
	// ContentDisposition.
	Disposition string
}

// PresignDownload is PresignGet with the response's type and disposition
// fixed by the signature.
func (s *Store) PresignDownload(ctx context.Context, key string, expiry time.Duration, d Download) (string, error) {
	if err := checkPresign(key, expiry); err != nil {
		return "", err
	}
	in := &s3.GetObjectInput{Bucket: &s.bucket, Key: &key}
	if d.ContentType != "" {
		in.ResponseContentType = &d.ContentType
	}
	if d.Disposition != "" {
		in.ResponseContentDisposition = &d.Disposition
	}
	req, err := s.presign.PresignGetObject(ctx, in, s3.WithPresignExpires(expiry))
	if err != nil {
		return "", fmt.Errorf("blob: presign download %q: %w", key, err)
	}
	return req.URL, nil
}

// ContentDisposition returns "inline" or "attachment" with filename, safe
// to send as a header whatever the name holds: control characters (CR,
// LF) are dropped, path separators are dropped too, quotes escaped, and a name that is
// not plain ASCII goes in filename* (RFC 6266/5987).
func ContentDisposition(inline bool, filename string) string {
	kind := "attachment"
	if inline {
		kind = "inline"
	}
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, filename)
	if name == "" {
		return kind
	}
	if v := mime.FormatMediaType(kind, map[string]string{"filename": name}); v != "" {
		return v
	}
	return kind
}
