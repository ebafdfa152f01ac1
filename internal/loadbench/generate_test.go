package loadbench_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"passerelle/internal/core"
	"passerelle/internal/loadbench"
	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestGenerateFillsWhatTheProductReads: a small volume passes every
// constraint of the schema (COPY checks them) and is what the product
// shows: published offers and tenders with one original text each, open
// tenders with a lot, organisations the store reads whole; the mix finds
// its targets in it.
func TestGenerateFillsWhatTheProductReads(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	data := filepath.Dir(sharedData(t, "nace_rev2_1_multilingual.csv"))
	src := loadbench.Sources{
		CPV: filepath.Join(data, "cpv_2008_multilingual.csv"), NACE: filepath.Join(data, "nace_rev2_1_multilingual.csv"),
		NUTS: filepath.Join(data, "nuts_grande_region.csv"), Corpus: testsharedBench(t),
	}
	voc, err := loadbench.ReadVocabulary(src)
	if err != nil {
		t.Fatal(err)
	}
	db := storetest.New(t)
	f, err := os.Open(src.NUTS)
	if err != nil {
		t.Fatal(err)
	}
	regions, err := taxonomy.ReadNUTS(f)
	_ = f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.ImportNUTS(ctx, db.Store, regions); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, db.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	v := loadbench.Volume{Organisations: 50, Offers: 400, Tenders: 30}
	if err := loadbench.Generate(ctx, conn, voc, v, 7, time.Now()); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for name, sql := range map[string]string{
		"organisations":          `SELECT count(*) FROM organisations`,
		"offers":                 `SELECT count(*) FROM offers WHERE state = 'published'`,
		"offers with 1 original": `SELECT count(*) FROM offers o WHERE (SELECT count(*) FROM offer_texts x WHERE x.offer_id = o.id AND x.is_original) = 1`,
		"offers of suppliers":    `SELECT count(*) FROM offers o JOIN organisations g ON g.id = o.organisation_id WHERE g.kind = 'sse_supplier'`,
		"tenders":                `SELECT count(*) FROM tenders WHERE state = 'published' AND responses_deadline > now()`,
		"tenders with 1 lot":     `SELECT count(*) FROM tenders t WHERE (SELECT count(*) FROM tender_lots l WHERE l.tender_id = t.id) = 1`,
		"tenders of buyers":      `SELECT count(*) FROM tenders t JOIN organisations g ON g.id = t.organisation_id WHERE g.kind IN ('public_buyer', 'private_buyer')`,
		"languages":              `SELECT count(DISTINCT original_language) FROM offers`,
	} {
		var n int
		if err := conn.QueryRow(ctx, sql).Scan(&n); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		counts[name] = n
	}
	for name, want := range map[string]int{"organisations": 50, "offers": 400, "offers with 1 original": 400, "offers of suppliers": 400,
		"tenders": 30, "tenders with 1 lot": 30, "tenders of buyers": 30} {
		if counts[name] != want {
			t.Errorf("%s: %d, want %d", name, counts[name], want)
		}
	}
	if counts["languages"] < 3 {
		t.Errorf("the offers are written in %d languages", counts["languages"])
	}
	var id string
	if err := conn.QueryRow(ctx, `SELECT organisation_id::text FROM offers LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	org, err := db.Store.GetOrganisation(ctx, id)
	if err != nil || len(org.Descriptions) == 0 || org.NUTS3 == "" || org.Location == nil {
		t.Fatalf("the store reads the generated organisation as %+v: %v", org, err)
	}
	targets, err := loadbench.ReadTargets(ctx, conn, 100)
	if err == nil || len(targets.Tenders) != 30 || len(targets.Offers) != 100 {
		// No demo account: ReadTargets says so, after reading the rest.
		t.Fatalf("targets: %d tenders, %d offers, error %v", len(targets.Tenders), len(targets.Offers), err)
	}
}
