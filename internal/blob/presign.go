package blob

import (
	"context"
	"fmt"
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
