package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"

	"passerelle/internal/domain"
)

// toHTTP is the one mapping from domain errors to HTTP problems. Handlers
// return toHTTP(err) for any error from core or store.
func toHTTP(err error) error {
	var ve *domain.ValidationError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ve):
		details := make([]error, 0, len(ve.Fields))
		for _, f := range ve.Fields {
			details = append(details, &huma.ErrorDetail{Location: f.Field, Message: f.Message, Value: f.Code})
		}
		return huma.Error422UnprocessableEntity("The input is not valid.", details...)
	case errors.Is(err, domain.ErrNotFound):
		return huma.Error404NotFound("Not found.")
	case errors.Is(err, domain.ErrConflict):
		return huma.Error409Conflict(err.Error())
	case errors.Is(err, domain.ErrUnauthenticated):
		return huma.Error401Unauthorized("Sign in first.")
	case errors.Is(err, domain.ErrForbidden):
		return huma.Error403Forbidden("You may not do this.")
	case errors.Is(err, domain.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return huma.Error503ServiceUnavailable("A service Passerelle needs is unavailable; try again shortly.")
	}
	return huma.Error500InternalServerError("An unexpected error occurred.")
}

// writeProblem answers outside huma (plain gin routes) with the same
// problem+json shape that huma uses.
func writeProblem(c *gin.Context, status int, detail string) {
	body, _ := json.Marshal(&huma.ErrorModel{
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
	})
	c.Data(status, "application/problem+json", body)
}
