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

func TestImportCPVIsIdempotent(t *testing.T) {
	file := taxonomytest.DataFile(t, "cpv_2008_multilingual.csv")
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL}
	importOK := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append([]string{"import-cpv"}, args...), env, &stdout, &stderr); code != 0 {
			t.Fatalf("import-cpv %v: exit %d\n%s", args, code, stderr.String())
		}
		return stdout.String()
	}
	count := func(where string) int {
		t.Helper()
		var n int
		if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM cpv_codes WHERE "+where).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	if out := importOK(file); !strings.Contains(out, "9454 read, 9454 added, 0 updated, 0 unchanged") {
		t.Fatalf("first import: %s", out)
	}
	if n := count("true"); n != 9454 {
		t.Fatalf("%d rows, want 9454", n)
	}
	if n := count("code = '90911200-8' AND parent = '90911000' AND level = 5 AND type = 'services' AND label_de = 'Gebäudereinigung' AND search_fr = 'services de nettoyage de batiments'"); n != 1 {
		t.Fatal("90911200-8 was not stored as read")
	}
	if n := count("level = 1"); n != 45 {
		t.Fatalf("%d divisions, want 45", n)
	}
	if out := importOK(file); !strings.Contains(out, "9454 read, 0 added, 0 updated, 9454 unchanged") {
		t.Fatalf("second import: %s", out)
	}
	if out := importOK("--if-empty", file); !strings.Contains(out, "already loaded") {
		t.Fatalf("--if-empty on a loaded table: %s", out)
	}
	var audits int
	if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM audit_log WHERE action = 'cpv_codes.imported'").Scan(&audits); err != nil || audits != 1 {
		t.Fatalf("%d audit entries (%v), want 1: only the import that changed something", audits, err)
	}

	// A changed label is updated in place, with its folded search form.
	changed := filepath.Join(t.TempDir(), "cpv.csv")
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte(",Gebäudereinigung,"), []byte(",Gebäude-Reinigung,"), 1)
	if err := os.WriteFile(changed, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := importOK(changed); !strings.Contains(out, "0 added, 1 updated, 9453 unchanged") {
		t.Fatalf("changed import: %s", out)
	}
	if n := count("code8 = '90911200' AND label_de = 'Gebäude-Reinigung' AND search_de = 'gebaude-reinigung'"); n != 1 {
		t.Fatal("90911200 was not relabelled")
	}
}

func TestImportCPVRefusesABadFileWholly(t *testing.T) {
	db := storetest.New(t)
	env := []string{"PASSERELLE_DATABASE_URL=" + db.URL}
	dir := t.TempDir()
	const header = "code,code8,level,parent,type,fr,de,en,nl\n"
	const good = header + "90000000-7,90000000,1,,services,Services,Dienste,Services,Diensten\n" +
		"90900000-6,90900000,2,90000000-7,services,Nettoyage,Reinigung,Cleaning,Reiniging\n"
	for name, c := range map[string]struct{ csv, want string }{
		// The last row is wrong: the rows before it are not stored either.
		"check digit": {good + "90910000-1,90910000,3,90900000-6,services,Nettoyage,Reinigung,Cleaning,Reiniging\n", "line 4: 90910000-1 has a wrong check digit"},
		"parent":      {good + "90911200-8,90911200,5,90911000-6,services,Nettoyage,Reinigung,Cleaning,Reiniging\n", "line 4: the parent 90911000-6"},
		"columns":     {"code,level,parent,type,fr,de,en\n90000000-7,1,,services,a,b,c\n", "column (it has: code, level"},
	} {
		bad := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".csv")
		if err := os.WriteFile(bad, []byte(c.csv), 0o600); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"import-cpv", bad}, env, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%s: exit %d, stderr %s", name, code, stderr.String())
		}
	}
	var n int
	if err := db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM cpv_codes").Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d rows stored (%v), want none", n, err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"import-cpv"}, env, &stdout, &stderr); code != 2 {
		t.Fatalf("no file: exit %d, want 2", code)
	}
}
