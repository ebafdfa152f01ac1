package core

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gabriel-vasile/mimetype"
	"github.com/google/uuid"

	"passerelle/internal/blob"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

const (
	// DefaultMaxDocumentSize is the largest upload when NewDocuments is given none.
	DefaultMaxDocumentSize int64 = 25 << 20
	// DocumentURLTTL is how long a download link lives.
	DocumentURLTTL = 5 * time.Minute
	// sniffSize is how much of a file decides its type: all that mimetype reads.
	sniffSize = 3072
	// cleanupTimeout bounds the removal of an object whose row could not be
	// written or was deleted, even when the request's context is gone.
	cleanupTimeout = 30 * time.Second
)

// ErrObjectNotRemoved means a document was deleted but its stored file
// could not be removed: the deletion stands (the file is unreachable
// without its row) and the leftover object can be swept later. Callers
// treat the deletion as done and log the error.
var ErrObjectNotRemoved = errors.New("document deleted, but its stored file could not be removed")

// Documents stores the files organisations upload (SSE status evidence,
// logos, tender documents, offer photos…): the bytes in object storage,
// the record in PostgreSQL.
type Documents struct {
	st      *store.Store
	objects *blob.Store
	maxSize int64
	now     Clock
}

// NewDocuments builds the document use cases; maxSize <= 0 means
// DefaultMaxDocumentSize (25 MiB).
func NewDocuments(st *store.Store, objects *blob.Store, maxSize int64, now Clock) *Documents {
	if maxSize <= 0 {
		maxSize = DefaultMaxDocumentSize
	}
	if now == nil {
		now = time.Now
	}
	return &Documents{st: st, objects: objects, maxSize: maxSize, now: now}
}

// Upload stores body as a document of orgID for purpose, on behalf of
// actor, whom principal describes for authorization.
//
// The type is decided by the content: the first bytes are sniffed, and the
// file is refused (a domain.ValidationError on field "file") when that type
// is not accepted for the purpose ("type_not_allowed"), when the file
// name's extension announces another type ("type_mismatch"), when it is
// empty ("empty") or larger than the limit ("too_large"); nothing is
// stored then. declaredType, what the browser claimed, is only used to
// phrase the refusal. The stored name is SanitizeFilename(filename), with
// the type's extension added when it has none.
//
// The object is written first, under a key made of ids only, then its row
// and audit entry in one transaction; if that transaction fails, the
// object is removed again.
func (d *Documents) Upload(ctx context.Context, actor Actor, principal domain.Principal, orgID string,
	purpose domain.DocumentPurpose, filename, declaredType string, body io.Reader) (domain.Document, error) {
	if principal.Anonymous() {
		return domain.Document{}, domain.ErrUnauthenticated
	}
	if !domain.Can(principal, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}) {
		return domain.Document{}, domain.ErrForbidden
	}
	org, err := uuid.Parse(orgID)
	if err != nil {
		return domain.Document{}, domain.ErrNotFound // a member of it cannot exist
	}
	if !purpose.Valid() {
		return domain.Document{}, fileError("purpose", "invalid", domain.Msg{
			EN: "%q is not a document purpose", FR: "%q n'est pas un usage prévu pour un document",
			DE: "%q ist kein gültiger Verwendungszweck für ein Dokument", NL: "%q is geen geldig doel voor een document",
		}.With(string(purpose)))
	}
	name := domain.SanitizeFilename(filename)

	head, err := readHead(body)
	if err != nil {
		return domain.Document{}, fmt.Errorf("documents: read upload: %w", err)
	}
	if len(head) == 0 {
		return domain.Document{}, fileError("file", "empty", domain.Msg{
			EN: "the file is empty", FR: "le fichier est vide", DE: "die Datei ist leer", NL: "het bestand is leeg",
		}.With())
	}
	ft, err := checkType(mimetype.Detect(head), purpose, name, declaredType)
	if err != nil {
		return domain.Document{}, err
	}
	if domain.FileExtension(name) == "" {
		name = domain.SanitizeFilename(name + ft.Extensions[0])
	}

	doc := domain.Document{
		ID: store.NewID(), OrganisationID: org.String(), UploadedBy: actor.UserID, Purpose: purpose,
		Filename: name, ContentType: ft.ContentType, CreatedAt: d.now(),
	}
	doc.ObjectKey = "orgs/" + doc.OrganisationID + "/documents/" + doc.ID

	hash := sha256.New()
	counted := &byteCounter{}
	content := io.TeeReader(io.MultiReader(bytes.NewReader(head), body), io.MultiWriter(hash, counted))
	// blob.Put reads the whole body (buffered, or spooled to disk past
	// 8 MiB) before it sends anything, and stops one byte past MaxSize: a
	// file too large is never sent, and when Put returns, the tee has seen
	// every byte exactly once.
	obj, err := d.objects.Put(ctx, doc.ObjectKey, content, blob.PutOptions{ContentType: ft.ContentType, Size: -1, MaxSize: d.maxSize})
	switch {
	case errors.Is(err, blob.ErrTooLarge):
		return domain.Document{}, fileError("file", "too_large", domain.FileTooLarge(d.maxSize))
	case err != nil && ctx.Err() != nil:
		return domain.Document{}, ctx.Err()
	case err != nil:
		return domain.Document{}, fmt.Errorf("%w: documents: store the file: %w", domain.ErrUnavailable, err)
	}
	doc.SizeBytes = counted.n
	doc.SHA256 = hex.EncodeToString(hash.Sum(nil))
	if obj.Size != doc.SizeBytes {
		return domain.Document{}, errors.Join(
			fmt.Errorf("documents: object storage kept %d bytes of %d", obj.Size, doc.SizeBytes),
			d.removeObject(ctx, doc.ObjectKey))
	}

	var stored domain.Document
	err = d.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if stored, err = tx.CreateDocument(ctx, doc); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "document.uploaded", SubjectType: "document",
			SubjectID: stored.ID, OrganisationID: stored.OrganisationID, After: documentAudit(stored, declaredType), RequestID: actor.RequestID})
	})
	if err != nil {
		// No row, no document: remove the object so that none is orphaned.
		return domain.Document{}, errors.Join(err, d.removeObject(ctx, doc.ObjectKey))
	}
	return stored, nil
}

