package s3server

import (
	"fmt"
	"io"
	"os"

	"github.com/johannesboyne/gofakes3"
)

// spoolingBackend receives each PutObject body into a temporary file
// before handing it to the wrapped backend.
//
// s3afero writes a body straight into the object's file while holding its
// one lock, so (1) an upload cut short leaves a truncated object in place
// of the old one, and (2) one slow client blocks every other request. With
// the body complete on local disk first, the locked write cannot fail for
// network reasons and takes disk time only. The cost is writing each
// upload twice.
//
// The wrapped backend implements neither gofakes3.VersionedBackend nor
// gofakes3.MultipartBackend, so embedding the interface hides nothing.
type spoolingBackend struct {
	gofakes3.Backend
	dir string // for temporary files, outside the buckets
}

// PutObject implements gofakes3.Backend.
func (b spoolingBackend) PutObject(bucket, key string, meta map[string]string, input io.Reader, size int64,
	conditions *gofakes3.PutConditions,
) (gofakes3.PutObjectResult, error) {
	f, err := os.CreateTemp(b.dir, "put-*")
	if err != nil {
		return gofakes3.PutObjectResult{}, err
	}
	defer func() {
		_ = f.Close()
		_ = os.Remove(f.Name())
	}()
	n, err := io.Copy(f, input)
	if err != nil {
		return gofakes3.PutObjectResult{}, fmt.Errorf("receive body: %w", err)
	}
	if n != size {
		return gofakes3.PutObjectResult{}, fmt.Errorf("receive body: got %d bytes, expected %d", n, size)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return gofakes3.PutObjectResult{}, err
	}
	return b.Backend.PutObject(bucket, key, meta, f, size, conditions)
}
