package blobtest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"math/rand/v2"
)

// randomReader yields size pseudo-random bytes from a seed, generated as
// they are read. It deliberately implements only io.Reader, like a request
// body, so that Put cannot learn its length or seek it.
type randomReader struct {
	src       *rand.ChaCha8
	remaining int64
}

// NewRandomReader returns a reader of size pseudo-random bytes determined
// by seed, generated on the fly: a 200 MiB body costs no memory.
func NewRandomReader(seed uint64, size int64) io.Reader {
	var key [32]byte
	binary.LittleEndian.PutUint64(key[:], seed)
	return &randomReader{src: rand.NewChaCha8(key), remaining: size}
}

// Read implements io.Reader.
func (r *randomReader) Read(p []byte) (int, error) {
	if r.remaining <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.remaining {
		p = p[:r.remaining]
	}
	n, _ := r.src.Read(p) // ChaCha8.Read never fails
	r.remaining -= int64(n)
	return n, nil
}

// RandomSHA256 returns the hex SHA-256 of NewRandomReader(seed, size)'s
// bytes, computed by generating them again.
func RandomSHA256(seed uint64, size int64) string {
	_, sum := Digest(NewRandomReader(seed, size))
	return sum
}

// Digest reads r to the end and returns its length and hex SHA-256. A read
// error yields length -1.
func Digest(r io.Reader) (int64, string) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return -1, ""
	}
	return n, hex.EncodeToString(h.Sum(nil))
}

// readerOnly hides every method but Read (Seek, Len, WriteTo...), as a
// network body would.
type readerOnly struct{ r io.Reader }

func (o readerOnly) Read(p []byte) (int, error) { return o.r.Read(p) }
