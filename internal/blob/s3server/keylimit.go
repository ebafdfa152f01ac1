package s3server

import (
	"net/http"
	"strings"
)

// MaxKeyLength is the longest object key the embedded server stores, in
// bytes: far below S3's 1024.
//
// gofakes3's filesystem backend keeps each object's metadata in one file
// named after the whole key ('/' replaced) plus a 33-byte hash suffix, and
// a file name has at most 255 bytes. A longer key used to write the object
// and then fail on its metadata with a 500, leaving a half-stored object.
const MaxKeyLength = 255 - 33

// limitKeyLength refuses uploads (PUT, POST) to keys over MaxKeyLength with
// S3's KeyTooLongError, before gofakes3 writes anything. Reads of such keys
// pass through: no such object can exist.
func limitKeyLength(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut || r.Method == http.MethodPost {
			// Path-style addressing: /bucket/key.
			_, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
			if len(key) > MaxKeyLength {
				writeError(w, http.StatusBadRequest, "KeyTooLongError", "Your key is too long")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
