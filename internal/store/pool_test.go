package store_test

import (
	"strings"
	"testing"
	"time"

	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// Opening a connection is bounded unless the URL says otherwise: a server
// that does not answer must not hold requests until the TCP timeout.
func TestOpenBoundsConnecting(t *testing.T) {
	db := storetest.New(t)
	for _, c := range []struct {
		url  string
		want time.Duration
	}{
		{db.URL, store.DefaultConnectTimeout},
		{db.URL + sep(db.URL) + "connect_timeout=2", 2 * time.Second},
	} {
		st, err := store.Open(t.Context(), c.url, store.Options{MaxConns: 2})
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Pool().Config().ConnConfig.ConnectTimeout; got != c.want {
			t.Errorf("connect timeout %s, want %s", got, c.want)
		}
		st.Close()
	}
}

func sep(url string) string {
	if strings.Contains(url, "?") {
		return "&"
	}
	return "?"
}
