package agenda

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// generated is the fixed "now" of every test agenda.
var generated = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func testEvent() Event {
	return Event{
		ID:       "7f1c2a64-1111-4a3b-9c55-0d5e6f708192",
		Name:     "Convention d'affaires Grande Région 2026",
		Venue:    "Centre des congrès de Metz",
		Address:  "100 rue aux Arènes, 57000 Metz",
		TimeZone: "Europe/Paris",
		URL:      "https://passerelle.example/events/convention-2026",
	}
}

// parties gives varied counterparts: German, French, Luxembourgish, Dutch, Polish letters.
var parties = []Party{
	{Organisation: "Saarländische Werkstätten", Delegate: "Jürgen Weiß", Country: "DE", Role: "Fournisseur ESAT/EA"},
	{Organisation: "Commune de Val-de-Moselle", Delegate: "Élodie Lefèvre", Country: "FR", Role: "Acheteuse publique"},
	{Organisation: "Plateau Luxembourg S.à r.l.", Delegate: "Łukasz Nowak", Country: "LU"},
	{Organisation: "Sociale Werkplaats Limburg", Delegate: "Geertje van den Berg", Country: "NL", Role: "Leverancier"},
	{Organisation: "Œuvre de Saint-Nicolas", Delegate: "François Dupuis-Cœur", Country: "BE"},
}

// testAgenda builds a delegate's agenda with n twenty-minute meetings from 14:00 Paris time.
func testAgenda(n int) Agenda {
	a := Agenda{
		Event:     testEvent(),
		Delegate:  Party{Organisation: "ESAT du Saulnois", Delegate: "Marie Kœnig", Country: "FR", Role: "Fournisseur"},
		Lang:      "fr",
		Version:   3,
		Generated: generated,
	}
	start := time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC) // 14:00 in Metz
	for i := range n {
		a.Meetings = append(a.Meetings, Meeting{
			ID:    fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1),
			Start: start.Add(time.Duration(i) * 20 * time.Minute),
			End:   start.Add(time.Duration(i+1) * 20 * time.Minute),
			Table: 1 + (i*7)%45,
			Other: parties[i%len(parties)],
		})
	}
	return a
}

var (
	pageObject = regexp.MustCompile(`/Type /Page[^s]`)
	pdfStream  = regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`)
)

// pdfPageCount counts the page objects of a PDF.
func pdfPageCount(t *testing.T, b []byte) int {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: starts with %q", b[:min(len(b), 16)])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Fatalf("PDF does not end with %%%%EOF")
	}
	return len(pageObject.FindAll(b, -1))
}

// pdfContent returns every stream of the PDF inflated (or as is when not
// compressed), concatenated in file order: page contents come in page order.
func pdfContent(t *testing.T, b []byte) string {
	t.Helper()
	var out strings.Builder
	for _, m := range pdfStream.FindAllSubmatch(b, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out.Write(m[1])
			continue
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("inflate a stream: %v", err)
		}
		out.Write(data)
		out.WriteByte('\n')
	}
	return out.String()
}

// pdfString is how fpdf writes s with an embedded UTF-8 font inside a page's
// text operator: UTF-16BE, with \, ( and ) escaped.
func pdfString(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '(', ')':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// shown reports whether the text s is drawn as a whole somewhere in the PDF.
func shown(content, s string) bool { return strings.Contains(content, "("+pdfString(s)+")") }
