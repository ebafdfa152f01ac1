package s3server

import (
	"net/http"
	"strconv"
	"time"
)

// maxPresignSeconds is SigV4's longest presigned lifetime (7 days).
const maxPresignSeconds = 7 * 24 * 60 * 60

// expirePresigned rejects presigned requests (X-Amz-Date and X-Amz-Expires
// in the query) whose lifetime is over, as S3 does.
//
// gofakes3 checks neither signatures nor expiry. Signatures are moot on a
// loopback-only server (see the package comment), but an expiry that is
// not enforced would let the embedded mode and tests pass with URLs that a
// real S3 refuses: this keeps the shared conformance suite honest.
func expirePresigned(next http.Handler, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		dateParam, expiresParam := q.Get("X-Amz-Date"), q.Get("X-Amz-Expires")
		if dateParam == "" && expiresParam == "" {
			next.ServeHTTP(w, r)
			return
		}
		signed, err := time.Parse("20060102T150405Z", dateParam)
		seconds, err2 := strconv.Atoi(expiresParam)
		if err != nil || err2 != nil || seconds < 0 || seconds > maxPresignSeconds {
			writeError(w, http.StatusBadRequest, "AuthorizationQueryParametersError",
				"X-Amz-Date or X-Amz-Expires is malformed")
			return
		}
		if now().After(signed.Add(time.Duration(seconds) * time.Second)) {
			writeError(w, http.StatusForbidden, "AccessDenied", "Request has expired")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeError answers with an S3 error document.
func writeError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<Error><Code>" + code +
		"</Code><Message>" + message + "</Message></Error>"))
}
