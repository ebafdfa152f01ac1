package api

import (
	"archive/zip"
	"bytes"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"passerelle/internal/core"
)

// download follows a document's download route to object storage and
// returns the stored file's response (body read).
func (c *client) download(t *testing.T, id string) (*http.Response, []byte) {
	t.Helper()
	c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	dl := c.expect(http.StatusSeeOther, "GET", "/api/v1/documents/"+id+"/download", nil)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(dl.header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("download %s: %d %s", id, resp.StatusCode, body)
	}
	return resp, body
}

// A file that starts as a PDF and holds an HTML page with a script is
// stored, and served, as a PDF: never as HTML, never sniffed into HTML.
func TestPolyglotPDFHTMLIsServedAsPDF(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	polyglot := []byte("%PDF-1.4\n%<html><head><script>alert(document.cookie)</script></head><body>pwned</body></html>\n" +
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n")
	for _, claimed := range []string{"text/html", "application/pdf"} {
		r := s.member.upload(s.org.ID, "sse_evidence", "page.pdf", claimed, bytes.NewReader(polyglot))
		if r.status != http.StatusCreated || r.body["content_type"] != "application/pdf" {
			t.Fatalf("claimed %s: %d %s", claimed, r.status, r.raw)
		}
		resp, body := s.member.download(t, r.body["id"].(string))
		if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("claimed %s: served as %q, want application/pdf", claimed, ct)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("object storage does not forbid sniffing: %v", resp.Header)
		}
		if d, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err != nil || d != "inline" || params["filename"] != "page.pdf" {
			t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
		}
		if !bytes.Equal(body, polyglot) {
			t.Error("the file changed in storage")
		}
	}
	// HTML, or HTML named like a PDF, is refused outright.
	for name, content := range map[string]string{
		"page.pdf":  "<!doctype html><html><script>alert(1)</script></html>",
		"page.html": "<html><body><script>alert(1)</script></body></html>",
	} {
		r := s.member.upload(s.org.ID, "other", name, "application/pdf", strings.NewReader(content))
		if loc, code := fieldErr(t, r); loc != "body.file" || (code != "type_not_allowed" && code != "type_mismatch") {
			t.Errorf("%s: %s %s", name, loc, code)
		}
	}
}

// Office files are stored as they are: an attachment when downloaded.
func TestOfficeDocumentsDownloadAsAttachments(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	r := s.member.upload(s.org.ID, "other", "offre.docx", "application/octet-stream", bytes.NewReader(docxBytes(t, 0)))
	if r.status != http.StatusCreated {
		t.Fatalf("upload: %d %s", r.status, r.raw)
	}
	resp, _ := s.member.download(t, r.body["id"].(string))
	if d, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err != nil || d != "attachment" || params["filename"] != "offre.docx" {
		t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
	}
	if resp.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Errorf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
}

// SVG (which can carry scripts) is refused for every image purpose, under
// its own name or disguised as a PNG.
func TestSVGIsRefused(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	svg := `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>`
	for _, purpose := range []string{"logo", "offer_photo", "sse_evidence", "other"} {
		for _, name := range []string{"logo.svg", "logo.png"} {
			r := s.member.upload(s.org.ID, purpose, name, "image/svg+xml", strings.NewReader(svg))
			if loc, code := fieldErr(t, r); loc != "body.file" || (code != "type_not_allowed" && code != "type_mismatch") {
				t.Errorf("%s as %s: %s %s", name, purpose, loc, code)
			}
		}
	}
	e.assertNothingStored(s.org.ID)
}

// A file name with a path, CR/LF and quotes is stored as a plain name and
// cannot break out of the Content-Disposition header of the download.
func TestHostileFileNames(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	for _, name := range []string{
		"../../../etc/passwd.pdf",
		`..\..\windows\system32\evil.pdf`,
		"rapport\r\nSet-Cookie: stolen=1\r\n.pdf",
		`a"; filename="evil.exe.pdf`,
	} {
		r := s.member.upload(s.org.ID, "sse_evidence", name, "application/pdf", bytes.NewReader(testPDF()))
		if r.status != http.StatusCreated {
			t.Fatalf("%q: %d %s", name, r.status, r.raw)
		}
		stored, _ := r.body["filename"].(string)
		if strings.ContainsAny(stored, "/\\\r\n") || strings.HasPrefix(stored, ".") || !strings.HasSuffix(stored, ".pdf") {
			t.Errorf("%q stored as %q", name, stored)
		}
		resp, _ := s.member.download(t, r.body["id"].(string))
		if resp.Header.Get("Set-Cookie") != "" {
			t.Errorf("%q: the name injected a header: %v", name, resp.Header)
		}
		cd := resp.Header.Get("Content-Disposition")
		_, params, err := mime.ParseMediaType(cd)
		if err != nil || params["filename"] != stored {
			t.Errorf("%q: Content-Disposition %q (%v), want the stored name %q", name, cd, err, stored)
		}
	}
}

// A zip bomb in an office file is stored as sent and never expanded: the
// server reads only its first bytes to learn its type. The bound on what
// the upload allocates fails the day something starts unpacking uploads.
func TestZipBombInOfficeFileIsNeverExpanded(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	const expanded = 256 << 20
	bomb := docxBytes(t, expanded)
	if len(bomb) > 2<<20 {
		t.Fatalf("the bomb is %d bytes: not a bomb", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := s.member.upload(s.org.ID, "other", "bombe.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.NewReader(bomb))
	runtime.ReadMemStats(&after)
	if r.status != http.StatusCreated || r.body["size_bytes"] != float64(len(bomb)) {
		t.Fatalf("upload: %d %s", r.status, r.raw)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > expanded/4 {
		t.Errorf("the upload of a %d-byte file allocated %d MiB: something expanded it", len(bomb), alloc>>20)
	}
	_, body := s.member.download(t, r.body["id"].(string))
	if !bytes.Equal(body, bomb) {
		t.Error("the stored file differs from the one sent")
	}
}

// docxBytes builds a minimal DOCX; with padding > 0 it carries an entry of
// padding zero bytes, which deflate packs into about a thousandth of that.
func docxBytes(t *testing.T, padding int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Offre</w:t></w:r></w:p></w:body></w:document>`},
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			t.Fatal(err)
		}
	}
	if padding > 0 {
		w, err := zw.Create("word/media/image1.bin")
		if err != nil {
			t.Fatal(err)
		}
		zeros := make([]byte, 1<<20)
		for n := 0; n < padding; n += len(zeros) {
			if _, err := w.Write(zeros); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
