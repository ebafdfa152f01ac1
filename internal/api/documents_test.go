package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// as returns a client signed in as userID, with a session that outlives
// any clock the test moves.
func (e *env) as(userID string) *client {
	e.t.Helper()
	token := uniqueToken()
	now := time.Now()
	e.db.Session(e.t, storetest.SessionOptions{UserID: userID, Token: token,
		IdleExpiresAt: now.Add(60 * 24 * time.Hour), AbsoluteExpiresAt: now.Add(90 * 24 * time.Hour)})
	c := e.client()
	c.http.Jar.SetCookies(mustURL(e.t, e.srv.URL), []*http.Cookie{{Name: insecureCookieName, Value: token}})
	return c
}

var tokenSeq atomic.Int64

func uniqueToken() string {
	return fmt.Sprintf("test-session-%d-%d", time.Now().UnixNano(), tokenSeq.Add(1))
}

// upload sends a multipart upload (purpose, then file) and returns the response.
// headers are pairs of name and value, as for client.do.
func (c *client) upload(orgID, purpose, filename, contentType string, content io.Reader, headers ...string) response {
	c.e.t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := mw.WriteField("purpose", purpose)
		if err == nil {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, filename))
			h.Set("Content-Type", contentType)
			var part io.Writer
			if part, err = mw.CreatePart(h); err == nil {
				if _, err = io.Copy(part, content); err == nil {
					err = mw.Close()
				}
			}
		}
		pw.CloseWithError(err)
	}()
	return c.send("POST", "/api/v1/organisations/"+orgID+"/documents", mw.FormDataContentType(), pr, -1, headers...)
}