// URL returns a link that downloads the document until the returned time
// (DocumentURLTTL from now). Members of the owning organisation and
// moderators may read it; for anyone else the document does not exist
// (domain.ErrNotFound), so its existence is not revealed.
func (d *Documents) URL(ctx context.Context, principal domain.Principal, documentID string) (string, time.Time, error) {
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return "", time.Time{}, err
	}
	if !domain.Can(principal, domain.ActReadOrganisation, domain.Resource{OrganisationID: doc.OrganisationID}) || sealedFromModerators(principal, doc) {
		return "", time.Time{}, domain.ErrNotFound
	}
	return presignDownload(ctx, d.objects, doc)
}

// presignDownload signs a link to doc's object, valid DocumentURLTTL, and
// returns it with its expiry. The signature is dated by the real clock (not
// a test clock), to the second: taken before signing and truncated, the
// returned expiry is never later than the URL's real one.
func presignDownload(ctx context.Context, objects *blob.Store, doc domain.Document) (string, time.Time, error) {
	expires := time.Now().Truncate(time.Second).Add(DocumentURLTTL)
	// The browser is told the sniffed type (never what the uploader
	// claimed) and the sanitized name. PDFs and images are shown inline by
	// the evidence viewer; anything else is an attachment.
	inline := doc.ContentType == domain.TypePDF || strings.HasPrefix(doc.ContentType, "image/")
	url, err := objects.PresignDownload(ctx, doc.ObjectKey, DocumentURLTTL,
		blob.Download{ContentType: doc.ContentType, Disposition: blob.ContentDisposition(inline, doc.Filename)})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("documents: %w", err)
	}
	return url, expires, nil
}

// Get returns a document's record. Members of the owning organisation and
// moderators may read it; for anyone else it does not exist
// (domain.ErrNotFound).
func (d *Documents) Get(ctx context.Context, principal domain.Principal, documentID string) (domain.Document, error) {
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return domain.Document{}, err
	}
	if !domain.Can(principal, domain.ActReadOrganisation, domain.Resource{OrganisationID: doc.OrganisationID}) || sealedFromModerators(principal, doc) {
		return domain.Document{}, domain.ErrNotFound
	}
	return doc, nil
}

// DefaultDocumentPageSize and MaxDocumentPageSize bound a page of List.
const (
	DefaultDocumentPageSize = 20
	MaxDocumentPageSize     = 100
)

// List returns a page of an organisation's documents, newest first, and the
// cursor of the next page ("" after the last). Members and moderators may
// list them. limit <= 0 means DefaultDocumentPageSize; it is capped at
// MaxDocumentPageSize.
func (d *Documents) List(ctx context.Context, principal domain.Principal, orgID, cursor string, limit int) ([]domain.Document, string, error) {
	if principal.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if !domain.Can(principal, domain.ActReadOrganisation, domain.Resource{OrganisationID: orgID}) {
		return nil, "", domain.ErrForbidden
	}
	if limit <= 0 {
		limit = DefaultDocumentPageSize
	}
	return d.st.ListDocumentsPage(ctx, orgID, cursor, int32(min(limit, MaxDocumentPageSize)))
}

