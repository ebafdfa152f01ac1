package core_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/blob/s3server"
	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

// docEnv is a real database and a real (embedded) S3 server.
type docEnv struct {
	db      *storetest.DB
	objects *blob.Store
	docs    *core.Documents
	org     domain.Organisation
	member  domain.User
	// principals of the organisation's member, of a member of another
	// organisation, and of a platform moderator who belongs to none.
	memberP, outsiderP, moderatorP domain.Principal
}

func newDocEnv(t *testing.T) *docEnv {
	t.Helper()
	db := storetest.New(t)
	objects := newObjectStore(t)
	e := &docEnv{db: db, objects: objects, docs: core.NewDocuments(db.Store, objects, 0, time.Now)}
	e.org = db.Organisation(t, storetest.OrganisationOptions{})
	e.member = db.User(t, storetest.UserOptions{Organisation: e.org.ID, Role: domain.RoleMember})
	e.memberP = principal(e.member, e.org.ID)
	other := db.Organisation(t, storetest.OrganisationOptions{})
	e.outsiderP = principal(db.User(t, storetest.UserOptions{Organisation: other.ID}), other.ID)
	e.moderatorP = principal(db.User(t, storetest.UserOptions{PlatformRole: domain.PlatformModerator}), "")
	return e
}

func principal(u domain.User, orgID string) domain.Principal {
	p := domain.Principal{UserID: u.ID, PlatformRole: u.PlatformRole, Memberships: map[string]domain.MembershipRole{}}
	if orgID != "" {
		p.Memberships[orgID] = domain.RoleMember
	}
	return p
}

func actorOf(p domain.Principal) core.Actor {
	return core.Actor{UserID: p.UserID, PlatformRole: p.PlatformRole, RequestID: "req-test"}
}

// newObjectStore starts the embedded S3 server for the test and returns a
// Store on a fresh bucket whose spool directory must be empty at the end.
func newObjectStore(t *testing.T) *blob.Store {
	t.Helper()
	srv, err := s3server.Start(t.Context(), s3server.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("s3server.Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Close(ctx); err != nil {
			t.Errorf("s3server.Close: %v", err)
		}
	})
	spool := t.TempDir()
	t.Cleanup(func() {
		if left, _ := os.ReadDir(spool); len(left) > 0 {
			t.Errorf("spool files left behind: %v", left)
		}
	})
	objects, err := blob.New(t.Context(), blob.Config{
		Endpoint: srv.Endpoint(), Bucket: "documents-test", AccessKey: "test", SecretKey: "test-secret",
		UsePathStyle: true, CreateBucket: true, TempDir: spool,
	})
	if err != nil {
		t.Fatalf("blob.New: %v", err)
	}
	return objects
}

// assertNothingStored checks that orgID has neither objects nor rows.
func (e *docEnv) assertNothingStored(t *testing.T, orgID string) {
	t.Helper()
	objs, err := e.objects.List(t.Context(), "orgs/"+orgID+"/")
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(objs) > 0 {
		t.Errorf("objects left in S3: %v", objs)
	}
	docs, err := e.db.Store.ListDocumentsByOrganisation(t.Context(), orgID, 100)
	if err != nil {
		t.Fatalf("ListDocumentsByOrganisation: %v", err)
	}
	if len(docs) > 0 {
		t.Errorf("rows left in documents: %v", docs)
	}
}

// minimalPDF is a real one-page PDF, the one the demo data uses.
func minimalPDF() []byte { return core.DemoPDF("Attestation", []string{"Test document."}) }

