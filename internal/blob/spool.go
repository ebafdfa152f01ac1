package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// firstChunkSize is how much of a body of unknown length Put keeps in
// memory; longer bodies go to a temporary file.
const firstChunkSize = 8 << 20

// readUpTo reads r until EOF or until it holds limit bytes; full reports the
// latter (r may then have more). The buffer grows by doubling from 64 KiB,
// so small bodies never cost a whole chunk.
func readUpTo(r io.Reader, limit int) (buf []byte, full bool, err error) {
	buf = make([]byte, 0, min(limit, 64<<10))
	for {
		if len(buf) == cap(buf) {
			if len(buf) == limit {
				return buf, true, nil
			}
			grown := make([]byte, len(buf), min(2*cap(buf), limit))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, false, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}

// spooled is a body written to a temporary file, rewound for reading.
type spooled struct {
	file   *os.File
	size   int64
	sha256 string
}

// spool writes head and then the rest of r to a new temporary file in dir,
// hashing as it goes. It fails with ErrTooLarge as soon as the total passes
// limit, without reading further.
func spool(dir string, head []byte, r io.Reader, limit int64) (_ *spooled, err error) {
	f, err := os.CreateTemp(dir, "blob-put-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	sp := &spooled{file: f}
	defer func() {
		if err != nil {
			sp.close()
		}
	}()
	h := sha256.New()
	w := io.MultiWriter(f, h)
	if _, err := w.Write(head); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	rest := limit - int64(len(head))
	n, err := io.Copy(w, io.LimitReader(r, rest+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if n > rest {
		return nil, tooLarge(limit)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	sp.size = int64(len(head)) + n
	sp.sha256 = hex.EncodeToString(h.Sum(nil))
	return sp, nil
}

// close closes and removes the temporary file; errors are of no use to the
// caller since the upload already succeeded or failed.
func (sp *spooled) close() {
	_ = sp.file.Close()
	_ = os.Remove(sp.file.Name())
}
