package crosslang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"passerelle/internal/domain"
)

// benchQueries reads the dev set's queries (../shared/bench/search), whose
// language is known, skipping when the shared folder is absent.
func benchQueries(tb testing.TB) []struct{ ID, Lang, Type, Text string } {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	var path string
	for d := dir; filepath.Dir(d) != d; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "bench", "search", "queries.jsonl")
		if _, err := os.Stat(p); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("PASSERELLE_TEST_REQUIRE_DATA") == "1" {
			tb.Fatal("shared/bench/search/queries.jsonl not found above the test's directory")
		}
		tb.Skip("shared/bench/search/queries.jsonl not found above the test's directory")
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []struct{ ID, Lang, Type, Text string }
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct{ ID, Lang, Type, Text string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			tb.Fatal(err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestDetectDevQueries measures language detection on the dev set's
// queries (titles and short topic queries, 243 of them, language known).
func TestDetectDevQueries(t *testing.T) {
	x := expander(t)
	queries := benchQueries(t)
	right := map[string]int{}
	total := map[string]int{}
	for _, q := range queries {
		got, _ := x.Detect(q.Text)
		kind := "title"
		if q.Type == "topic" {
			kind = "topic"
		}
		total[kind]++
		if string(got) == q.Lang {
			right[kind]++
		} else {
			t.Logf("%s (%s): detected %q in %q", q.ID, q.Lang, got, q.Text)
		}
	}
	for _, kind := range []string{"title", "topic"} {
		t.Logf("language detection on %s queries: %d/%d = %.3f", kind, right[kind], total[kind], float64(right[kind])/float64(total[kind]))
	}
	acc := float64(right["title"]+right["topic"]) / float64(len(queries))
	t.Logf("language detection overall: %.3f", acc)
	if acc < 0.9 {
		t.Errorf("language detection accuracy %.3f on the dev queries, want ≥ 0.90", acc)
	}
}

func TestDetectWithoutData(t *testing.T) {
	// Stop words and letter patterns alone decide clear cases, with no
	// lexicon loaded (a nil expander).
	var x *Expander
	for text, want := range map[string]domain.Language{
		"nettoyage des bureaux":             domain.LangFR,
		"Reinigung der Büros und Schulen":   domain.LangDE,
		"cleaning of the offices":           domain.LangEN,
		"schoonmaak van de kantoren":        domain.LangNL,
		"entretien des espaces verts":       domain.LangFR,
		"maintenance of the heating system": domain.LangEN,
	} {
		if got, conf := x.Detect(text); got != want || conf <= 0 {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", text, got, conf, want)
		}
	}
	if got, conf := x.Detect("123 !!"); got != "" || conf != 0 {
		t.Errorf("Detect of no words = %q (%.2f), want no language", got, conf)
	}
}