func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegImage(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docx is a minimal Word document: a ZIP with the parts Word writes first.
func docx(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`},
	} {
		w, err := z.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// elfExecutable starts like a 64-bit Linux executable.
func elfExecutable() []byte {
	b := make([]byte, 4096)
	copy(b, "\x7fELF\x02\x01\x01")
	b[16] = 2 // e_type: ET_EXEC
	b[18] = 0x3e
	return b
}

const svgLogo = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`

func fieldError(t *testing.T, err error) domain.FieldError {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 1 {
		t.Fatalf("error = %v, want a ValidationError on one field", err)
	}
	return ve.Fields[0]
}

func TestUploadPDF(t *testing.T) {
	e := newDocEnv(t)
	ctx := t.Context()
	pdf := minimalPDF()
	sum := sha256.Sum256(pdf)

	doc, err := e.docs.Upload(ctx, actorOf(e.memberP), e.memberP, e.org.ID, domain.DocSSEEvidence,
		`C:\scans\Attestation  ESAT 2025.pdf`, "application/pdf", bytes.NewReader(pdf))
	if err != nil {
		t.Fatalf("Upload: %v", err)
	}
	if doc.Filename != "Attestation ESAT 2025.pdf" || doc.ContentType != domain.TypePDF || doc.Purpose != domain.DocSSEEvidence {
		t.Errorf("document = %+v", doc)
	}
	if doc.SizeBytes != int64(len(pdf)) || doc.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("size %d sha256 %s, want %d %x", doc.SizeBytes, doc.SHA256, len(pdf), sum)
	}
	if doc.OrganisationID != e.org.ID || doc.UploadedBy != e.member.ID {
		t.Errorf("owner %s uploader %s", doc.OrganisationID, doc.UploadedBy)
	}
	if want := "orgs/" + e.org.ID + "/documents/" + doc.ID; doc.ObjectKey != want {
		t.Errorf("object key %q, want %q", doc.ObjectKey, want)
	}

	stored, err := e.db.Store.GetDocument(ctx, doc.ID)
	if err != nil || stored.SHA256 != doc.SHA256 || stored.SizeBytes != doc.SizeBytes || stored.Filename != doc.Filename {
		t.Errorf("GetDocument = %+v, %v; want %+v", stored, err, doc)
	}
	obj, err := e.objects.Stat(ctx, doc.ObjectKey)
	if err != nil {
		t.Fatalf("Stat: %v", err)
	}
	if obj.Size != int64(len(pdf)) || obj.ContentType != domain.TypePDF {
		t.Errorf("object = %+v", obj)
	}
	entries, err := e.db.Store.ListAudit(ctx, "document", doc.ID, 10)
	if err != nil || len(entries) != 1 || entries[0].Action != "document.uploaded" || entries[0].RequestID != "req-test" {
		t.Errorf("audit = %+v, %v", entries, err)
	}

	// The member downloads it through a short-lived link.
	before := time.Now()
	url, expires, err := e.docs.URL(ctx, e.memberP, doc.ID)
	if err != nil {
		t.Fatalf("URL: %v", err)
	}
	if expires.After(before.Add(core.DocumentURLTTL)) || expires.Before(before.Add(core.DocumentURLTTL-5*time.Second)) {
		t.Errorf("expires %v, want about %v after %v", expires, core.DocumentURLTTL, before)
	}
	if got := download(t, url); !bytes.Equal(got, pdf) {
		t.Errorf("downloaded %d bytes differing from the %d uploaded", len(got), len(pdf))
	}
}

func download(t *testing.T, url string) []byte {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET presigned URL: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET presigned URL: %s: %s", resp.Status, body)
	}
	return body
}

func TestUploadAcceptsByContent(t *testing.T) {
	e := newDocEnv(t)
	tests := []struct {
		name     string
		purpose  domain.DocumentPurpose
		filename string
		body     []byte
		wantType string
		wantName string
	}{
		{"png logo", domain.DocLogo, "logo.png", pngImage(t), domain.TypePNG, "logo.png"},
		{"jpeg photo, extension in capitals", domain.DocOfferPhoto, "atelier.JPEG", jpegImage(t), domain.TypeJPEG, "atelier.JPEG"},
		{"docx tender document", domain.DocTenderDocument, "cahier des charges.docx", docx(t), domain.TypeDOCX, "cahier des charges.docx"},
		{"no extension gets the type's", domain.DocSSEEvidence, "attestation", minimalPDF(), domain.TypePDF, "attestation.pdf"},
		{"hidden name", domain.DocOther, ".pdf", minimalPDF(), domain.TypePDF, "pdf.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The declared type is only a hint: a wrong one changes nothing.
			doc, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, tt.purpose, tt.filename,
				"application/octet-stream", bytes.NewReader(tt.body))
			if err != nil {
				t.Fatalf("Upload: %v", err)
			}
			if doc.ContentType != tt.wantType || doc.Filename != tt.wantName || doc.SizeBytes != int64(len(tt.body)) {
				t.Errorf("document = %+v, want type %s, name %q", doc, tt.wantType, tt.wantName)
			}
		})
	}
}

