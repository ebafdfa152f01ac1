package web

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"

	"passerelle/internal/domain"
)

// head is what the server writes into a page's <head> between the
// markers of index.html: what search engines and link previews read
// before (or without) running the app.
type head struct {
	Lang        domain.Language
	Title       string
	Description string
	// Canonical is the page's absolute URL without lang; "" for pages
	// that have none (sign-in, token links, errors): they get no
	// canonical, alternates nor og:url.
	Canonical string
	// NoIndex asks search engines not to index the page.
	NoIndex bool
	// JSONLD is the schema.org description of the page, nil for none.
	JSONLD any
}

// The markers in frontend/index.html between which the head is written.
const (
	headStart = "<!--passerelle:head-->"
	headEnd   = "<!--/passerelle:head-->"
)

// ogLocales are the OpenGraph locales of the languages.
var ogLocales = map[domain.Language]string{
	domain.LangFR: "fr_FR", domain.LangDE: "de_DE", domain.LangEN: "en_GB", domain.LangNL: "nl_NL",
}

// hreflangs are the languages of the alternates, in the order written.
var hreflangs = []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL}

var htmlLang = regexp.MustCompile(`(<html\b[^>]*?\blang=")[^"]*(")`)

// withLang returns u with lang=l added to its query.
func withLang(u string, l domain.Language) string {
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + "lang=" + string(l)
}

// render writes h as the HTML that goes between the markers. Every value
// is escaped for its place: text and attributes by html.EscapeString, the
// JSON-LD by encoding/json, which writes <, > and & as \u003c, \u003e and
// \u0026, so no text can close the script element.
func (h head) render() []byte {
	var b bytes.Buffer
	esc := html.EscapeString
	b.WriteString("<title>" + esc(h.Title) + "</title>\n")
	b.WriteString(`<meta name="description" content="` + esc(h.Description) + `" />` + "\n")
	if h.NoIndex {
		b.WriteString(`<meta name="robots" content="noindex" />` + "\n")
	}
	if h.Canonical != "" {
		b.WriteString(`<link rel="canonical" href="` + esc(h.Canonical) + `" />` + "\n")
		for _, l := range hreflangs {
			b.WriteString(`<link rel="alternate" hreflang="` + string(l) + `" href="` + esc(withLang(h.Canonical, l)) + `" />` + "\n")
		}
		b.WriteString(`<link rel="alternate" hreflang="x-default" href="` + esc(h.Canonical) + `" />` + "\n")
		b.WriteString(`<meta property="og:url" content="` + esc(h.Canonical) + `" />` + "\n")
	}
	b.WriteString(`<meta property="og:site_name" content="Passerelle" />` + "\n")
	b.WriteString(`<meta property="og:type" content="website" />` + "\n")
	b.WriteString(`<meta property="og:title" content="` + esc(h.Title) + `" />` + "\n")
	b.WriteString(`<meta property="og:description" content="` + esc(h.Description) + `" />` + "\n")
	b.WriteString(`<meta property="og:locale" content="` + ogLocales[h.Lang] + `" />` + "\n")
	for _, l := range hreflangs {
		if l != h.Lang {
			b.WriteString(`<meta property="og:locale:alternate" content="` + ogLocales[l] + `" />` + "\n")
		}
	}
	if h.JSONLD != nil {
		if data, err := json.Marshal(h.JSONLD); err == nil { // maps of strings: it cannot fail
			// U+2028 and U+2029 are escaped by encoding/json too.
			b.WriteString(`<script type="application/ld+json">` + string(data) + "</script>\n")
		}
	}
	return b.Bytes()
}

// page returns index with h written between its markers (before </head>
// when they are missing) and its <html lang> set to h's language.
func page(index []byte, h head) []byte {
	s := string(index)
	rendered := string(h.render())
	start, end := strings.Index(s, headStart), strings.Index(s, headEnd)
	if start >= 0 && end > start {
		s = s[:start+len(headStart)] + "\n" + rendered + s[end:]
	} else if i := strings.Index(s, "</head>"); i >= 0 {
		s = s[:i] + rendered + s[i:]
	}
	if loc := htmlLang.FindStringSubmatchIndex(s); loc != nil {
		s = s[:loc[3]] + string(h.Lang) + s[loc[4]:]
	}
	return []byte(s)
}
