package mail

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// completeTemplates copies the embedded templates into a map that a test
// can break.
func completeTemplates(t *testing.T) fstest.MapFS {
	t.Helper()
	sub, err := fs.Sub(templateFiles, "templates")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNewRendererRefusesIncompleteTemplates(t *testing.T) {
	t.Parallel()
	if _, err := newRenderer(completeTemplates(t)); err != nil {
		t.Fatalf("complete templates refused: %v", err)
	}
	cases := map[string]struct {
		breakIt func(fstest.MapFS)
		want    string
	}{
		"missing language": {func(m fstest.MapFS) { delete(m, "invitation/nl.tmpl") }, "invitation has no nl"},
		"missing subject": {func(m fstest.MapFS) {
			m["set_password/de.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "text"}}t{{end}}{{define "html"}}h{{end}}`)}
		}, `"subject"`},
		"missing html": {func(m fstest.MapFS) {
			m["verify_email/fr.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "subject"}}s{{end}}{{define "text"}}t{{end}}`)}
		}, `"html"`},
		"missing common part": {func(m fstest.MapFS) {
			b := strings.Replace(string(m["common/en.tmpl"].Data), `{{define "footer"}}`, `{{define "futter"}}`, 1)
			m["common/en.tmpl"] = &fstest.MapFile{Data: []byte(b)}
		}, `"footer"`},
		"syntax error": {func(m fstest.MapFS) {
			m["email_change/en.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "subject"}}{{.Name{{end}}`)}
		}, "email_change/en.tmpl"},
		"misspelt kind":  {func(m fstest.MapFS) { m["verify_mail/fr.tmpl"] = m["verify_email/fr.tmpl"] }, "unexpected file verify_mail/fr.tmpl"},
		"extra language": {func(m fstest.MapFS) { m["verify_email/es.tmpl"] = m["verify_email/en.tmpl"] }, "unexpected file verify_email/es.tmpl"},
		"missing layout": {func(m fstest.MapFS) { delete(m, "layout.html.tmpl") }, "layout.html.tmpl"},
		"missing common": {func(m fstest.MapFS) { delete(m, "common/de.tmpl") }, "common/de.tmpl"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m := completeTemplates(t)
			c.breakIt(m)
			_, err := newRenderer(m)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("newRenderer = %v, want an error mentioning %s", err, c.want)
			}
		})
	}
}