func TestUploadRefusesByContent(t *testing.T) {
	e := newDocEnv(t)
	tests := []struct {
		name        string
		purpose     domain.DocumentPurpose
		filename    string
		declared    string
		body        []byte
		wantCode    string
		wantMessage []string
	}{
		{"executable named invoice.pdf", domain.DocSSEEvidence, "invoice.pdf", "application/pdf", elfExecutable(),
			"type_not_allowed", []string{"an executable (application/x-executable)", "not a PDF document", "accepted for evidence: PDF, PNG, JPEG, WebP"}},
		{"png named .pdf", domain.DocSSEEvidence, "scan.pdf", "application/pdf", pngImage(t),
			"type_mismatch", []string{"a PNG image", "ends in .pdf"}},
		{"svg logo", domain.DocLogo, "logo.svg", "image/svg+xml", []byte(svgLogo),
			"type_not_allowed", []string{"an SVG image", "accepted for logos: PNG, JPEG, WebP"}},
		{"svg named .png", domain.DocLogo, "logo.png", "image/png", []byte(svgLogo),
			"type_not_allowed", []string{"an SVG image", "not a PNG image"}},
		{"pdf as a logo", domain.DocLogo, "logo.pdf", "application/pdf", minimalPDF(),
			"type_not_allowed", []string{"a PDF document", "accepted for logos"}},
		{"docx as evidence", domain.DocSSEEvidence, "statuts.docx", "", docx(t),
			"type_not_allowed", []string{"a Word document", "accepted for evidence: PDF, PNG, JPEG, WebP"}},
		{"html page", domain.DocOther, "page.pdf", "", []byte("<!DOCTYPE html><html><body><script>x()</script></body></html>"),
			"type_not_allowed", []string{"a web page (text/html)"}},
		{"pdf named .exe", domain.DocOther, "setup.exe", "", minimalPDF(),
			"type_mismatch", []string{"a PDF document", "ends in .exe"}},
		{"empty file", domain.DocOther, "empty.pdf", "", nil, "empty", []string{"empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, tt.purpose, tt.filename,
				tt.declared, bytes.NewReader(tt.body))
			f := fieldError(t, err)
			t.Logf("%s: %s", f.Code, f.Message)
			if f.Field != "file" || f.Code != tt.wantCode {
				t.Errorf("field %s code %s, want file %s (%s)", f.Field, f.Code, tt.wantCode, f.Message)
			}
			for _, want := range tt.wantMessage {
				if !strings.Contains(f.Message, want) {
					t.Errorf("message %q does not say %q", f.Message, want)
				}
			}
			e.assertNothingStored(t, e.org.ID)
		})
	}
	t.Run("unknown purpose", func(t *testing.T) {
		_, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, "avatar", "a.png", "", bytes.NewReader(pngImage(t)))
		if f := fieldError(t, err); f.Field != "purpose" {
			t.Errorf("field %s, want purpose", f.Field)
		}
		e.assertNothingStored(t, e.org.ID)
	})
}

// repeating is an endless stream of one byte.
type repeating byte

func (r repeating) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// countingReader counts what was read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestUploadTooLarge(t *testing.T) {
	e := newDocEnv(t)
	// 26 MiB generated as it is read, behind a real PDF header: never in memory.
	const size = 26 << 20
	body := &countingReader{r: io.MultiReader(strings.NewReader("%PDF-1.7\n"), io.LimitReader(repeating(' '), size))}
	_, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, domain.DocTenderDocument, "plans.pdf", "application/pdf", body)
	f := fieldError(t, err)
	if f.Code != "too_large" || f.Message != "the file is larger than 25 MiB" {
		t.Errorf("field error = %+v", f)
	}
	// Reading stopped just past the limit: the rest was never even read.
	if body.n > core.DefaultMaxDocumentSize+64<<10 {
		t.Errorf("read %d bytes of the body, want at most a little over %d", body.n, core.DefaultMaxDocumentSize)
	}
	e.assertNothingStored(t, e.org.ID)

	t.Run("a smaller limit", func(t *testing.T) {
		docs := core.NewDocuments(e.db.Store, e.objects, 1000, time.Now)
		pdf := append(minimalPDF(), bytes.Repeat([]byte{'\n'}, 1000)...)
		_, err := docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, domain.DocOther, "a.pdf", "", bytes.NewReader(pdf))
		if f := fieldError(t, err); f.Code != "too_large" || f.Message != "the file is larger than 1000 bytes" {
			t.Errorf("field error = %+v", f)
		}
		e.assertNothingStored(t, e.org.ID)
	})
}

