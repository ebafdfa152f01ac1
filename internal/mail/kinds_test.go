package mail_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"passerelle/internal/mail"
)

// TestEveryKindHasItsTemplates ties the three places a kind of message
// lives, so that a kind added to one of them only fails here: its
// constant in kind.go, the list Kinds() (which NewRenderer loads, failing
// on a kind that lacks a language), and its directory of templates (one
// per language, each defining the subject, the text and the HTML).
func TestEveryKindHasItsTemplates(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "kind.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var constants []mail.Kind
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Kind" {
				continue
			}
			for i := range v.Names {
				value, _ := strconv.Unquote(v.Values[i].(*ast.BasicLit).Value)
				constants = append(constants, mail.Kind(value))
			}
		}
	}
	kinds := mail.Kinds()
	for _, k := range constants {
		if !slices.Contains(kinds, k) {
			t.Errorf("kind %q has a constant but is not in Kinds(): its templates are never loaded", k)
		}
	}
	if len(constants) != len(kinds) {
		t.Errorf("%d kind constants, %d kinds listed", len(constants), len(kinds))
	}

	entries, err := os.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	dirs := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "common" {
			continue
		}
		dirs++
		if !slices.Contains(kinds, mail.Kind(e.Name())) {
			t.Errorf("templates/%s is not a kind", e.Name())
		}
		for _, lang := range mail.Languages() {
			body, err := os.ReadFile(filepath.Join("templates", e.Name(), lang+".tmpl"))
			if err != nil {
				t.Errorf("kind %s has no %s templates: %v", e.Name(), lang, err)
				continue
			}
			for _, part := range []string{`{{define "subject"}}`, `{{define "text"}}`, `{{define "html"}}`} {
				if !strings.Contains(string(body), part) {
					t.Errorf("templates/%s/%s.tmpl lacks %s", e.Name(), lang, part)
				}
			}
		}
	}
	if dirs != len(kinds) {
		t.Errorf("%d template directories, %d kinds", dirs, len(kinds))
	}
	if _, err := mail.NewRenderer(); err != nil {
		t.Errorf("the renderer refuses the templates: %v", err)
	}
}

// TestEveryKindSentExists fails when code outside this package sends a
// message of a kind that has no templates: a Notice or Email literal with
// Kind "…", a job's Template "…", or mail.Kind("…"). Such an email would
// otherwise fail only when a user's event happens, and be cancelled.
func TestEveryKindSentExists(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	check := func(pos token.Pos, e ast.Expr) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return // a variable or constant: checked where it is written
		}
		v, _ := strconv.Unquote(b.Value)
		found++
		if !slices.Contains(mail.Kinds(), mail.Kind(v)) {
			t.Errorf("%s: kind %q has no templates (internal/mail/templates)", fset.Position(pos), v)
		}
	}
	for _, top := range []string{"cmd", "internal"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					key := map[string]string{"Notice": "Kind", "Email": "Kind", "SendEmailArgs": "Template"}[typeName(n.Type)]
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok && key != "" {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
								check(kv.Pos(), kv.Value)
							}
						}
					}
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Kind" && len(n.Args) == 1 {
						if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "mail" {
							check(n.Pos(), n.Args[0])
						}
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if found < 15 {
		t.Errorf("found only %d kinds sent: is the scan still reading the sources?", found)
	}
}

// typeName is the name of a literal's type, without its package.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}
