package faulttest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"testing"
)

// genericUnavailable is the detail of a 503 for an unavailable service.
var genericUnavailable = map[string]string{
	"en": "A service Passerelle needs is unavailable; try again shortly.",
	"fr": "Un service dont Passerelle a besoin est indisponible ; réessayez dans un instant.",
	"de": "Ein von Passerelle benötigter Dienst ist nicht erreichbar; versuchen Sie es gleich noch einmal.",
	"nl": "Een dienst die Passerelle nodig heeft is niet beschikbaar; probeer het zo opnieuw.",
}

// TestS3DownDuringUploads stops the S3 server (a real versitygw) between
// uploads and in the middle of one: every upload answers 503 problem+json
// in the user's language, leaves no row, no audit entry and no spooled
// file; once the server is back the same uploads succeed and download.
func TestS3DownDuringUploads(t *testing.T) {
	gw := startVersitygw(t)
	a := newApp(t, appOptions{s3Endpoint: gw.endpoint()})
	w := a.world()
	org := w.supplierOrg.ID

	small := pdf(2 << 10)
	large := pdf(9 << 20) // past the 8 MiB kept in memory: spooled to disk
	logo := pngImage(t)
	if r := w.supplier.upload(t, org, "sse_evidence", "attestation.pdf", small, "fr", nil); r.status != http.StatusCreated {
		t.Fatalf("upload while S3 is up: %d %s", r.status, r.raw)
	}
	before := a.documentRows(org)

	gw.stop()
	for lang, want := range genericUnavailable {
		unavailableProblem(t, "small evidence in "+lang, w.supplier.upload(t, org, "sse_evidence", "attestation.pdf", small, lang, nil), lang, want)
	}
	unavailableProblem(t, "large evidence", w.supplier.upload(t, org, "sse_evidence", "rapport.pdf", large, "de", nil), "de", genericUnavailable["de"])
	unavailableProblem(t, "logo", w.supplier.upload(t, org, "logo", "logo.png", logo, "nl", nil), "nl", genericUnavailable["nl"])
	a.checkNothingLeft(org, before)

	// Down in the middle of an upload: the server stops after the first
	// half of the body has been sent.
	gw.start()
	r := w.supplier.upload(t, org, "sse_evidence", "rapport.pdf", large, "fr", gw.stop)
	unavailableProblem(t, "upload cut by the outage", r, "fr", genericUnavailable["fr"])
	a.checkNothingLeft(org, before)

	// Back: the same uploads succeed, and the files read back whole.
	gw.start()
	for _, f := range []struct {
		purpose, name string
		content       []byte
	}{{"sse_evidence", "attestation.pdf", small}, {"sse_evidence", "rapport.pdf", large}, {"logo", "logo.png", logo}} {
		r := w.supplier.upload(t, org, f.purpose, f.name, f.content, "en", nil)
		if r.status != http.StatusCreated {
			t.Fatalf("retry of %s once S3 is back: %d %s", f.name, r.status, r.raw)
		}
		id := r.body["id"].(string)
		if got := a.download(t, w.supplier, id); !bytes.Equal(got, f.content) {
			t.Errorf("%s reads back %d bytes, want %d", f.name, len(got), len(f.content))
		}
		if f.purpose == "logo" {
			w.supplier.expect(t, http.StatusOK, "PUT", "/api/v1/organisations/"+org+"/logo", map[string]any{"document_id": id})
		}
	}
	if n := a.documentRows(org); n != before+3 {
		t.Errorf("%d document rows after the retries, want %d", n, before+3)
	}
	a.checkSpoolEmpty()
}

// pdf is a PDF of n bytes (a header, then padding in a comment).
func pdf(n int) []byte {
	b := bytes.Repeat([]byte("%"), n)
	copy(b, "%PDF-1.4\n")
	return b
}

func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for i := range 16 {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload sends a multipart upload in lang; halfway, when set, runs once
// half of the file has been sent.
func (c *client) upload(t *testing.T, orgID, purpose, filename string, content []byte, lang string, halfway func()) response {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := mw.WriteField("purpose", purpose)
		if err == nil {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, filename))
			h.Set("Content-Type", http.DetectContentType(content))
			var part io.Writer
			if part, err = mw.CreatePart(h); err == nil {
				half := len(content) / 2
				if _, err = part.Write(content[:half]); err == nil {
					if halfway != nil {
						halfway()
					}
					if _, err = part.Write(content[half:]); err == nil {
						err = mw.Close()
					}
				}
			}
		}
		pw.CloseWithError(err)
	}()
	req, err := http.NewRequest("POST", c.base+"/api/v1/organisations/"+orgID+"/documents", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept-Language", lang)
	return c.send(req)
}

// download follows a document's download link to the object itself.
func (a *app) download(t *testing.T, c *client, id string) []byte {
	t.Helper()
	r := c.do("GET", "/api/v1/documents/"+id+"/download", nil, "")
	if r.err != nil || r.status != http.StatusOK {
		t.Fatalf("download %s: %d %v", id, r.status, r.err)
	}
	return []byte(r.raw)
}

// documentRows counts orgID's document rows.
func (a *app) documentRows(orgID string) int {
	a.t.Helper()
	var n int
	if err := a.db.Pool.QueryRow(context.Background(), "SELECT count(*) FROM documents WHERE organisation_id = $1", orgID).Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}

// checkNothingLeft checks that failed uploads left no document row, no
// audit entry of an upload, and no spooled file.
func (a *app) checkNothingLeft(orgID string, rows int) {
	a.t.Helper()
	if n := a.documentRows(orgID); n != rows {
		a.t.Errorf("%d document rows after failed uploads, want %d", n, rows)
	}
	var audits int
	if err := a.db.Pool.QueryRow(context.Background(),
		"SELECT count(*) FROM audit_log WHERE action = 'document.uploaded' AND organisation_id = $1", orgID).Scan(&audits); err != nil {
		a.t.Fatal(err)
	}
	if audits != rows {
		a.t.Errorf("%d upload audit entries, want %d (one per stored document)", audits, rows)
	}
	a.checkSpoolEmpty()
}

func (a *app) checkSpoolEmpty() {
	a.t.Helper()
	left, err := os.ReadDir(a.blobTemp)
	if err != nil {
		a.t.Fatal(err)
	}
	for _, f := range left {
		a.t.Errorf("file left in the upload spool: %s", f.Name())
	}
}