func TestUploadRequiresMembership(t *testing.T) {
	e := newDocEnv(t)
	tests := []struct {
		name string
		p    domain.Principal
		want error
	}{
		{"member of another organisation", e.outsiderP, domain.ErrForbidden},
		{"moderator", e.moderatorP, domain.ErrForbidden},
		{"anonymous", domain.Principal{}, domain.ErrUnauthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.docs.Upload(t.Context(), actorOf(tt.p), tt.p, e.org.ID, domain.DocSSEEvidence, "a.pdf", "application/pdf",
				bytes.NewReader(minimalPDF()))
			if !errors.Is(err, tt.want) {
				t.Errorf("Upload = %v, want %v", err, tt.want)
			}
			e.assertNothingStored(t, e.org.ID)
		})
	}
}

func TestDocumentURLAccess(t *testing.T) {
	e := newDocEnv(t)
	doc, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, domain.DocSSEEvidence, "a.pdf", "",
		bytes.NewReader(minimalPDF()))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.docs.URL(t.Context(), e.outsiderP, doc.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("outsider: %v, want ErrNotFound", err)
	}
	if _, _, err := e.docs.URL(t.Context(), domain.Principal{}, doc.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("anonymous: %v, want ErrNotFound", err)
	}
	url, _, err := e.docs.URL(t.Context(), e.moderatorP, doc.ID)
	if err != nil {
		t.Fatalf("moderator: %v", err)
	}
	if got := download(t, url); !bytes.Equal(got, minimalPDF()) {
		t.Error("moderator downloaded other bytes")
	}
	for _, id := range []string{store.NewID(), "not-an-id"} {
		if _, _, err := e.docs.URL(t.Context(), e.memberP, id); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("URL(%q) = %v, want ErrNotFound", id, err)
		}
	}
}

func TestDeleteDocument(t *testing.T) {
	e := newDocEnv(t)
	ctx := t.Context()
	doc, err := e.docs.Upload(ctx, actorOf(e.memberP), e.memberP, e.org.ID, domain.DocLogo, "logo.png", "image/png",
		bytes.NewReader(pngImage(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.docs.Delete(ctx, actorOf(e.outsiderP), e.outsiderP, doc.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("outsider: %v, want ErrNotFound", err)
	}
	if err := e.docs.Delete(ctx, actorOf(e.moderatorP), e.moderatorP, doc.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("moderator: %v, want ErrForbidden", err)
	}
	if _, err := e.objects.Stat(ctx, doc.ObjectKey); err != nil {
		t.Fatalf("refused deletes must keep the object: %v", err)
	}

	if err := e.docs.Delete(ctx, actorOf(e.memberP), e.memberP, doc.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := e.db.Store.GetDocument(ctx, doc.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("row: %v, want ErrNotFound", err)
	}
	if _, err := e.objects.Stat(ctx, doc.ObjectKey); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("object: %v, want blob.ErrNotFound", err)
	}
	entries, err := e.db.Store.ListAudit(ctx, "document", doc.ID, 10)
	if err != nil || len(entries) != 2 || entries[0].Action != "document.deleted" {
		t.Errorf("audit = %+v, %v", entries, err)
	}
	if err := e.docs.Delete(ctx, actorOf(e.memberP), e.memberP, doc.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	e.assertNothingStored(t, e.org.ID)
}

// A transaction that fails after the object was written must remove it:
// here the principal is a member of an organisation that has no row, so
// authorization passes and the insert breaks its foreign key.
func TestUploadDatabaseFailureLeavesNoObject(t *testing.T) {
	e := newDocEnv(t)
	ghost := store.NewID()
	p := principal(e.member, ghost)
	_, err := e.docs.Upload(t.Context(), actorOf(p), p, ghost, domain.DocSSEEvidence, "a.pdf", "", bytes.NewReader(minimalPDF()))
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("Upload = %v, want the foreign key's ErrConflict", err)
	}
	e.assertNothingStored(t, ghost)
	all, err := e.objects.List(t.Context(), "")
	if err != nil || len(all) != 0 {
		t.Errorf("bucket holds %v (%v), want nothing", all, err)
	}
}

func TestListDocumentsByOrganisation(t *testing.T) {
	e := newDocEnv(t)
	var ids []string
	for i := range 3 {
		doc, err := e.docs.Upload(t.Context(), actorOf(e.memberP), e.memberP, e.org.ID, domain.DocOther,
			fmt.Sprintf("doc %d.pdf", i), "", bytes.NewReader(minimalPDF()))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, doc.ID)
	}
	docs, err := e.db.Store.ListDocumentsByOrganisation(t.Context(), e.org.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != ids[2] || docs[1].ID != ids[1] {
		t.Errorf("listed %+v, want the two newest of %v", docs, ids)
	}
}
