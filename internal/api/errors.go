package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"

	"passerelle/internal/domain"
	"passerelle/internal/event"
)

// statusClientClosedRequest is the status proxies log for a request whose
// client closed the connection before the answer (not in net/http).
const statusClientClosedRequest = 499

// ProblemEventLocked is the problem type of a change refused because an
// event's schedule or registrations depend on it (event.ErrLocked).
const ProblemEventLocked = "/problems/event-locked"

// toHTTP is the one mapping from domain errors to HTTP problems. Handlers
// return toHTTP(err) for any error from core or store.
func toHTTP(err error) error {
	var ve *domain.ValidationError
	var rl *domain.RateLimitedError
	var le *domain.LocalizedError
	var te *domain.TransitionError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		// 409 whose detail says what is possible instead, and whose
		// "allowed" member lists those events for clients.
		m := huma.Error409Conflict("This conflicts with existing data.").(*huma.ErrorModel)
		p := &problem{ErrorModel: m, detail: make(map[domain.Language]string, len(domain.Languages)),
			allowed: append([]string{}, te.Allowed...)}
		for l, msg := range te.Messages() {
			p.detail[l] = sentence(msg)
		}
		m.Detail = p.detail[domain.LangEN]
		return p
	case errors.As(err, &ve):
		p := &problem{}
		details := make([]error, 0, len(ve.Fields))
		for _, f := range ve.Fields {
			details = append(details, &huma.ErrorDetail{Location: f.Field, Message: f.Message, Value: f.Code})
			msgs := f.Messages
			if len(msgs) == 0 {
				msgs = allLanguages(f.Message)
			}
			p.fields = append(p.fields, msgs)
		}
		p.ErrorModel = huma.Error422UnprocessableEntity("The input is not valid.", details...).(*huma.ErrorModel)
		return p
	case errors.As(err, &le):
		// The sentinel decides status and title; the message is le's own.
		var m *huma.ErrorModel
		if le.Sentinel == nil || !errors.As(toHTTP(le.Sentinel), &m) {
			return huma.Error500InternalServerError("An unexpected error occurred.")
		}
		p := &problem{ErrorModel: m, detail: sentences(le.Messages)}
		m.Detail = p.detail[domain.LangEN]
		if errors.Is(err, event.ErrLocked) {
			m.Type = ProblemEventLocked
		}
		return p
	case errors.As(err, &rl):
		secs := int(math.Ceil(rl.RetryAfter.Seconds()))
		p := &problem{ErrorModel: huma.Error429TooManyRequests(fmt.Sprintf("Too many attempts: try again in %d seconds.", secs)).(*huma.ErrorModel),
			detail: map[domain.Language]string{
				domain.LangEN: fmt.Sprintf("Too many attempts: try again in %d seconds.", secs),
				domain.LangFR: fmt.Sprintf("Trop de tentatives : réessayez dans %d secondes.", secs),
				domain.LangDE: fmt.Sprintf("Zu viele Versuche: versuchen Sie es in %d Sekunden erneut.", secs),
				domain.LangNL: fmt.Sprintf("Te veel pogingen: probeer het over %d seconden opnieuw.", secs),
			}}
		return huma.ErrorWithHeaders(p, http.Header{"Retry-After": []string{strconv.Itoa(secs)}})
	case errors.Is(err, domain.ErrNotFound):
		return huma.Error404NotFound(detail(err, domain.ErrNotFound, "Not found."))
	case errors.Is(err, domain.ErrGone):
		return huma.NewError(http.StatusGone, detail(err, domain.ErrGone, "No longer available."))
	case errors.Is(err, domain.ErrConflict):
		return huma.Error409Conflict(detail(err, domain.ErrConflict, "This conflicts with existing data."))
	case errors.Is(err, domain.ErrUnauthenticated):
		return huma.Error401Unauthorized(detail(err, domain.ErrUnauthenticated, "Sign in first."))
	case errors.Is(err, domain.ErrForbidden):
		return huma.Error403Forbidden(detail(err, domain.ErrForbidden, "You may not do this."))
	case errors.Is(err, domain.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return huma.Error503ServiceUnavailable("A service Passerelle needs is unavailable; try again shortly.")
	case errors.Is(err, context.Canceled):
		// The client went away (a page left mid-request): nobody reads the
		// answer, and it is no server error to log as one. 499 as proxies say.
		return huma.NewError(statusClientClosedRequest, "The request was cancelled by the client.")
	}
	return huma.Error500InternalServerError("An unexpected error occurred.")
}

// detail is the message an error carries after its sentinel ("not found:
// this link is not valid" → "This link is not valid."), or fallback.
func detail(err, sentinel error, fallback string) string {
	msg, ok := strings.CutPrefix(err.Error(), sentinel.Error()+": ")
	if !ok || msg == "" {
		return fallback
	}
	return sentence(msg)
}

// sentence makes a message that follows a sentinel ("this link is not
// valid") a sentence for people: first letter upper-cased, a final period.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, size := utf8.DecodeRuneInString(msg)
	return string(unicode.ToUpper(r)) + msg[size:] + "."
}

// writeProblem answers outside huma (plain gin routes) with the same
// problem+json shape that huma uses, in the caller's language.
func writeProblem(c *gin.Context, status int, detail string) {
	writeLocalizedProblem(c, status, allLanguages(detail))
}

// writeLocalizedProblem is writeProblem for a detail given in every language.
func writeLocalizedProblem(c *gin.Context, status int, detail map[domain.Language]string) {
	lang := ginLanguage(c)
	d, ok := detail[lang]
	if !ok {
		d = detail[domain.LangEN]
	}
	body, _ := json.Marshal(&huma.ErrorModel{
		Title:  translate(http.StatusText(status), lang),
		Status: status,
		Detail: d,
	})
	c.Data(status, "application/problem+json", body)
}

// sentences applies sentence to a message in every language.
func sentences(msgs map[domain.Language]string) map[domain.Language]string {
	out := make(map[domain.Language]string, len(msgs))
	for l, m := range msgs {
		out[l] = sentence(m)
	}
	return out
}
