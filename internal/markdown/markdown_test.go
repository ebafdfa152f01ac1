package markdown

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// unsafeReason parses rendered HTML as a browser would and returns why it
// is unsafe, or "". Text may mention "javascript:" or "onclick=" (an
// author may write about them, and they are escaped); markup may not: no
// element outside the allow-list, no event-handler attribute, no URL
// outside http, https and mailto, and no "<script" anywhere in the raw
// output (text escapes "<", so it can only be a tag).
func unsafeReason(out string) string {
	if strings.Contains(strings.ToLower(out), "<script") {
		return "contains <script"
	}
	allowed := map[string]bool{"p": true, "br": true, "hr": true, "strong": true, "em": true, "del": true, "code": true,
		"pre": true, "blockquote": true, "ul": true, "ol": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
		"h5": true, "h6": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "a": true}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return ""
			}
			return "unparseable: " + z.Err().Error()
		case html.CommentToken, html.DoctypeToken:
			return "comment or doctype in the output"
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if !allowed[tok.Data] {
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(key, "on"):
					return "event handler " + a.Key
				case key == "style" || key == "src" || key == "srcset" || key == "formaction" || key == "target":
					return "attribute " + a.Key
				case strings.Contains(val, "javascript:") || strings.Contains(val, "vbscript:") || strings.Contains(val, "data:"):
					return fmt.Sprintf("dangerous value %s=%q", a.Key, a.Val)
				case key == "href" && !strings.HasPrefix(val, "http://") && !strings.HasPrefix(val, "https://") && !strings.HasPrefix(val, "mailto:"):
					return "href " + a.Val
				case key == "rel" && a.Val != LinkRel:
					return "rel " + a.Val
				}
			}
			if tok.Data == "a" && tt == html.StartTagToken {
				var rel bool
				for _, a := range tok.Attr {
					rel = rel || a.Key == "rel"
				}
				if !rel {
					return "link without rel"
				}
			}
		}
	}
}

func TestRenderKeepsMarkdown(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"emphasis", "Nettoyage *écologique* et **local**", "<p>Nettoyage <em>écologique</em> et <strong>local</strong></p>\n"},
		{"heading and list", "## Lots\n\n- espaces verts\n- propreté", "<h2>Lots</h2>\n<ul>\n<li>espaces verts</li>\n<li>propreté</li>\n</ul>\n"},
		{"ordered list from 3", "3. drei\n4. vier", "<ol start=\"3\">\n<li>drei</li>\n<li>vier</li>\n</ol>\n"},
		{"link", "[cahier des charges](https://example.org/cdc.pdf)",
			"<p><a href=\"https://example.org/cdc.pdf\" rel=\"nofollow noopener\">cahier des charges</a></p>\n"},
		{"mailto link", "[écrire](mailto:achats@metz.example)",
			"<p><a href=\"mailto:achats@metz.example\" rel=\"nofollow noopener\">écrire</a></p>\n"},
		{"bare URL", "voir www.example.org",
			"<p>voir <a href=\"http://www.example.org\" rel=\"nofollow noopener\">www.example.org</a></p>\n"},
		{"email autolink", "<achats@metz.example>",
			"<p><a href=\"mailto:achats@metz.example\" rel=\"nofollow noopener\">achats@metz.example</a></p>\n"},
		{"table", "| lot | heures |\n|:--|--:|\n| 1 | 1200 |",
			"<table>\n<thead>\n<tr>\n<th align=\"left\">lot</th>\n<th align=\"right\">heures</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">1200</td>\n</tr>\n</tbody>\n</table>\n"},
		{"code", "```go\nfmt.Println(\"<b>\")\n```", "<pre><code class=\"language-go\">fmt.Println(&#34;&lt;b&gt;&#34;)\n</code></pre>\n"},
		{"strikethrough and quote", "> ~~ancien~~ nouveau", "<blockquote>\n<p><del>ancien</del> nouveau</p>\n</blockquote>\n"},
		{"text about javascript stays text", "Do not type javascript: or onclick= here",
			"<p>Do not type javascript: or onclick= here</p>\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Render(tc.in)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if why := unsafeReason(got); why != "" {
				t.Errorf("unsafe: %s", why)
			}
		})
	}
}

