package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// multipartOverhead is what an upload body may carry beyond the file: the
// boundaries, part headers and the purpose field.
const multipartOverhead = 64 << 10

// uploadTimeout replaces the server's read and write timeouts for an
// upload: 25 MiB over a slow uplink takes longer than a JSON request.
const uploadTimeout = 10 * time.Minute

// DocumentBody is a document's record as the API shows it.
type DocumentBody struct {
	ID             string    `json:"id" format:"uuid"`
	OrganisationID string    `json:"organisation_id" format:"uuid"`
	Purpose        string    `json:"purpose" enum:"sse_evidence,logo,tender_document,response_document,offer_photo,other"`
	Filename       string    `json:"filename" doc:"Sanitized file name, offered again on download"`
	ContentType    string    `json:"content_type" doc:"Media type sniffed from the content, not the one the browser claimed"`
	SizeBytes      int64     `json:"size_bytes"`
	SHA256         string    `json:"sha256" doc:"Hex SHA-256 of the content"`
	UploadedBy     string    `json:"uploaded_by,omitempty" format:"uuid" doc:"Empty once the uploader's account is deleted"`
	CreatedAt      time.Time `json:"created_at"`
}

func documentBody(d domain.Document) DocumentBody {
	return DocumentBody{ID: d.ID, OrganisationID: d.OrganisationID, Purpose: string(d.Purpose), Filename: d.Filename,
		ContentType: d.ContentType, SizeBytes: d.SizeBytes, SHA256: d.SHA256, UploadedBy: d.UploadedBy, CreatedAt: d.CreatedAt}
}

// DocumentOutput returns one document.
type DocumentOutput struct {
	Body DocumentBody
}

// DocumentIDInput names a document.
type DocumentIDInput struct {
	DocumentID string `path:"docID" format:"uuid"`
}

// DownloadOutput redirects to a short-lived download link.
type DownloadOutput struct {
	Location     string `header:"Location" doc:"Presigned object-storage URL, valid 5 minutes"`
	CacheControl string `header:"Cache-Control"`
}

// DocumentListInput pages through an organisation's documents.
type DocumentListInput struct {
	OrgID  string `path:"orgID" format:"uuid"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)"`
}

// DocumentListOutput is a page of documents, newest first.
type DocumentListOutput struct {
	Body struct {
		Items      []DocumentBody `json:"items"`
		NextCursor string         `json:"next_cursor" doc:"Empty after the last page"`
	}
}

