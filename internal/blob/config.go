package blob

import (
	"errors"
	"os"
)

// defaultRegion is used when Config.Region is empty: S3-compatible servers
// ignore the region but SigV4 needs one in its credential scope.
const defaultRegion = "us-east-1"

// Config tells New where the bucket lives and how to reach it.
type Config struct {
	// Endpoint is the base URL of the S3 API, e.g. "http://127.0.0.1:9000".
	// Empty means the AWS endpoint resolved from Region.
	Endpoint string
	// Region is the SigV4 signing region; empty means "us-east-1".
	Region string
	// Bucket holds every object of this Store. Required.
	Bucket string
	// AccessKey and SecretKey are static credentials.
	AccessKey string
	SecretKey string
	// UsePathStyle addresses the bucket as /bucket/key instead of
	// bucket.host/key: required by most self-hosted servers (and with
	// "localhost", where the SDK would otherwise dial bucket.localhost).
	UsePathStyle bool
	// CreateBucket makes New create the bucket when it does not exist yet.
	CreateBucket bool
	// TempDir is where uploads of unknown length are spooled before they
	// are sent; empty means os.TempDir().
	TempDir string
}

func (c Config) withDefaults() (Config, error) {
	if c.Bucket == "" {
		return c, errors.New("blob: config: bucket is required")
	}
	if c.Region == "" {
		c.Region = defaultRegion
	}
	if c.TempDir == "" {
		c.TempDir = os.TempDir()
	}
	return c, nil
}