func TestRenderRemovesDanger(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"script element", "<script>alert(1)</script>", ""},
		{"inline script", "a <script>alert(1)</script> b", "<p>a alert(1) b</p>\n"},
		{"img onerror", "<img src=x onerror=alert(1)>", ""},
		{"inline event handler", "x <b onclick=\"alert(1)\">y</b>", "<p>x y</p>\n"},
		{"javascript link", "[clic](javascript:alert(1))", "<p>clic</p>\n"},
		{"mixed-case javascript link", "[clic](JaVaScRiPt:alert(1))", "<p>clic</p>\n"},
		{"entity-encoded javascript link", "[clic](&#106;avascript:alert(1))", "<p>clic</p>\n"},
		{"javascript autolink", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>x</p>\n"},
		{"vbscript link", "[x](vbscript:msgbox)", "<p>x</p>\n"},
		{"relative link", "[offre](/offers/1)", "<p>offre</p>\n"},
		{"protocol-relative link", "[x](//evil.example/)", "<p>x</p>\n"},
		{"image becomes its text", "![logo **ESAT**](https://tracker.example/p.png)", "<p>logo <strong>ESAT</strong></p>\n"},
		{"image with javascript", "![x](javascript:alert(1))", "<p>x</p>\n"},
		{"raw anchor", "<a href=\"javascript:alert(1)\">y</a>", "<p>y</p>\n"},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>", ""},
		{"style block", "<style>body{display:none}</style>text", ""},
		{"svg", "<svg onload=alert(1)><circle/></svg>", "<p></p>\n"},
		{"html comment block", "<!-- secret --> visible", ""},
		{"inline html comment", "a <!-- secret --> b", "<p>a  b</p>\n"},
		{"link title with quote", "[x](https://e.example \"a\\\" onmouseover=\\\"alert(1)\")",
			"<p><a href=\"https://e.example\" rel=\"nofollow noopener\">x</a></p>\n"},
		{"reference link to javascript", "[x][1]\n\n[1]: javascript:alert(1)", "<p>x</p>\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Render(tc.in)
			if why := unsafeReason(got); why != "" {
				t.Errorf("unsafe (%s): %q", why, got)
			}
			if strings.TrimSpace(got) != strings.TrimSpace(tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestUnsafeReason makes sure the checker itself refuses what it must.
func TestUnsafeReason(t *testing.T) {
	for _, bad := range []string{
		"<script>x</script>", "<p onclick=x>a</p>", "<a href=\"javascript:x\" rel=\"nofollow noopener\">a</a>",
		"<img src=x>", "<a href=\"https://e\">a</a>", "<a href=\"/x\" rel=\"nofollow noopener\">a</a>", "<!-- x -->",
		"<p style=\"x\">a</p>", "<SCRIPT>x</SCRIPT>",
	} {
		if unsafeReason(bad) == "" {
			t.Errorf("%q passed", bad)
		}
	}
	if why := unsafeReason("<p>javascript: onclick=x &lt;script&gt;</p>"); why != "" {
		t.Errorf("escaped text refused: %s", why)
	}
}

func TestRendererIsReusable(t *testing.T) {
	r := New()
	for range 3 {
		if got := r.Render("*a*"); got != "<p><em>a</em></p>\n" {
			t.Fatalf("got %q", got)
		}
	}
}

// FuzzRender feeds arbitrary input (seeded from testdata/fuzz/FuzzRender
// and the cases above) and checks the output is always safe (only allowed
// elements and attributes, no script, no on* handler, no javascript:,
// vbscript: or data: URL, every link with its rel), bounded in size
// (MaxExpansion), valid UTF-8 whatever the input's bytes, and that words
// without Markdown come out as one paragraph of the same words.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"*a* [b](https://c.example)", "<script>alert(1)</script>", "[x](javascript:alert(1))",
		"![i](https://t.example/p.png)", "| a |\n|--|\n| <img src=x onerror=y> |", "Blanchisserie 12 Saarbrücken",
		"caf\xe9 au lait"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, in string) {
		out := r.Render(in)
		if why := unsafeReason(out); why != "" {
			t.Fatalf("unsafe (%s) for %q: %q", why, in, out)
		}
		if len(out) > MaxExpansion*len(in)+expansionSlack {
			t.Fatalf("%d bytes rendered %d bytes of HTML", len(in), len(out))
		}
		if !utf8.ValidString(out) {
			t.Fatalf("output is not valid UTF-8 for %q: %q", in, out)
		}
		if plainWords(in) {
			if want := "<p>" + strings.Join(strings.Fields(in), " ") + "</p>\n"; out != want {
				t.Fatalf("plain words %q rendered %q, want %q", in, out, want)
			}
		}
	})
}

// plainWords is text Markdown leaves as it is: letters, digits and single
// spaces inside one line, starting with a letter (a digit could start a
// list, several spaces a code block or a line break).
func plainWords(s string) bool {
	if s == "" || strings.Contains(s, "  ") || !unicode.IsLetter([]rune(s)[0]) || !utf8.ValidString(s) ||
		strings.HasSuffix(s, " ") {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != ' ' {
			return false
		}
	}
	return strings.ContainsFunc(s, unicode.IsLetter)
}
