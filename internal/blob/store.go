package blob

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// Store reads and writes the objects of one bucket. It is safe for
// concurrent use.
type Store struct {
	client   *s3.Client
	presign  *s3.PresignClient
	bucket   string
	tempDir  string
	pageSize int32 // ListObjectsV2 MaxKeys; 0 lets the server choose (1000)
}

// New connects to the bucket described by cfg, creating the bucket first
// when cfg.CreateBucket is set. It makes no request otherwise: use Ping to
// check that the bucket is reachable.
func New(ctx context.Context, cfg Config) (*Store, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	client := s3.New(s3.Options{
		Region:       cfg.Region,
		Credentials:  credentials.NewStaticCredentialsProvider(cfg.AccessKey, cfg.SecretKey, ""),
		BaseEndpoint: optionalString(cfg.Endpoint),
		UsePathStyle: cfg.UsePathStyle,
		// The SDK's default flexible checksums send aws-chunked bodies with a
		// trailer that some servers (gofakes3) store as object data; checksums
		// only when an operation requires them keep bodies plain everywhere.
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	})
	s := &Store{
		client:  client,
		presign: s3.NewPresignClient(client),
		bucket:  cfg.Bucket,
		tempDir: cfg.TempDir,
	}
	if cfg.CreateBucket {
		if err := s.ensureBucket(ctx, cfg.Region); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// WithListPageSize returns a Store sharing s's client whose List asks for n
// keys per ListObjectsV2 page (n <= 0: the server's default, 1000). Callers
// rarely need it; tests use it to exercise pagination with few objects.
func (s *Store) WithListPageSize(n int) *Store {
	c := *s
	c.pageSize = int32(max(0, min(n, 1000)))
	return &c
}

// Bucket returns the name of the bucket the Store works in.
func (s *Store) Bucket() string { return s.bucket }

// Ping checks that the bucket exists and the credentials reach it (HeadBucket).
func (s *Store) Ping(ctx context.Context) error {
	if _, err := s.client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: &s.bucket}); err != nil {
		return fmt.Errorf("blob: ping bucket %q: %w", s.bucket, err)
	}
	return nil
}

// ensureBucket creates the bucket unless it exists. It is idempotent and
// tolerates another instance creating the bucket at the same time.
func (s *Store) ensureBucket(ctx context.Context, region string) error {
	if _, err := s.client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: &s.bucket}); err == nil {
		return nil
	}
	in := &s3.CreateBucketInput{Bucket: &s.bucket}
	// us-east-1 is the one region that must not be named as a location.
	if region != defaultRegion {
		in.CreateBucketConfiguration = &types.CreateBucketConfiguration{
			LocationConstraint: types.BucketLocationConstraint(region),
		}
	}
	_, err := s.client.CreateBucket(ctx, in)
	if err == nil {
		return nil
	}
	if !isBucketAlreadyMine(err) {
		return fmt.Errorf("blob: create bucket %q: %w", s.bucket, err)
	}
	// BucketAlreadyExists may also mean someone else's bucket: make sure
	// ours is usable before reporting success.
	if err := s.Ping(ctx); err != nil {
		return fmt.Errorf("blob: bucket %q exists but is not usable: %w", s.bucket, err)
	}
	return nil
}

func optionalString(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}