// send posts a raw body of length n (-1: unknown, sent chunked), with
// headers given as pairs of name and value.
func (c *client) send(method, path, contentType string, body io.Reader, n int64, headers ...string) response {
	c.e.t.Helper()
	req, err := http.NewRequest(method, c.e.srv.URL+path, body)
	if err != nil {
		c.e.t.Fatal(err)
	}
	req.ContentLength = n
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := response{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// docOrg is a supplier organisation with a member, for document tests.
type docOrg struct {
	org    domain.Organisation
	member *client
}

func (e *env) supplierWithMember(country string) docOrg {
	e.t.Helper()
	org := e.db.Organisation(e.t, storetest.OrganisationOptions{Kind: domain.OrgSSESupplier, Country: country})
	u := e.db.User(e.t, storetest.UserOptions{Organisation: org.ID, Role: domain.RoleMember})
	return docOrg{org: org, member: e.as(u.ID)}
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 16))
	for x := range 32 {
		img.Set(x, x%16, color.RGBA{R: 200, G: 40, B: 90, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testPDF is a small well-formed PDF.
func testPDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n")
}

// assertNothingStored checks that orgID has neither objects in S3 nor rows.
func (e *env) assertNothingStored(orgID string) {
	e.t.Helper()
	objs, err := e.objects.List(e.t.Context(), "orgs/"+orgID+"/")
	if err != nil {
		e.t.Fatalf("List: %v", err)
	}
	if len(objs) > 0 {
		e.t.Errorf("objects left in S3: %v", objs)
	}
	docs, err := e.db.Store.ListDocumentsByOrganisation(e.t.Context(), orgID, 100)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(docs) > 0 {
		e.t.Errorf("rows left in documents: %v", docs)
	}
}

// fieldErr returns the (location, code) of the only field error of a 422.
func fieldErr(t *testing.T, r response) (string, string) {
	t.Helper()
	errs, _ := r.body["errors"].([]any)
	if r.status != http.StatusUnprocessableEntity || len(errs) != 1 {
		t.Fatalf("want one field error in a 422, got %d: %s", r.status, r.raw)
	}
	e := errs[0].(map[string]any)
	loc, _ := e["location"].(string)
	code, _ := e["value"].(string)
	return loc, code
}

func TestUploadPNGThenDownload(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	content := pngBytes(t)
	sum := sha256.Sum256(content)

	r := s.member.upload(s.org.ID, "sse_evidence", "attestation agrément.png", "image/png", bytes.NewReader(content))
	if r.status != http.StatusCreated {
		t.Fatalf("upload: %d %s", r.status, r.raw)
	}
	id, _ := r.body["id"].(string)
	if r.body["sha256"] != hex.EncodeToString(sum[:]) || r.body["content_type"] != "image/png" ||
		r.body["size_bytes"] != float64(len(content)) || r.body["filename"] != "attestation agrément.png" ||
		r.header.Get("Location") != "/api/v1/documents/"+id {
		t.Fatalf("unexpected record: %v %v", r.body, r.header)
	}
	stored, err := e.db.Store.GetDocument(t.Context(), id)
	if err != nil || stored.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("stored record: %+v %v", stored, err)
	}

	meta := s.member.expect(http.StatusOK, "GET", "/api/v1/documents/"+id, nil)
	if meta.body["sha256"] != r.body["sha256"] {
		t.Fatalf("metadata: %s", meta.raw)
	}

	// The download is a redirect to a presigned URL serving the same bytes.
	s.member.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	dl := s.member.expect(http.StatusSeeOther, "GET", "/api/v1/documents/"+id+"/download", nil)
	loc := dl.header.Get("Location")
	if !strings.Contains(loc, "X-Amz-Expires=300") || dl.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("download redirect: %v", dl.header)
	}
	resp, err := http.Get(loc)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, content) {
		t.Fatalf("presigned download: %d, %d bytes (want %d)", resp.StatusCode, len(got), len(content))
	}

	// A moderator reads evidence; another organisation's member learns nothing.
	mod := e.as(e.db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}).ID)
	mod.http.CheckRedirect = s.member.http.CheckRedirect
	mod.expect(http.StatusSeeOther, "GET", "/api/v1/documents/"+id+"/download", nil)
	mod.expect(http.StatusForbidden, "DELETE", "/api/v1/documents/"+id, nil)
	outsider := e.supplierWithMember("FR").member
	outsider.expect(http.StatusNotFound, "GET", "/api/v1/documents/"+id, nil)
	outsider.expect(http.StatusNotFound, "GET", "/api/v1/documents/"+id+"/download", nil)
	outsider.expect(http.StatusNotFound, "DELETE", "/api/v1/documents/"+id, nil)
	outsider.expect(http.StatusForbidden, "GET", "/api/v1/organisations/"+s.org.ID+"/documents", nil)

	// A raw body works too.
	raw := s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents?purpose=logo&filename=logo", "image/png", bytes.NewReader(content), int64(len(content)))
	if raw.status != http.StatusCreated || raw.body["filename"] != "logo.png" || raw.body["purpose"] != "logo" {
		t.Fatalf("raw upload: %d %s", raw.status, raw.raw)
	}

	// Deleting removes the row and the object.
	s.member.expect(http.StatusNoContent, "DELETE", "/api/v1/documents/"+id, nil)
	s.member.expect(http.StatusNotFound, "GET", "/api/v1/documents/"+id, nil)
	if objs, _ := e.objects.List(t.Context(), stored.ObjectKey); len(objs) != 0 {
		t.Fatalf("object left after delete: %v", objs)
	}
}

func TestUploadDisguisedExecutableIsRefused(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	elf := append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, bytes.Repeat([]byte{0}, 4000)...)
	elf[16], elf[18] = 2, 0x3e // ET_EXEC, x86-64
	mz := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), bytes.Repeat([]byte{0}, 4000)...)
	for name, content := range map[string][]byte{"ELF": elf, "MZ": mz} {
		t.Run(name, func(t *testing.T) {
			r := s.member.upload(s.org.ID, "sse_evidence", "evidence.pdf", "application/pdf", bytes.NewReader(content))
			loc, code := fieldErr(t, r)
			if loc != "body.file" || (code != "type_not_allowed" && code != "type_mismatch") {
				t.Fatalf("want body.file type_not_allowed, got %s %s: %s", loc, code, r.raw)
			}
			if !strings.Contains(r.raw, "not a PDF document") {
				t.Errorf("the message should say what the file pretended to be: %s", r.raw)
			}
			// The raw-body path refuses it the same way.
			raw := s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents?purpose=sse_evidence&filename=evidence.pdf",
				"application/pdf", bytes.NewReader(content), int64(len(content)))
			if loc, code := fieldErr(t, raw); loc != "body" || code != "type_not_allowed" {
				t.Fatalf("raw: %s %s", loc, code)
			}
			e.assertNothingStored(s.org.ID)
		})
	}
}

