package blob_test

import (
	"context"
	"testing"
	"time"

	"passerelle/internal/blob/blobtest"
	"passerelle/internal/blob/s3server"
)

// startEmbedded starts the embedded S3 server on a temporary directory for
// the test's duration and returns its endpoint.
func startEmbedded(t *testing.T) string {
	t.Helper()
	srv, err := s3server.Start(t.Context(), s3server.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("s3server.Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Close(ctx); err != nil {
			t.Errorf("s3server.Close: %v", err)
		}
	})
	return srv.Endpoint()
}

func TestEmbeddedConformance(t *testing.T) {
	// gofakes3 accepts any credentials; these only have to be non-empty.
	blobtest.Run(t, storeFactory(startEmbedded(t), "embedded", "embedded-secret"))
}
