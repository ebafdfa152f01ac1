package mail

import (
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"strings"
	texttemplate "text/template"
)

// templateFiles holds templates/: layout.html.tmpl, common/<lang>.tmpl and
// <kind>/<lang>.tmpl. go:embed only fills package-level variables; this one
// is read-only and read once, by NewRenderer.
//
//go:embed templates
var templateFiles embed.FS

// Renderer renders the localized templates. It is safe for concurrent use.
type Renderer struct {
	sets map[setKey]templateSet
}

type setKey struct {
	kind Kind
	lang string
}

type templateSet struct {
	text *texttemplate.Template
	html *htmltemplate.Template
}

// layoutData is what the HTML layout sees; the kind's "html" part gets Data.
type layoutData struct {
	Lang        string
	Subject     string
	Data        any
	Unsubscribe *Unsubscribe
}

// Unsubscribe is the one-click unsubscribe of a notification email: the
// signed link that turns its category off, and the category's name in the
// recipient's language. The message says why it was sent and how to stop
// it; the Sender's caller also puts Link in the List-Unsubscribe header.
type Unsubscribe struct {
	Link     string
	Category string
}

// action is a call-to-action link, rendered as a button plus the link in
// full for readers that cannot follow the button.
type action struct {
	Link  string
	Label string
}

// NewRenderer parses every template. It fails when a kind lacks a language
// or a part, or when a file is not one that it expects, so that a missing
// translation stops the server at start rather than a user's email later.
func NewRenderer() (*Renderer, error) {
	sub, err := fs.Sub(templateFiles, "templates")
	if err != nil {
		return nil, err
	}
	return newRenderer(sub)
}

func newRenderer(fsys fs.FS) (*Renderer, error) {
	layout, err := fs.ReadFile(fsys, "layout.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("mail templates: %w", err)
	}
	expected := map[string]bool{"layout.html.tmpl": true}
	r := &Renderer{sets: map[setKey]templateSet{}}
	for _, lang := range Languages() {
		commonName := "common/" + lang + ".tmpl"
		expected[commonName] = true
		common, err := fs.ReadFile(fsys, commonName)
		if err != nil {
			return nil, fmt.Errorf("mail templates: %w", err)
		}
		for _, kind := range Kinds() {
			name := string(kind) + "/" + lang + ".tmpl"
			expected[name] = true
			body, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("mail templates: kind %s has no %s version: %w", kind, lang, err)
			}
			set, err := parseSet(string(layout), string(common), string(body))
			if err != nil {
				return nil, fmt.Errorf("mail templates: %s with %s: %w", name, commonName, err)
			}
			r.sets[setKey{kind, lang}] = set
		}
	}
	if err := checkNoStrayFiles(fsys, expected); err != nil {
		return nil, err
	}
	return r, nil
}

func parseSet(layout, common, body string) (templateSet, error) {
	funcs := map[string]any{
		"action": func(link, label string) action { return action{Link: link, Label: label} },
		"div":    func(a, b int) int { return a / b },
		"mod":    func(a, b int) int { return a % b },
	}
	text, err := texttemplate.New("common").Funcs(funcs).Option("missingkey=error").Parse(common)
	if err == nil {
		_, err = text.New("body").Parse(body)
	}
	if err != nil {
		return templateSet{}, err
	}
	html, err := htmltemplate.New("layout").Funcs(funcs).Option("missingkey=error").Parse(layout)
	if err == nil {
		_, err = html.New("common").Parse(common)
	}
	if err == nil {
		_, err = html.New("body").Parse(body)
	}
	if err != nil {
		return templateSet{}, err
	}
	// subject, text and html come from <kind>/<lang>.tmpl (subject and text
	// run by text/template, html by html/template inside the layout); the
	// others from common/<lang>.tmpl, shared by every kind.
	for _, part := range []string{"subject", "text", "html", "greeting", "validity", "fallback", "signature", "footer", "unsubscribe"} {
		if text.Lookup(part) == nil {
			return templateSet{}, fmt.Errorf("part %q is not defined", part)
		}
	}
	if html.Lookup("layout") == nil || html.Lookup("action") == nil {
		return templateSet{}, fmt.Errorf("layout.html.tmpl must define layout and action")
	}
	return templateSet{text: text, html: html}, nil
}

// checkNoStrayFiles catches a misspelt kind or language, which would
// otherwise be ignored while the real one is missing or stale.
func checkNoStrayFiles(fsys fs.FS, expected map[string]bool) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !expected[path] {
			return fmt.Errorf("mail templates: unexpected file %s (kinds are %v, languages %v)", path, Kinds(), Languages())
		}
		return nil
	})
}

// Render returns the subject, plain-text body and HTML body of kind in lang,
// filled with data (the kind's *Data struct, or a map with the same keys).
// A language other than fr, de, en and nl, after reducing a tag such as
// "fr-BE" to its language, is rendered in DefaultLanguage.
func (r *Renderer) Render(kind Kind, lang string, data any) (subject, text, html string, err error) {
	return r.render(kind, lang, data, nil)
}

// RenderNotification renders like Render and adds, to both bodies, why the
// message was sent and the link that stops such messages.
func (r *Renderer) RenderNotification(kind Kind, lang string, data any, unsub Unsubscribe) (subject, text, html string, err error) {
	if unsub.Link == "" || unsub.Category == "" {
		return "", "", "", fmt.Errorf("mail: a notification needs its unsubscribe link and category")
	}
	return r.render(kind, lang, data, &unsub)
}

func (r *Renderer) render(kind Kind, lang string, data any, unsub *Unsubscribe) (subject, text, html string, err error) {
	lang = language(lang)
	set, ok := r.sets[setKey{kind, lang}]
	if !ok {
		return "", "", "", fmt.Errorf("mail: unknown message kind %q", kind)
	}
	fail := func(part string, err error) (string, string, string, error) {
		return "", "", "", fmt.Errorf("mail: render %s in %s, %s: %w", kind, lang, part, err)
	}
	subject, err = execute(set.text, "subject", data)
	if err != nil {
		return fail("subject", err)
	}
	// A subject is one line: fold the template's line breaks and any in data.
	subject = strings.Join(strings.Fields(subject), " ")
	body, err := execute(set.text, "text", data)
	if err != nil {
		return fail("text", err)
	}
	footer, err := execute(set.text, "footer", nil)
	if err != nil {
		return fail("footer", err)
	}
	// "-- " is the signature separator that mail readers recognise and dim.
	text = strings.TrimSpace(body) + "\n\n-- \n" + strings.TrimSpace(footer) + "\n"
	if unsub != nil {
		why, err := execute(set.text, "unsubscribe", unsub.Category)
		if err != nil {
			return fail("unsubscribe", err)
		}
		text += "\n" + strings.TrimSpace(why) + "\n" + unsub.Link + "\n"
	}
	html, err = execute(set.html, "layout", layoutData{Lang: lang, Subject: subject, Data: data, Unsubscribe: unsub})
	if err != nil {
		return fail("html", err)
	}
	return subject, text, html, nil
}

// execute runs one named template of a text or HTML set.
func execute(t interface {
	ExecuteTemplate(io.Writer, string, any) error
}, name string, data any) (string, error) {
	var b strings.Builder
	err := t.ExecuteTemplate(&b, name, data)
	return b.String(), err
}

// language reduces a tag such as "fr-BE" or "de_CH" to a supported
// language, or DefaultLanguage.
func language(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	base, _, _ = strings.Cut(base, "_")
	for _, l := range Languages() {
		if base == l {
			return l
		}
	}
	return DefaultLanguage
}