// An upload refused by core (its type) or by the route itself (its form)
// is explained in the language of Accept-Language.
func TestUploadProblemsInTheCallersLanguage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	elf := append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, bytes.Repeat([]byte{0}, 4000)...)
	elf[16], elf[18] = 2, 0x3e // ET_EXEC, x86-64
	for lang, want := range map[string]string{
		"en": "this file is an executable (application/x-executable), not a PDF document: accepted for evidence: PDF, PNG, JPEG, WebP",
		"de": "diese Datei ist ein ausführbares Programm (application/x-executable), angekündigt war aber ein PDF-Dokument; " +
			"als Nachweis akzeptiert: PDF, PNG, JPEG, WebP",
		"fr": "ce fichier est un programme exécutable (application/x-executable), et non un document PDF ; " +
			"formats acceptés comme justificatif : PDF, PNG, JPEG, WebP",
	} {
		r := s.member.upload(s.org.ID, "sse_evidence", "evidence.pdf", "application/pdf", bytes.NewReader(elf), "Accept-Language", lang)
		if loc, code, msg := problemField(t, r); loc != "body.file" || code != "type_not_allowed" || msg != want {
			t.Errorf("%s: %s %s %q, want %q", lang, loc, code, msg, want)
		}
		if lang == "de" && (r.body["title"] != "Ungültige Eingabe" || r.body["detail"] != "Die Eingabe ist ungültig.") {
			t.Errorf("title and detail in German: %s", r.raw)
		}
	}

	// The route's own refusals.
	noFile := "--X\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nlogo\r\n--X--\r\n"
	r := s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents", "multipart/form-data; boundary=X",
		strings.NewReader(noFile), int64(len(noFile)), "Accept-Language", "nl-BE")
	if loc, code, msg := problemField(t, r); loc != "body.file" || code != "required" || msg != "de inhoud van het verzoek heeft geen veld file" {
		t.Errorf("no file in Dutch: %s %s %q", loc, code, msg)
	}
	r = s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents", "application/pdf",
		bytes.NewReader(testPDF()), int64(len(testPDF())), "Accept-Language", "fr")
	if loc, _, msg := problemField(t, r); loc != "query.purpose" || msg != "indiquez à quoi sert le fichier : ?purpose=sse_evidence, logo…" {
		t.Errorf("no purpose in French: %s %q", loc, msg)
	}
	e.assertNothingStored(s.org.ID)
}

// zeros is n zero bytes, produced as read.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), z.n)
	clear(p[:k])
	z.n -= k
	return int(k), nil
}

func TestUploadTooLargeIsRefusedBeforeStorage(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	const size = 26 << 20
	head := testPDF()
	body := func() io.Reader { return io.MultiReader(bytes.NewReader(head), &zeros{size - int64(len(head))}) }

	// Announced by Content-Length: refused before a byte is read.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("purpose", "sse_evidence")
	part, _ := mw.CreateFormFile("file", "big.pdf")
	_, _ = io.Copy(part, body())
	_ = mw.Close()
	r := s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents", mw.FormDataContentType(), bytes.NewReader(buf.Bytes()), int64(buf.Len()),
		"Accept-Language", "fr")
	if r.status != http.StatusRequestEntityTooLarge || r.body["detail"] != "Le fichier dépasse 25 Mio." || r.body["title"] != "Contenu trop volumineux" {
		t.Fatalf("announced 26 MiB: %d %s", r.status, r.raw)
	}
	e.assertNothingStored(s.org.ID)

	// Sent without a length (chunked): refused once the limit is passed.
	r = s.member.upload(s.org.ID, "sse_evidence", "big.pdf", "application/pdf", body())
	if loc, code := fieldErr(t, r); loc != "body.file" || code != "too_large" {
		t.Fatalf("chunked 26 MiB: %s %s", loc, code)
	}
	e.assertNothingStored(s.org.ID)

	// Exactly the limit is accepted.
	r = s.member.send("POST", "/api/v1/organisations/"+s.org.ID+"/documents?purpose=sse_evidence&filename=limit.pdf", "application/pdf",
		io.MultiReader(bytes.NewReader(head), &zeros{testMaxUpload - int64(len(head))}), testMaxUpload)
	if r.status != http.StatusCreated || r.body["size_bytes"] != float64(testMaxUpload) {
		t.Fatalf("25 MiB: %d %s", r.status, r.raw)
	}
}