// MaxSize is the largest file Upload accepts, in bytes.
func (d *Documents) MaxSize() int64 { return d.maxSize }

// Delete deletes a document on behalf of actor, whom principal describes:
// members of the owning organisation may; moderators, who may read it, get
// domain.ErrForbidden; anyone else domain.ErrNotFound.
//
// The row goes first, with its audit entry, and the object only once that
// transaction has committed: a row pointing to a missing object would be
// a broken link, while an object without a row is unreachable and can be
// swept. If the object cannot be removed, the deletion stands and the
// error wraps ErrObjectNotRemoved.
func (d *Documents) Delete(ctx context.Context, actor Actor, principal domain.Principal, documentID string) error {
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return err
	}
	res := domain.Resource{OrganisationID: doc.OrganisationID}
	if !domain.Can(principal, domain.ActReadOrganisation, res) {
		return domain.ErrNotFound
	}
	if !domain.Can(principal, domain.ActEditOrganisation, res) {
		return domain.ErrForbidden
	}
	var deleted domain.Document
	err = d.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if deleted, err = tx.DeleteDocument(ctx, doc.ID); err != nil {
			return err // ErrNotFound when a concurrent delete won
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "document.deleted", SubjectType: "document",
			SubjectID: deleted.ID, OrganisationID: deleted.OrganisationID, Before: documentAudit(deleted, ""), RequestID: actor.RequestID})
	})
	if err != nil {
		return err
	}
	if err := d.removeObject(ctx, deleted.ObjectKey); err != nil {
		return fmt.Errorf("%w: %w", ErrObjectNotRemoved, err)
	}
	return nil
}

// removeObject deletes an object even if ctx is already cancelled: the
// request may end, the clean-up must still happen.
func (d *Documents) removeObject(ctx context.Context, key string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	if err := d.objects.Delete(ctx, key); err != nil {
		return fmt.Errorf("documents: remove object: %w", err)
	}
	return nil
}

// readHead reads the first sniffSize bytes of r (fewer if r is shorter).
func readHead(r io.Reader) ([]byte, error) {
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return head[:n], nil
}

// checkType returns the accepted file type of the sniffed content, or the
// ValidationError that explains the refusal.
func checkType(sniffed *mimetype.MIME, purpose domain.DocumentPurpose, name, declaredType string) (domain.FileType, error) {
	ft, known := acceptedType(sniffed)
	ext := domain.FileExtension(name)
	if !known || !purpose.Accepts(ft.ContentType) {
		what := describe(sniffed, ft, known)
		// Say what the file pretended to be: its extension, else the browser's claim.
		if claimed, ok := domain.FileTypeByExtension(ext); ok && claimed.ContentType != ft.ContentType {
			what = msgNotClaimed.Fill(what, claimed.Description)
		} else if claimed, ok := domain.FileTypeByContentType(baseMediaType(declaredType)); ok && ext == "" && claimed.ContentType != ft.ContentType {
			what = msgNotClaimed.Fill(what, claimed.Description)
		}
		return domain.FileType{}, fileError("file", "type_not_allowed", domain.Msg{
			EN: "%s: accepted for %s: %s", FR: "%s ; formats acceptés comme %s : %s",
			DE: "%s; als %s akzeptiert: %s", NL: "%s; als %s geaccepteerd: %s",
		}.With(what, purpose.Name(), purpose.AcceptedLabels()))
	}
	if ext != "" && !ft.HasExtension(ext) {
		return domain.FileType{}, fileError("file", "type_mismatch", domain.Msg{
			EN: "this file is %s, but its name ends in %s: name it with %s or upload the right file",
			FR: "ce fichier est %s, mais son nom se termine par %s : nommez-le avec %s ou envoyez le bon fichier",
			DE: "diese Datei ist %s, aber ihr Name endet auf %s: Benennen Sie sie mit %s oder laden Sie die richtige Datei hoch",
			NL: "dit bestand is %s, maar de naam eindigt op %s: geef het de extensie %s of upload het juiste bestand",
		}.With(ft.Description, ext, ft.Extensions[0]))
	}
	return ft, nil
}

