package blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// MaxPutSize is the largest object Put stores: the limit of one PutObject.
const MaxPutSize int64 = 5 << 30

// defaultContentType is stored when PutOptions.ContentType is empty, so that
// every server reports the same type (S3 would say binary/octet-stream).
const defaultContentType = "application/octet-stream"

// Put stores body under key, replacing any object there, and returns what
// was stored. The object appears whole or not at all: on error nothing new
// is visible under key.
//
// Every body is read into memory up to 8 MiB, or spooled to a temporary
// file in Config.TempDir (removed afterwards) when longer, then sent as one
// PutObject with its length and its SHA-256 signed: the server checks what
// it receives against that hash, so an interrupted upload never replaces an
// object. (Streaming a body of known length unsigned was tried: versitygw
// stored the truncated part of an aborted upload in place of the old
// object.) A body of known length (opts.Size >= 0) must be exactly that
// long, else Put fails and stores nothing.
//
// Why not a multipart upload: the embedded gofakes3 server keeps multipart
// parts in memory until completion, while a PutObject of known length
// streams to disk on every S3 server. Spooling also tells the size (and
// MaxSize) before the object exists.
func (s *Store) Put(ctx context.Context, key string, body io.Reader, opts PutOptions) (Object, error) {
	if err := ValidateKey(key); err != nil {
		return Object{}, err
	}
	limit := MaxPutSize
	if opts.MaxSize > 0 && opts.MaxSize < limit {
		limit = opts.MaxSize
	}
	contentType := opts.ContentType
	if contentType == "" {
		contentType = defaultContentType
	}
	var (
		obj Object
		err error
	)
	switch {
	case opts.Size > limit:
		err = tooLarge(limit)
	case opts.Size == 0:
		obj, err = s.putEmpty(ctx, key, contentType, body)
	default:
		obj, err = s.putBuffered(ctx, key, contentType, body, limit, opts.Size)
	}
	if err != nil {
		return Object{}, fmt.Errorf("blob: put %q: %w", key, err)
	}
	return obj, nil
}

// putEmpty stores an empty object, after checking that the body is empty:
// Size's zero value must not silently store nothing from a forgotten Size.
func (s *Store) putEmpty(ctx context.Context, key, contentType string, body io.Reader) (Object, error) {
	if body != nil {
		var probe [1]byte
		n, err := io.ReadFull(body, probe[:])
		if n > 0 {
			return Object{}, errors.New("body has data but PutOptions.Size is 0 (use -1 for unknown length)")
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return Object{}, fmt.Errorf("read body: %w", err)
		}
	}
	return s.putObject(ctx, key, contentType, bytes.NewReader(nil), 0, sha256Hex(nil))
}

// putBuffered buffers or spools the body (see Put); declared is its
// announced length, or < 0 when unknown.
func (s *Store) putBuffered(ctx context.Context, key, contentType string, body io.Reader, limit, declared int64) (Object, error) {
	if declared >= 0 {
		// Read one byte past the declared length to catch a longer body.
		body = io.LimitReader(body, declared+1)
	}
	chunk := int64(firstChunkSize)
	if limit < chunk {
		chunk = limit + 1 // one byte over the limit is enough to reject
	}
	buf, full, err := readUpTo(body, int(chunk))
	if err != nil {
		return Object{}, fmt.Errorf("read body: %w", err)
	}
	if int64(len(buf)) > limit {
		return Object{}, tooLarge(limit)
	}
	if !full {
		if err := checkDeclared(declared, int64(len(buf))); err != nil {
			return Object{}, err
		}
		return s.putObject(ctx, key, contentType, bytes.NewReader(buf), int64(len(buf)), sha256Hex(buf))
	}
	sp, err := spool(s.tempDir, buf, body, limit)
	if err != nil {
		return Object{}, err
	}
	defer sp.close()
	if err := checkDeclared(declared, sp.size); err != nil {
		return Object{}, err
	}
	// buf is dead from here on, so the collector may reclaim the first chunk
	// while the spooled file is sent.
	return s.putObject(ctx, key, contentType, sp.file, sp.size, sp.sha256)
}

// putObject sends one PutObject of size bytes. payloadHash is the body's
// hex SHA-256: it is signed, so the server checks the body against it.
func (s *Store) putObject(ctx context.Context, key, contentType string, body io.ReadSeeker, size int64, payloadHash string) (Object, error) {
	// body is a bytes.Reader or the spooled file: seekable, so the SDK can
	// rewind it to retry.
	out, err := s.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:        &s.bucket,
		Key:           &key,
		Body:          body,
		ContentLength: aws.Int64(size),
		ContentType:   &contentType,
	}, withPayloadHash(payloadHash))
	if err != nil {
		return Object{}, err
	}
	return Object{
		Key:          key,
		Size:         size,
		ContentType:  contentType,
		ETag:         trimETag(aws.ToString(out.ETag)),
		LastModified: responseDate(out.ResultMetadata),
	}, nil
}

// responseDate reads the server's Date header, a close stand-in for the
// Last-Modified that PutObject does not return (a HeadObject would cost a
// round trip and could see a later overwrite).
func responseDate(md middleware.Metadata) time.Time {
	if resp, ok := awsmiddleware.GetRawResponse(md).(*smithyhttp.Response); ok {
		if t, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
			return t.UTC()
		}
	}
	return time.Now().UTC().Truncate(time.Second)
}

func checkDeclared(declared, actual int64) error {
	if declared >= 0 && actual != declared {
		return fmt.Errorf("body length differs from PutOptions.Size %d (read %d bytes)", declared, actual)
	}
	return nil
}

func tooLarge(limit int64) error {
	if limit == MaxPutSize {
		return fmt.Errorf("%w: over %d bytes, the limit of a single PutObject", ErrTooLarge, limit)
	}
	return fmt.Errorf("%w: over the maximum of %d bytes", ErrTooLarge, limit)
}

func trimETag(etag string) string { return strings.Trim(etag, `"`) }

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
