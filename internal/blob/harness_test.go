package blob_test

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"passerelle/internal/blob"
)

// storeFactory returns a blobtest newStore function: every call makes a
// Store on a new bucket of the server at endpoint, spooling into a
// directory that must be empty again when the test ends.
func storeFactory(endpoint, accessKey, secretKey string) func(t *testing.T) *blob.Store {
	return func(t *testing.T) *blob.Store {
		t.Helper()
		return newStore(t, endpoint, accessKey, secretKey)
	}
}

// newStore makes a Store on a new bucket and checks on cleanup that no
// spool file was left behind.
func newStore(t *testing.T, endpoint, accessKey, secretKey string) *blob.Store {
	t.Helper()
	tempDir := t.TempDir()
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tempDir); len(left) > 0 {
			t.Errorf("spool files left in %s: %v", tempDir, left)
		}
	})
	var b [6]byte
	_, _ = rand.Read(b[:])
	s, err := blob.New(t.Context(), blob.Config{
		Endpoint:     endpoint,
		Bucket:       "passerelle-test-" + hex.EncodeToString(b[:]),
		AccessKey:    accessKey,
		SecretKey:    secretKey,
		UsePathStyle: true,
		CreateBucket: true,
		TempDir:      tempDir,
	})
	if err != nil {
		t.Fatalf("blob.New: %v", err)
	}
	return s
}
