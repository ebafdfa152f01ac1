package s3server

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestExpirePresigned(t *testing.T) {
	signed := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	now := signed.Add(10 * time.Second)
	h := expirePresigned(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	}), func() time.Time { return now })
	for _, c := range []struct {
		query string
		want  int
	}{
		{"", http.StatusOK}, // not presigned
		{"X-Amz-Date=20250301T120000Z&X-Amz-Expires=60", http.StatusOK}, // still valid
		{"X-Amz-Date=20250301T120000Z&X-Amz-Expires=10", http.StatusOK}, // last second
		{"X-Amz-Date=20250301T120000Z&X-Amz-Expires=9", http.StatusForbidden},
		{"X-Amz-Date=20250301T120000Z", http.StatusBadRequest},
		{"X-Amz-Date=yesterday&X-Amz-Expires=60", http.StatusBadRequest},
		{"X-Amz-Date=20250301T120000Z&X-Amz-Expires=604801", http.StatusBadRequest},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/bucket/key?"+c.query, nil))
		if rec.Code != c.want {
			t.Errorf("query %q: status %d, want %d", c.query, rec.Code, c.want)
		}
	}
}
