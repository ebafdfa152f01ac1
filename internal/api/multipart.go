package api

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"passerelle/internal/domain"
)

// openMultipart opens a multipart/form-data upload body as a stream; a
// Content-Type without a boundary is a field error on the header.
func openMultipart(c *gin.Context) (*multipart.Reader, error) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, uploadFieldError("header.Content-Type", "invalid", domain.Msg{
			EN: "the multipart/form-data body has no boundary",
			FR: "le corps multipart/form-data n'a pas de délimiteur (boundary)",
			DE: "dem multipart/form-data-Inhalt fehlt die Begrenzung (boundary)",
			NL: "de multipart/form-data-inhoud heeft geen scheidingsteken (boundary)",
		})
	}
	return mr, nil
}

// nextPart returns an upload's next part. The uploads end with their file:
// a body that ends before it is a field error on body.file, an unreadable
// body one on body, and a body past the size limit stays the
// *http.MaxBytesError the caller answers with 413.
func nextPart(mr *multipart.Reader) (*multipart.Part, error) {
	part, err := mr.NextPart()
	switch {
	case err == nil:
		return part, nil
	case errors.Is(err, io.EOF):
		return nil, uploadFieldError("body.file", "required", domain.Msg{
			EN: "the body has no file field", FR: "le corps de la requête n'a pas de champ file",
			DE: "der Inhalt der Anfrage hat kein Feld file", NL: "de inhoud van het verzoek heeft geen veld file",
		})
	case errors.As(err, new(*http.MaxBytesError)):
		return nil, err
	}
	return nil, uploadFieldError("body", "malformed", domain.Msg{
		EN: "the multipart/form-data body cannot be read: %s", FR: "le corps multipart/form-data est illisible : %s",
		DE: "der multipart/form-data-Inhalt kann nicht gelesen werden: %s", NL: "de multipart/form-data-inhoud kan niet worden gelezen: %s",
	}, err.Error())
}
