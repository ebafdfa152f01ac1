package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/internal/store/storetest"
	"passerelle/internal/taxonomy/taxonomytest"
)

func TestImportNUTSIsIdempotent(t *testing.T) {
	file := taxonomytest.DataFile(t, "nuts_grande_region.csv")
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL}
	importOK := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append([]string{"import-nuts"}, args...), env, &stdout, &stderr); code != 0 {
			t.Fatalf("import-nuts %v: exit %d\n%s", args, code, stderr.String())
		}
		return stdout.String()
	}
	count := func(where string) int {
		t.Helper()
		var n int
		if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM nuts_regions WHERE "+where).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	if out := importOK(file); !strings.Contains(out, "105 read, 105 added, 0 updated, 0 unchanged") {
		t.Fatalf("first import: %s", out)
	}
	if n := count("true"); n != 105 {
		t.Fatalf("%d rows, want 105", n)
	}
	if n := count("retired"); n != 6 {
		t.Fatalf("%d retired rows, want 6", n)
	}
	if out := importOK(file); !strings.Contains(out, "105 read, 0 added, 0 updated, 105 unchanged") {
		t.Fatalf("second import: %s", out)
	}
	if out := importOK("--if-empty", file); !strings.Contains(out, "already loaded") {
		t.Fatalf("--if-empty on a loaded table: %s", out)
	}
	var audits int
	if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM audit_log WHERE action = 'nuts_regions.imported'").Scan(&audits); err != nil || audits != 1 {
		t.Fatalf("%d audit entries (%v), want 1: only the import that changed something", audits, err)
	}

	// A changed name is updated in place; nothing else moves.
	changed := filepath.Join(t.TempDir(), "nuts.csv")
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, bytes.Replace(raw, []byte("FRF33,3,Moselle,"), []byte("FRF33,3,Moselle (57),"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := importOK(changed); !strings.Contains(out, "0 added, 1 updated, 104 unchanged") {
		t.Fatalf("changed import: %s", out)
	}
	if n := count("code = 'FRF33' AND name = 'Moselle (57)'"); n != 1 {
		t.Fatal("FRF33 was not renamed")
	}
}

func TestImportNUTSRefusesABadFileWholly(t *testing.T) {
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("code,level,name_native,country,parent\nFR,0,FRANCE,FR,\nFRF,2,Grand Est,FR,FR\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"import-nuts", bad}, env, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "line 3") {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	var n int
	if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM nuts_regions").Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d rows stored (%v), want none", n, err)
	}
	if code := run(context.Background(), []string{"import-nuts"}, env, &stdout, &stderr); code != 2 {
		t.Fatalf("no file: exit %d, want 2", code)
	}
}
