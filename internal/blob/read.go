package blob

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Get opens the object under key for reading; the caller must close the
// reader. The body is streamed from the server, not buffered.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, Object, error) {
	if err := ValidateKey(key); err != nil {
		return nil, Object{}, err
	}
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: &s.bucket, Key: &key})
	if err != nil {
		return nil, Object{}, wrapKeyErr("get", key, err)
	}
	return out.Body, Object{
		Key:          key,
		Size:         aws.ToInt64(out.ContentLength),
		ContentType:  aws.ToString(out.ContentType),
		ETag:         trimETag(aws.ToString(out.ETag)),
		LastModified: aws.ToTime(out.LastModified).UTC(),
	}, nil
}

// Stat describes the object under key without reading it (HeadObject).
func (s *Store) Stat(ctx context.Context, key string) (Object, error) {
	if err := ValidateKey(key); err != nil {
		return Object{}, err
	}
	out, err := s.client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &s.bucket, Key: &key})
	if err != nil {
		return Object{}, wrapKeyErr("stat", key, err)
	}
	return Object{
		Key:          key,
		Size:         aws.ToInt64(out.ContentLength),
		ContentType:  aws.ToString(out.ContentType),
		ETag:         trimETag(aws.ToString(out.ETag)),
		LastModified: aws.ToTime(out.LastModified).UTC(),
	}, nil
}

// Delete removes the object under key. Deleting a missing key succeeds, as
// in S3, so that retries and concurrent deletes are harmless.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	_, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &s.bucket, Key: &key})
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("blob: delete %q: %w", key, err)
	}
	return nil
}

// List returns every object whose key starts with prefix (all of them for
// an empty prefix), sorted by key, following ListObjectsV2 pages to the end.
// It is meant for bounded sets such as one owner's files; ContentType is
// left empty since listings do not carry it.
func (s *Store) List(ctx context.Context, prefix string) ([]Object, error) {
	if err := validatePrefix(prefix); err != nil {
		return nil, err
	}
	in := &s3.ListObjectsV2Input{Bucket: &s.bucket}
	if prefix != "" {
		in.Prefix = &prefix
	}
	if s.pageSize > 0 {
		in.MaxKeys = &s.pageSize
	}
	objs := []Object{}
	pages := s3.NewListObjectsV2Paginator(s.client, in)
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("blob: list %q: %w", prefix, err)
		}
		for _, o := range page.Contents {
			objs = append(objs, Object{
				Key:          aws.ToString(o.Key),
				Size:         aws.ToInt64(o.Size),
				ETag:         trimETag(aws.ToString(o.ETag)),
				LastModified: aws.ToTime(o.LastModified).UTC(),
			})
		}
	}
	// S3 lists in key order, but filesystem-backed servers walk directories
	// ("a/b" before "a-c"): sort so every backend answers the same.
	slices.SortFunc(objs, func(a, b Object) int { return strings.Compare(a.Key, b.Key) })
	return objs, nil
}

// wrapKeyErr names the operation and key, and turns the server's "no such
// key" into ErrNotFound.
func wrapKeyErr(op, key string, err error) error {
	if isNotFound(err) {
		return fmt.Errorf("blob: %s %q: %w (%w)", op, key, ErrNotFound, err)
	}
	return fmt.Errorf("blob: %s %q: %w", op, key, err)
}
