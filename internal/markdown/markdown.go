// Package markdown renders the Markdown people write on Passerelle (offer
// and tender descriptions, execution conditions, answers) as HTML that is
// safe to put in a page: goldmark parses CommonMark plus tables,
// strikethrough and bare links, and bluemonday then keeps only an
// allow-list of text elements, whatever goldmark produced.
//
// What authors get: paragraphs, emphasis, headings, lists, quotes, code,
// tables, rules and links. What they do not: raw HTML (dropped, never
// passed through), images (their alternative text is kept in their place:
// an image could track readers or show what moderators never saw), and
// links to anything but http, https and mailto URLs. Links carry
// rel="nofollow noopener": authors' links must not borrow the platform's
// reputation, nor reach back into the page that opened them.
package markdown

import (
	"bytes"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LinkRel is the rel attribute of every rendered link.
const LinkRel = "nofollow noopener"

// Renderer turns Markdown into safe HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New builds a Renderer.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.Linkify,
		),
		// No html.WithUnsafe: goldmark replaces raw HTML with a comment,
		// which the policy then drops.
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkRel{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(imageAsText{}, 100))),
	)

	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
		"ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("th", "td")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+-]{1,40}$`)).OnElements("code")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + LinkRel + `$`)).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(false)
	p.RequireParseableURLs(true)
	// Belt and braces: should a link ever lack goldmark's rel, nofollow
	// is still added.
	p.RequireNoFollowOnLinks(true)
	return &Renderer{md: md, policy: p}
}

// Render returns src rendered as sanitized HTML; an input goldmark cannot
// render yields its text, escaped. Bytes that are not UTF-8 become U+FFFD
// first: goldmark and bluemonday pass them through, and a page or a JSON
// answer must be valid UTF-8.
func (r *Renderer) Render(src string) string {
	src = strings.ToValidUTF8(src, "\uFFFD")
	// goldmark only fails when writing fails. A few bytes of Markdown can
	// make megabytes of HTML (a long link defined once and referenced a
	// thousand times; a table of a thousand columns whose rows are a bare
	// "|"): the writer stops the rendering past MaxExpansion times the
	// source, and the author's words are shown as text instead.
	w := &boundedBuffer{limit: MaxExpansion*len(src) + expansionSlack}
	if err := r.md.Convert([]byte(src), w); err != nil {
		return r.policy.Sanitize("<p>" + bluemonday.StrictPolicy().Sanitize(src) + "</p>")
	}
	return r.policy.Sanitize(w.String())
}

// boundedBuffer is a buffer that refuses to grow past limit bytes.
type boundedBuffer struct {
	bytes.Buffer
	limit int
}

var errTooLarge = errors.New("markdown: rendered HTML too large")

func (b *boundedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		return 0, errTooLarge
	}
	return b.Buffer.Write(p)
}

// MaxExpansion bounds the rendered HTML of a source of n bytes to
// MaxExpansion × n bytes (plus a little for very short sources): far above
// what any ordinary Markdown makes (a table of one-letter cells, about 6×),
// far below a page that ties up the server and the readers' browsers.
const MaxExpansion = 16

const expansionSlack = 4096

// defaultRenderer is built once: its configuration is constant and
// building it compiles regular expressions.
var defaultRenderer = sync.OnceValue(New)

// Render renders src with the default Renderer (see Renderer.Render).
func Render(src string) string { return defaultRenderer().Render(src) }

// linkRel sets rel on every link and autolink, and turns a link whose
// destination is not an absolute http(s) or a mailto URL into its text, so
// that readers see the words rather than a dead link.
type linkRel struct{}

func (linkRel) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var links []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindLink || n.Kind() == ast.KindAutoLink) {
			links = append(links, n)
		}
		return ast.WalkContinue, nil
	})
	source := reader.Source()
	for _, n := range links {
		switch l := n.(type) {
		case *ast.Link:
			if allowedURL(string(l.Destination)) {
				l.SetAttributeString("rel", []byte(LinkRel))
				continue
			}
			parent := l.Parent()
			for c := l.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, l, c)
				c = next
			}
			parent.RemoveChild(parent, l)
		case *ast.AutoLink:
			dest := string(l.URL(source))
			if l.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			if allowedURL(dest) {
				l.SetAttributeString("rel", []byte(LinkRel))
				continue
			}
			l.Parent().ReplaceChild(l.Parent(), l, ast.NewString(l.Label(source)))
		}
	}
}

// allowedURL reports whether a link may point to raw: an absolute http or
// https URL with a host, or a mailto URL to an address (something@else,
// without another scheme: "mailto:javascript:…" is no address).
func allowedURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		addr, _, _ := strings.Cut(u.Opaque, "?")
		return strings.Contains(addr, "@") && !strings.ContainsAny(addr, ":<>\"'` ")
	}
	return false
}

// imageAsText renders an image as its alternative text (its children).
type imageAsText struct{}

func (imageAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
}
