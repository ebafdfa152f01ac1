package api

import (
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// StripeWebhookPath is where Stripe posts its events. It is the one
// unsafe route exempt from the cross-origin protection (servers send no
// browser headers anyway): the signature authenticates it.
const StripeWebhookPath = "/api/v1/billing/stripe/webhook"

// maxWebhookBytes bounds a webhook's body: Stripe's checkout events are a
// few kilobytes.
const maxWebhookBytes = 64 << 10

// registerBillingWebhook serves Stripe's webhook: plain gin (the signature
// is computed over the raw body, which huma would parse), no session, a
// small body. 200 once applied or ignored; 400 on a bad signature, with
// nothing changed.
func registerBillingWebhook(r *routes, s *core.Events, log *slog.Logger) {
	r.stream(Public, huma.Operation{
		OperationID: "stripe-webhook", Method: http.MethodPost, Path: StripeWebhookPath, Tags: []string{"Events"},
		Summary: "Stripe webhook",
		Description: "For Stripe only: events signed with the endpoint's secret (Stripe-Signature header), at most 64 KB. " +
			"checkout.session.completed confirms the registration it was paid for, once: an event applied before, or another event " +
			"for an already confirmed registration, changes nothing. Other events are acknowledged and ignored.",
		Parameters: []*huma.Param{{Name: "Stripe-Signature", In: "header", Required: true, Schema: &huma.Schema{Type: "string"}}},
		RequestBody: &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
			"application/json": {Schema: &huma.Schema{Type: "object", Description: "A Stripe event"}}}},
		Responses: map[string]*huma.Response{
			"200":     {Description: "Applied or ignored"},
			"400":     problemResponse(r, "The signature does not verify: nothing was applied"),
			"503":     problemResponse(r, "Payments are not configured, or the database is unavailable: Stripe retries"),
			"default": problemResponse(r, "Error"),
		},
	}, maxWebhookBytes, func(c *gin.Context) {
		payload, err := io.ReadAll(c.Request.Body)
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				writeProblem(c, http.StatusRequestEntityTooLarge, "The body is larger than 64 KB.")
				return
			}
			writeProblem(c, http.StatusBadRequest, "The body could not be read.")
			return
		}
		err = s.ApplyPaymentWebhook(c.Request.Context(), payload, c.GetHeader("Stripe-Signature"))
		switch {
		case err == nil:
			c.JSON(http.StatusOK, gin.H{"received": true})
		case errors.Is(err, core.ErrBadSignature):
			writeProblem(c, http.StatusBadRequest, "The webhook signature does not verify.")
		case errors.Is(err, domain.ErrUnavailable):
			writeProblem(c, http.StatusServiceUnavailable, "Payments are unavailable; try again shortly.")
		default:
			log.ErrorContext(c.Request.Context(), "stripe webhook", "err", err, "request_id", RequestIDFrom(c.Request.Context()))
			writeProblem(c, http.StatusInternalServerError, "An unexpected error occurred.")
		}
	})
}
