package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"

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

// TestOpenEncodesUUIDs: a store opened with Open sends uuid.UUID values,
// alone and in arrays, as the ids they are (its own encoding, uuidcodec.go),
// and reads them back the same; the nil UUID too.
func TestOpenEncodesUUIDs(t *testing.T) {
	db := storetest.New(t)
	st, err := store.Open(t.Context(), db.URL, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The store's plan is the one pgx picks (not driver.Valuer's text).
	conn, err := st.Pool().Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	plan := conn.Conn().TypeMap().PlanEncode(pgtype.UUIDOID, pgtype.BinaryFormatCode, uuid.UUID{})
	conn.Release()
	if got := fmt.Sprintf("%T", plan); got != "*store.uuidPlan" {
		t.Fatalf("pgx encodes uuid.UUID with %s, not the store's plan", got)
	}
	ids := []uuid.UUID{uuid.MustParse("01a21b12-f8aa-751d-afa1-d25862157e75"), uuid.Nil, uuid.New()}
	var texts []string
	if err := st.Pool().QueryRow(t.Context(), `SELECT array(SELECT x::text FROM unnest($1::uuid[]) AS x)`, ids).Scan(&texts); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if texts[i] != id.String() {
			t.Errorf("id %d sent as %s, want %s", i, texts[i], id)
		}
	}
	var one string
	var back uuid.UUID
	if err := st.Pool().QueryRow(t.Context(), `SELECT $1::uuid::text, $1::uuid`, ids[0]).Scan(&one, &back); err != nil {
		t.Fatal(err)
	}
	if one != ids[0].String() || back != ids[0] {
		t.Errorf("one id sent as %s, read back as %s", one, back)
	}
}
