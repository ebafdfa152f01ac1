package api

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/blob/s3server"
)

// newObjects starts the embedded S3 server for one test and returns a
// store on it.
func newObjects(t *testing.T) *blob.Store {
	t.Helper()
	srv, err := s3server.Start(t.Context(), s3server.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("s3server.Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Close(ctx)
	})
	objects, err := blob.New(t.Context(), blob.Config{
		Endpoint: srv.Endpoint(), Bucket: "api-test", AccessKey: "test", SecretKey: "test-secret",
		UsePathStyle: true, CreateBucket: true, TempDir: t.TempDir(),
	})
	if err != nil {
		t.Fatalf("blob.New: %v", err)
	}
	return objects
}
