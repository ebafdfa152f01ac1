package billing

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrDisabled means payments are not configured (no secret key).
	ErrDisabled = errors.New("billing: payments are not configured")
	// ErrBadSignature means a webhook's Stripe-Signature is missing, malformed,
	// made with another secret, does not match the body, or is too old.
	ErrBadSignature = errors.New("billing: webhook signature invalid")
	// ErrInvalid means parameters (or a signed webhook body) were refused
	// before reaching Stripe.
	ErrInvalid = errors.New("billing: invalid")
)

// requestTimeout bounds one HTTP request to Stripe; stripe-go retries network
// failures twice, and the caller's context bounds the whole.
const requestTimeout = 20 * time.Second

// webhookTolerance is how old a webhook's signed timestamp may be.
const webhookTolerance = 5 * time.Minute

// Config is what New needs; the server fills it from PASSERELLE_STRIPE_*.
type Config struct {
	// SecretKey is the Stripe secret (sk_…) or restricted (rk_…) key; empty
	// disables payments.
	SecretKey string
	// WebhookSecret (whsec_…) verifies webhook signatures; required with a
	// secret key.
	WebhookSecret string
	// APIURL is Stripe's API base; empty means Stripe's own, a set one is for
	// stripe-mock (e.g. http://127.0.0.1:12111).
	APIURL string
	// Logger receives stripe-go's own messages (redacted); nil means
	// slog.Default().
	Logger *slog.Logger
}

// Client calls Stripe. A nil *Client is valid and disabled.
type Client struct {
	api           *client.API
	secretKey     string
	webhookSecret string
	now           func() time.Time
}

// New returns a client for cfg. Without a secret key it returns a disabled
// client (every call fails with ErrDisabled) and no error.
func New(cfg Config) (*Client, error) {
	if cfg.SecretKey == "" {
		return &Client{}, nil
	}
	if err := checkConfig(cfg); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	backendConfig := &stripe.BackendConfig{
		HTTPClient:        &http.Client{Timeout: requestTimeout},
		LeveledLogger:     &slogAdapter{log: logger, secrets: []string{cfg.SecretKey, cfg.WebhookSecret}},
		MaxNetworkRetries: stripe.Int64(2),
		EnableTelemetry:   stripe.Bool(false),
	}
	if cfg.APIURL != "" {
		backendConfig.URL = stripe.String(strings.TrimRight(cfg.APIURL, "/"))
	}
	api := &client.API{}
	api.Init(cfg.SecretKey, &stripe.Backends{
		API: stripe.GetBackendWithConfig(stripe.APIBackend, backendConfig),
		// Neither is used; set so that nothing falls back to the package's
		// global backends.
		Connect: stripe.GetBackendWithConfig(stripe.ConnectBackend, &stripe.BackendConfig{HTTPClient: backendConfig.HTTPClient, LeveledLogger: backendConfig.LeveledLogger, URL: backendConfig.URL}),
		Uploads: stripe.GetBackendWithConfig(stripe.UploadsBackend, &stripe.BackendConfig{HTTPClient: backendConfig.HTTPClient, LeveledLogger: backendConfig.LeveledLogger, URL: backendConfig.URL}),
	})
	return &Client{api: api, secretKey: cfg.SecretKey, webhookSecret: cfg.WebhookSecret, now: time.Now}, nil
}

// checkConfig validates an enabled configuration; the messages never repeat
// a secret.
func checkConfig(cfg Config) error {
	if !strings.HasPrefix(cfg.SecretKey, "sk_") && !strings.HasPrefix(cfg.SecretKey, "rk_") {
		return fmt.Errorf("%w config: the secret key must start with sk_ or rk_ (value not shown)", ErrInvalid)
	}
	if cfg.WebhookSecret == "" {
		return fmt.Errorf("%w config: a webhook secret is required with a secret key", ErrInvalid)
	}
	if !strings.HasPrefix(cfg.WebhookSecret, "whsec_") {
		return fmt.Errorf("%w config: the webhook secret must start with whsec_ (value not shown)", ErrInvalid)
	}
	if cfg.APIURL != "" {
		if u, err := url.Parse(cfg.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%w config: the API URL %q is not an absolute http(s) URL", ErrInvalid, cfg.APIURL)
		}
	}
	return nil
}

// Enabled reports whether payments are configured.
func (c *Client) Enabled() bool {
	return c != nil && c.api != nil
}