// msgNotClaimed adds to what a file is what it pretended to be.
var msgNotClaimed = domain.Msg{
	EN: "%s, not %s", FR: "%s, et non %s", DE: "%s, angekündigt war aber %s", NL: "%s, terwijl %s werd aangekondigd",
}

// acceptedType finds the accepted file type of a sniffed one, or of its
// nearest ancestor: an animated PNG is a PNG, an ODT template an ODT.
func acceptedType(m *mimetype.MIME) (domain.FileType, bool) {
	for ; m != nil; m = m.Parent() {
		if ft, ok := domain.FileTypeByContentType(baseMediaType(m.String())); ok {
			return ft, true
		}
	}
	return domain.FileType{}, false
}

// describe phrases what a file is, for refusals.
func describe(m *mimetype.MIME, ft domain.FileType, known bool) domain.Msg {
	thisFileIs := domain.Msg{EN: "this file is %s", FR: "ce fichier est %s", DE: "diese Datei ist %s", NL: "dit bestand is %s"}
	if known {
		return thisFileIs.Fill(ft.Description)
	}
	executable := domain.Msg{EN: "an executable", FR: "un programme exécutable", DE: "ein ausführbares Programm", NL: "een uitvoerbaar programma"}
	kinds := []struct {
		mime string
		what domain.Msg
	}{
		{"application/x-elf", executable},
		{"application/vnd.microsoft.portable-executable", executable},
		{"application/x-mach-binary", executable},
		{"application/x-ms-installer", domain.Msg{EN: "an installer", FR: "un programme d'installation", DE: "ein Installationsprogramm", NL: "een installatieprogramma"}},
		{"text/x-shellscript", domain.Msg{EN: "a script", FR: "un script", DE: "ein Skript", NL: "een script"}},
		{"image/svg+xml", domain.Msg{EN: "an SVG image, which can carry scripts", FR: "une image SVG, qui peut contenir des scripts",
			DE: "ein SVG-Bild, das Skripte enthalten kann", NL: "een svg-afbeelding, die scripts kan bevatten"}},
		{"text/html", domain.Msg{EN: "a web page", FR: "une page web", DE: "eine Webseite", NL: "een webpagina"}},
		{"application/zip", domain.Msg{EN: "a ZIP archive", FR: "une archive ZIP", DE: "ein ZIP-Archiv", NL: "een zip-archief"}},
		{"application/x-ole-storage", domain.Msg{EN: "an old-format Office file", FR: "un fichier Office d'ancien format",
			DE: "eine Office-Datei im alten Format", NL: "een Office-bestand in het oude formaat"}},
		{"text/plain", domain.Msg{EN: "a text file", FR: "un fichier texte", DE: "eine Textdatei", NL: "een tekstbestand"}},
	}
	for a := m; a != nil; a = a.Parent() {
		for _, k := range kinds {
			if a.Is(k.mime) {
				return domain.Msg{EN: "this file is %s (%s)", FR: "ce fichier est %s (%s)", DE: "diese Datei ist %s (%s)",
					NL: "dit bestand is %s (%s)"}.Fill(k.what, baseMediaType(m.String()))
			}
		}
	}
	if m.Is("application/octet-stream") {
		return domain.Msg{EN: "this file's type is not recognised", FR: "le type de ce fichier n'est pas reconnu",
			DE: "der Typ dieser Datei wurde nicht erkannt", NL: "het type van dit bestand wordt niet herkend"}
	}
	return domain.Msg{EN: "this file's type is %s", FR: "le type de ce fichier est %s", DE: "der Typ dieser Datei ist %s",
		NL: "het type van dit bestand is %s"}.Fill(baseMediaType(m.String()))
}

// baseMediaType drops parameters: "text/plain; charset=utf-8" → "text/plain".
func baseMediaType(t string) string {
	t, _, _ = strings.Cut(t, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// fileError is a ValidationError on one field, explained in every language.
func fileError(field, code string, messages map[domain.Language]string) error {
	ve := &domain.ValidationError{}
	ve.AddLocalized(field, code, messages)
	return ve
}

func documentAudit(d domain.Document, declaredType string) map[string]any {
	m := map[string]any{
		"purpose": d.Purpose, "filename": d.Filename, "content_type": d.ContentType,
		"size_bytes": d.SizeBytes, "sha256": d.SHA256,
	}
	// What the browser claimed, for the record; bounded, since anyone can
	// send anything there.
	if t := baseMediaType(declaredType); t != "" && len(t) <= 100 {
		m["declared_type"] = t
	}
	return m
}

// byteCounter counts what is written through it.
type byteCounter struct{ n int64 }

func (c *byteCounter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