func TestUploadInputErrors(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	path := "/api/v1/organisations/" + s.org.ID + "/documents"
	cases := []struct {
		name, contentType, body, loc, code string
	}{
		{"raw without purpose", "application/pdf", string(testPDF()), "query.purpose", "required"},
		{"file before purpose", "multipart/form-data; boundary=X",
			"--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + string(testPDF()) + "\r\n--X--\r\n", "body.purpose", "required"},
		{"unknown purpose", "multipart/form-data; boundary=X",
			"--X\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nselfie\r\n--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" +
				string(testPDF()) + "\r\n--X--\r\n", "body.purpose", "invalid"},
		{"no file", "multipart/form-data; boundary=X", "--X\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nlogo\r\n--X--\r\n", "body.file", "required"},
		{"no boundary", "multipart/form-data", "x", "header.Content-Type", "invalid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.member.send("POST", path, c.contentType, strings.NewReader(c.body), int64(len(c.body)))
			if loc, code := fieldErr(t, r); loc != c.loc || code != c.code {
				t.Fatalf("got %s %s, want %s %s", loc, code, c.loc, c.code)
			}
		})
	}
	e.assertNothingStored(s.org.ID)

	// Only members upload; the rule refuses before the body is read.
	anon := e.client()
	if r := anon.upload(s.org.ID, "logo", "a.png", "image/png", bytes.NewReader(pngBytes(t))); r.status != http.StatusUnauthorized {
		t.Fatalf("anonymous upload: %d", r.status)
	}
	if r := e.supplierWithMember("FR").member.upload(s.org.ID, "logo", "a.png", "image/png", bytes.NewReader(pngBytes(t))); r.status != http.StatusForbidden {
		t.Fatalf("outsider upload: %d", r.status)
	}
}

func TestListDocumentsPages(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	s := e.supplierWithMember("FR")
	var ids []string
	for i := range 3 {
		r := s.member.upload(s.org.ID, "other", fmt.Sprintf("doc%d.pdf", i), "application/pdf", bytes.NewReader(testPDF()))
		if r.status != http.StatusCreated {
			t.Fatalf("upload: %s", r.raw)
		}
		ids = append(ids, r.body["id"].(string))
		e.clock.advance(time.Second)
	}
	page := s.member.expect(http.StatusOK, "GET", "/api/v1/organisations/"+s.org.ID+"/documents?limit=2", nil)
	items, _ := page.body["items"].([]any)
	next, _ := page.body["next_cursor"].(string)
	if len(items) != 2 || next == "" || items[0].(map[string]any)["id"] != ids[2] || items[1].(map[string]any)["id"] != ids[1] {
		t.Fatalf("first page: %s", page.raw)
	}
	page = s.member.expect(http.StatusOK, "GET", "/api/v1/organisations/"+s.org.ID+"/documents?limit=2&cursor="+next, nil)
	items, _ = page.body["items"].([]any)
	if len(items) != 1 || page.body["next_cursor"] != "" || items[0].(map[string]any)["id"] != ids[0] {
		t.Fatalf("last page: %s", page.raw)
	}
	r := s.member.do("GET", "/api/v1/organisations/"+s.org.ID+"/documents?cursor=bogus", nil)
	if loc, code := fieldErr(t, r); loc != "query.cursor" || code != "invalid" {
		t.Fatalf("bad cursor: %s %s", loc, code)
	}
}

func TestUploadIsDocumented(t *testing.T) {
	e := newEnv(t, core.RateLimits{})
	var doc struct {
		Paths map[string]map[string]struct {
			Security    []map[string][]string `json:"security"`
			RequestBody struct {
				Content map[string]any `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	raw := e.client().expect(http.StatusOK, "GET", "/api/openapi.json", nil).raw
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	op, ok := doc.Paths["/api/v1/organisations/{orgID}/documents"]["post"]
	if !ok || op.RequestBody.Content["multipart/form-data"] == nil || len(op.Security) == 0 {
		t.Fatalf("the upload operation is missing or incomplete in the OpenAPI document: %+v", op)
	}
}
