package domain

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
)

// moduleRoot is the directory of go.mod, above this package's.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}

// parseSources parses every non-test, non-generated Go file of the module
// under cmd/ and internal/: the code that reaches users.
func parseSources(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	root := moduleRoot(t)
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, top := range []string{"cmd", "internal"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" || d.Name() == "node_modules" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				return err
			}
			if ast.IsGenerated(f) {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			files[filepath.ToSlash(rel)] = f
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fset, files
}

var msgKeys = []string{"EN", "FR", "DE", "NL"}

// TestEveryMessageInFourLanguages fails on any text written for users in
// some of the four languages only, anywhere in the code (cmd/, internal/,
// generated code and tests aside):
//   - a Msg literal (domain.Msg{…}, or an element of a map or slice of Msg
//     whose type is left out: {EN: …, FR: …}) lacks one of EN, FR, DE, NL,
//     or one is empty, or takes arguments the English does not;
//   - a map keyed by the languages (map[domain.Language]string{
//     domain.LangEN: …}) lacks one of them or has an empty text.
//
// Texts computed from values (a date, a constraint's name) are not
// literals and are checked where they are built; Msg{EN: name}, with a
// computed name and nothing else, is a name that reads the same in every
// language. A Msg used as a field of another literal is caught as well:
// the rule is on the literal.
func TestEveryMessageInFourLanguages(t *testing.T) {
	fset, files := parseSources(t)
	msgs, maps := 0, 0
	for name, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			where := fset.Position(lit.Pos()).String()
			if keys, texts, ok := msgLiteral(lit); ok {
				msgs++
				if _, literal := texts["EN"]; len(keys) == 1 && keys["EN"] && !literal {
					return true // Msg{EN: name}: a value that reads the same in every language (With falls back to it)
				}
				for _, k := range msgKeys {
					v, literal := texts[k]
					switch {
					case !keys[k]:
						t.Errorf("%s: a message has no %s text", where, k)
					case literal && strings.TrimSpace(v) == "":
						t.Errorf("%s: a message's %s text is empty", where, k)
					case literal && texts["EN"] != "" && strings.Count(v, "%")-strings.Count(v, "%%")*2 != strings.Count(texts["EN"], "%")-strings.Count(texts["EN"], "%%")*2:
						t.Errorf("%s: %q in %s (%q) does not take the English's arguments", where, texts["EN"], k, v)
					}
				}
				return true
			}
			if langs, ok := languageMap(lit, strings.HasPrefix(name, "internal/domain/")); ok {
				maps++
				for _, l := range []string{"LangEN", "LangFR", "LangDE", "LangNL"} {
					v, present := langs[l]
					if !present {
						t.Errorf("%s: a text keyed by language has no %s", where, l)
					} else if v != nil && *v == "" {
						t.Errorf("%s: a text keyed by language has an empty %s", where, l)
					}
				}
			}
			return true
		})
	}
	if msgs < 300 || maps < 20 {
		t.Errorf("found only %d messages and %d language maps: is the scan still reading the sources?", msgs, maps)
	}
}

// msgLiteral recognises a Msg literal, typed or not: a literal whose keys
// are all among EN, FR, DE and NL. It returns the keys present and the
// values that are string literals.
func msgLiteral(lit *ast.CompositeLit) (keys map[string]bool, texts map[string]string, ok bool) {
	switch typ := lit.Type.(type) {
	case nil: // an element of a map or slice literal
	case *ast.Ident:
		if typ.Name != "Msg" {
			return nil, nil, false
		}
	case *ast.SelectorExpr:
		if typ.Sel.Name != "Msg" {
			return nil, nil, false
		}
	default:
		return nil, nil, false
	}
	keys, texts = map[string]bool{}, map[string]string{}
	for _, e := range lit.Elts {
		kv, isKV := e.(*ast.KeyValueExpr)
		if !isKV {
			return nil, nil, false
		}
		k, isIdent := kv.Key.(*ast.Ident)
		if !isIdent || !slices.Contains(msgKeys, k.Name) {
			return nil, nil, false
		}
		keys[k.Name] = true
		if b, isLit := kv.Value.(*ast.BasicLit); isLit && b.Kind == token.STRING {
			if v, err := strconv.Unquote(b.Value); err == nil {
				texts[k.Name] = v
			}
		}
	}
	if len(keys) == 0 && lit.Type == nil {
		return nil, nil, false // {} of any element type
	}
	return keys, texts, true
}

// languageMap recognises a literal keyed by the language constants
// (domain.LangEN, or LangEN inside package domain) with string values; it
// returns each key's text (nil when computed).
func languageMap(lit *ast.CompositeLit, inDomain bool) (map[string]*string, bool) {
	out, texts := map[string]*string{}, false
	for _, e := range lit.Elts {
		kv, isKV := e.(*ast.KeyValueExpr)
		if !isKV {
			return nil, false
		}
		var key string
		switch k := kv.Key.(type) {
		case *ast.SelectorExpr:
			if pkg, isIdent := k.X.(*ast.Ident); isIdent && pkg.Name == "domain" {
				key = k.Sel.Name
			}
		case *ast.Ident:
			if inDomain {
				key = k.Name
			}
		}
		if !slices.Contains([]string{"LangEN", "LangFR", "LangDE", "LangNL"}, key) {
			return nil, false
		}
		var text *string
		if b, isLit := kv.Value.(*ast.BasicLit); isLit && b.Kind == token.STRING {
			if v, err := strconv.Unquote(b.Value); err == nil {
				text = &v
			}
		} else if _, isLitValue := kv.Value.(*ast.CompositeLit); isLitValue {
			return nil, false // keyed by language, but not texts
		}
		out[key] = text
		texts = texts || text != nil
	}
	// Without a single literal text it is not a translation table (a
	// lookup built from other tables, or per-language data).
	return out, texts
}

// TestEveryCategoryConstantIsListed: a NotificationCategory constant left
// out of NotificationCategories would have no label and no preference; a
// category's label is checked in four languages by
// TestNotificationCategories.
func TestEveryCategoryConstantIsListed(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "notification.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "NotificationCategory" {
				continue
			}
			for i, name := range v.Names {
				found++
				value, _ := strconv.Unquote(v.Values[i].(*ast.BasicLit).Value)
				if !slices.Contains(NotificationCategories(), NotificationCategory(value)) {
					t.Errorf("%s (%q) is not in NotificationCategories()", name.Name, value)
				}
			}
		}
	}
	if found != len(NotificationCategories()) {
		t.Errorf("%d category constants, %d listed", found, len(NotificationCategories()))
	}
}