func registerDocuments(r *routes, docs *core.Documents, log *slog.Logger) {
	tag := []string{"Documents"}
	maxSize := core.DefaultMaxDocumentSize // for handlers built without Documents (tests of other parts)
	if docs != nil {
		maxSize = docs.MaxSize()
	}
	uploadSchema := &huma.Schema{Type: "object", Required: []string{"purpose", "file"}, Properties: map[string]*huma.Schema{
		"purpose": {Type: "string", Enum: purposeEnum(), Description: "What the file is for; decides the accepted types. Send it before file."},
		"file":    {Type: "string", Format: "binary", Description: "The file; its type is sniffed from the content and must match its name's extension."},
	}}
	r.stream(Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}, huma.Operation{
		OperationID: "upload-document", Method: http.MethodPost, Path: "/api/v1/organisations/{orgID}/documents", Tags: tag,
		Summary: "Upload a document",
		Description: fmt.Sprintf("Members of the organisation upload a file of at most %s, streamed to object storage. "+
			"Send multipart/form-data with the field purpose, then the field file; or send the file itself as the body, with its "+
			"media type as Content-Type and ?purpose=…&filename=…. The type is sniffed from the content and checked against the "+
			"purpose (evidence: PDF, PNG, JPEG, WebP) and the file name's extension: a disguised file is refused with a field "+
			"error (type_not_allowed, type_mismatch). A larger body is refused with 413, before anything is stored. "+
			"The SHA-256 of the content is recorded.", domain.FileSize(maxSize).EN),
		Parameters: []*huma.Param{
			{Name: "orgID", In: "path", Required: true, Schema: &huma.Schema{Type: "string", Format: "uuid"}},
			{Name: "purpose", In: "query", Description: "Raw-body uploads only: what the file is for", Schema: &huma.Schema{Type: "string", Enum: purposeEnum()}},
			{Name: "filename", In: "query", Description: "Raw-body uploads only: the file's name", Schema: &huma.Schema{Type: "string", MaxLength: intPtr(1000)}},
		},
		RequestBody: &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
			"multipart/form-data":      {Schema: uploadSchema},
			"application/octet-stream": {Schema: &huma.Schema{Type: "string", Format: "binary"}},
		}},
		Responses: map[string]*huma.Response{
			"201": {Description: "Stored", Headers: map[string]*huma.Param{"Location": {Schema: &huma.Schema{Type: "string"}}},
				Content: map[string]*huma.MediaType{"application/json": {Schema: r.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[DocumentBody](), true, "")}}},
			"413":     problemResponse(r, "The body is larger than the upload limit"),
			"422":     problemResponse(r, "The file or its purpose is refused; errors[].location names the field, errors[].value the code"),
			"default": problemResponse(r, "Error"),
		},
	}, maxSize+multipartOverhead, uploadDocument(docs, maxSize))

	handle(r, Rule{Action: domain.ActReadOrganisation, OrgParam: "orgID"}, huma.Operation{OperationID: "list-documents", Method: http.MethodGet,
		Path: "/api/v1/organisations/{orgID}/documents", Tags: tag, Summary: "List an organisation's documents",
		Description: "Newest first, a page at a time. Members of the organisation and moderators."},
		func(ctx context.Context, in *DocumentListInput) (*DocumentListOutput, error) {
			page, next, err := docs.List(ctx, authFrom(ctx).principal, in.OrgID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &DocumentListOutput{}
			out.Body.Items = mapItems(page, documentBody)
			out.Body.NextCursor = next
			return out, nil
		})
	// Documents are not addressed through their organisation: core checks
	// that the caller belongs to it (or moderates), and answers 404 otherwise.
	handle(r, SignedIn, huma.Operation{OperationID: "get-document", Method: http.MethodGet, Path: "/api/v1/documents/{docID}", Tags: tag,
		Summary: "A document's record", Description: "Members of the owning organisation and moderators; 404 for anyone else."},
		func(ctx context.Context, in *DocumentIDInput) (*DocumentOutput, error) {
			d, err := docs.Get(ctx, authFrom(ctx).principal, in.DocumentID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &DocumentOutput{Body: documentBody(d)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "download-document", Method: http.MethodGet, Path: "/api/v1/documents/{docID}/download", Tags: tag,
		Summary: "Download a document", DefaultStatus: http.StatusSeeOther,
		Description: "Redirects (303) to a presigned object-storage URL valid for 5 minutes, issued after the authorization check: " +
			"members of the owning organisation and moderators; 404 for anyone else. Follow it at once; do not store it."},
		func(ctx context.Context, in *DocumentIDInput) (*DownloadOutput, error) {
			url, _, err := docs.URL(ctx, authFrom(ctx).principal, in.DocumentID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &DownloadOutput{Location: url, CacheControl: "no-store"}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "delete-document", Method: http.MethodDelete, Path: "/api/v1/documents/{docID}", Tags: tag,
		Summary: "Delete a document", DefaultStatus: http.StatusNoContent,
		Description: "Members of the owning organisation. The stored file is removed too. A document attached as evidence to an " +
			"SSE status must be detached first (409)."},
		func(ctx context.Context, in *DocumentIDInput) (*NoContentOutput, error) {
			err := docs.Delete(ctx, actorFrom(ctx), authFrom(ctx).principal, in.DocumentID)
			if errors.Is(err, core.ErrObjectNotRemoved) {
				// The deletion stands; the unreachable object is left for a sweep.
				log.WarnContext(ctx, "document deleted but its object remains", "document_id", in.DocumentID, "err", err)
				err = nil
			}
			if err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
}

// uploadDocument streams one upload into core.Documents.Upload: the body
// is never held whole in memory, and a body announced larger than the
// limit is refused before a byte of it is read.
func uploadDocument(docs *core.Documents, maxSize int64) gin.HandlerFunc {
	limit := maxSize + multipartOverhead
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			// Unread, the body would otherwise be drained: close instead.
			c.Header("Connection", "close")
			writeLocalizedProblem(c, http.StatusRequestEntityTooLarge, sentences(domain.FileTooLarge(maxSize)))
			return
		}
		rc := http.NewResponseController(c.Writer)
		_ = rc.SetReadDeadline(time.Now().Add(uploadTimeout))
		_ = rc.SetWriteDeadline(time.Now().Add(uploadTimeout + time.Minute))

		doc, err := readUpload(c, docs)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			c.Header("Connection", "close")
			writeLocalizedProblem(c, http.StatusRequestEntityTooLarge, sentences(domain.FileTooLarge(maxSize)))
			return
		case err != nil:
			// A refusal comes after the first bytes (the type is sniffed from
			// them): read the rest, bounded by the limit, so that a browser
			// still sending the file reads the refusal instead of a reset
			// connection.
			_, _ = io.Copy(io.Discard, c.Request.Body)
			writeError(c, err)
			return
		}
		c.Header("Location", "/api/v1/documents/"+doc.ID)
		c.JSON(http.StatusCreated, documentBody(doc))
	}
}

// readUpload reads a multipart/form-data body (purpose, then file) or a raw
// body (?purpose=&filename=) and hands the file, as a stream, to Upload.
func readUpload(c *gin.Context, docs *core.Documents) (domain.Document, error) {
	ctx := c.Request.Context()
	actor, principal, orgID := actorFrom(ctx), authFrom(ctx).principal, c.Param("orgID")
	mediaType, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil {
		return domain.Document{}, uploadFieldError("header.Content-Type", "invalid", domain.Msg{
			EN: "send multipart/form-data (purpose, then file), or the file itself with its media type",
			FR: "envoyez du multipart/form-data (purpose, puis file), ou le fichier lui-même avec son type de média",
			DE: "senden Sie multipart/form-data (purpose, dann file) oder die Datei selbst mit ihrem Medientyp",
			NL: "stuur multipart/form-data (purpose, dan file) of het bestand zelf met zijn mediatype",
		})
	}
	if mediaType != "multipart/form-data" {
		purpose := c.Query("purpose")
		if purpose == "" {
			return domain.Document{}, uploadFieldError("query.purpose", "required", domain.Msg{
				EN: "say what the file is for: ?purpose=sse_evidence, logo…",
				FR: "indiquez à quoi sert le fichier : ?purpose=sse_evidence, logo…",
				DE: "geben Sie an, wofür die Datei bestimmt ist: ?purpose=sse_evidence, logo…",
				NL: "geef aan waarvoor het bestand dient: ?purpose=sse_evidence, logo…",
			})
		}
		doc, err := docs.Upload(ctx, actor, principal, orgID, domain.DocumentPurpose(purpose), c.Query("filename"), mediaType, c.Request.Body)
		return doc, renameFields(err, map[string]string{"file": "body", "purpose": "query.purpose"})
	}

	mr, err := openMultipart(c)
	if err != nil {
		return domain.Document{}, err
	}
	purpose := ""
	for {
		part, err := nextPart(mr)
		if err != nil {
			return domain.Document{}, err
		}
		switch part.FormName() {
		case "purpose":
			b, err := io.ReadAll(io.LimitReader(part, 65))
			if err != nil {
				return domain.Document{}, err
			}
			purpose = strings.TrimSpace(string(b))
		case "file":
			if purpose == "" {
				return domain.Document{}, uploadFieldError("body.purpose", "required", domain.Msg{
					EN: "send the purpose field before the file", FR: "envoyez le champ purpose avant le fichier",
					DE: "senden Sie das Feld purpose vor der Datei", NL: "stuur het veld purpose vóór het bestand",
				})
			}
			doc, err := docs.Upload(ctx, actor, principal, orgID, domain.DocumentPurpose(purpose), part.FileName(),
				part.Header.Get("Content-Type"), part)
			return doc, renameFields(err, map[string]string{"file": "body.file", "purpose": "body.purpose"})
		default:
			return domain.Document{}, uploadFieldError("body."+part.FormName(), "unknown_field", domain.Msg{
				EN: "an upload has the fields purpose and file only", FR: "un envoi n'a que les champs purpose et file",
				DE: "ein Upload hat nur die Felder purpose und file", NL: "een upload heeft alleen de velden purpose en file",
			})
		}
		_ = part.Close()
	}
}

// renameFields gives core's field names ("file") their place in this
// request ("body.file"); other errors pass unchanged.
func renameFields(err error, names map[string]string) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &domain.ValidationError{Fields: make([]domain.FieldError, len(ve.Fields))}
	for i, f := range ve.Fields {
		if n, ok := names[f.Field]; ok {
			f.Field = n
		}
		out.Fields[i] = f
	}
	return out
}

// uploadFieldError is a ValidationError on one field of the upload, with
// message m (formatted with args) in every language.
func uploadFieldError(field, code string, m domain.Msg, args ...any) error {
	ve := &domain.ValidationError{}
	ve.AddLocalized(field, code, m.With(args...))
	return ve
}

// writeError answers a plain gin route with the problem toHTTP makes of err.
func writeError(c *gin.Context, err error) {
	he := toHTTP(err)
	status := http.StatusInternalServerError
	var se huma.StatusError
	if errors.As(he, &se) {
		status = se.GetStatus()
	}
	lang := ginLanguage(c)
	var body []byte
	var p *problem
	var m *huma.ErrorModel
	switch {
	case errors.As(he, &p):
		body, _ = json.Marshal(p.localized(lang))
	case errors.As(he, &m):
		body, _ = json.Marshal(localizeModel(m, lang))
	default:
		body, _ = json.Marshal(he)
	}
	c.Data(status, "application/problem+json", body)
}

func problemResponse(r *routes, desc string) *huma.Response {
	schema := r.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[huma.ErrorModel](), true, "")
	return &huma.Response{Description: desc, Content: map[string]*huma.MediaType{"application/problem+json": {Schema: schema}}}
}

func purposeEnum() []any {
	return []any{string(domain.DocSSEEvidence), string(domain.DocLogo), string(domain.DocTenderDocument),
		string(domain.DocResponseDocument), string(domain.DocOfferPhoto), string(domain.DocOther)}
}

func intPtr(n int) *int { return &n }
