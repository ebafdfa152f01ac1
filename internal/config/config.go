// Package config reads Passerelle's settings from PASSERELLE_* environment
// variables, once, at start, and validates them all together so that a bad
// configuration is reported in one message.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
)

// Config is every setting of the server. Field tags name the environment
// variables; the README's configuration table mirrors them.
type Config struct {
	// Env is "development" or "production"; it picks log format defaults.
	Env string `env:"PASSERELLE_ENV" envDefault:"development"`
	// DataDir holds what the embedded services keep on disk (S3 objects, search index).
	DataDir string `env:"PASSERELLE_DATA_DIR" envDefault:"./var"`
	// PublicURL is the address users reach the product at.
	PublicURL string `env:"PASSERELLE_PUBLIC_URL" envDefault:"http://localhost:8080"`

	HTTPAddr              string        `env:"PASSERELLE_HTTP_ADDR" envDefault:":8080"`
	HTTPReadHeaderTimeout time.Duration `env:"PASSERELLE_HTTP_READ_HEADER_TIMEOUT" envDefault:"5s"`
	HTTPReadTimeout       time.Duration `env:"PASSERELLE_HTTP_READ_TIMEOUT" envDefault:"30s"`
	HTTPWriteTimeout      time.Duration `env:"PASSERELLE_HTTP_WRITE_TIMEOUT" envDefault:"60s"`
	HTTPIdleTimeout       time.Duration `env:"PASSERELLE_HTTP_IDLE_TIMEOUT" envDefault:"120s"`
	HTTPMaxBodyBytes      int64         `env:"PASSERELLE_HTTP_MAX_BODY_BYTES" envDefault:"1048576"`
	ShutdownTimeout       time.Duration `env:"PASSERELLE_SHUTDOWN_TIMEOUT" envDefault:"15s"`

	// MaxUploadBytes bounds an uploaded file (documents); upload routes are
	// exempt from HTTPMaxBodyBytes and bounded by this instead.
	MaxUploadBytes int64 `env:"PASSERELLE_MAX_UPLOAD_BYTES" envDefault:"26214400"`

	// OCDSPrefix starts the ocid of every OCDS release (issue 10, open data):
	// "ocds-" and a code. A real prefix is registered with the OCDS data
	// support team; the default marks data published before that.
	OCDSPrefix string `env:"PASSERELLE_OCDS_PREFIX" envDefault:"ocds-passerelle"`

	LogLevel  string `env:"PASSERELLE_LOG_LEVEL" envDefault:"info"`
	LogFormat string `env:"PASSERELLE_LOG_FORMAT"`

	DatabaseURL      string `env:"PASSERELLE_DATABASE_URL" secret:"true"`
	DatabaseMaxConns int32  `env:"PASSERELLE_DATABASE_MAX_CONNS" envDefault:"10"`
	MigrateOnStart   bool   `env:"PASSERELLE_MIGRATE_ON_START" envDefault:"true"`

	S3Endpoint  string `env:"PASSERELLE_S3_ENDPOINT"`
	S3Region    string `env:"PASSERELLE_S3_REGION" envDefault:"us-east-1"`
	S3Bucket    string `env:"PASSERELLE_S3_BUCKET" envDefault:"passerelle"`
	S3AccessKey string `env:"PASSERELLE_S3_ACCESS_KEY" secret:"true"`
	S3SecretKey string `env:"PASSERELLE_S3_SECRET_KEY" secret:"true"`
	S3PathStyle bool   `env:"PASSERELLE_S3_PATH_STYLE" envDefault:"true"`

	SessionPurgeInterval time.Duration `env:"PASSERELLE_SESSION_PURGE_INTERVAL" envDefault:"1h"`
	SessionIdleTimeout   time.Duration `env:"PASSERELLE_SESSION_IDLE_TIMEOUT" envDefault:"2h"`
	SessionMaxAge        time.Duration `env:"PASSERELLE_SESSION_MAX_AGE" envDefault:"168h"`
	CookieSecure         bool          `env:"PASSERELLE_COOKIE_SECURE" envDefault:"true"`
	TrustedProxies       []string      `env:"PASSERELLE_TRUSTED_PROXIES" envSeparator:","`

	// SecretKey signs the links that work without sign-in (one-click
	// unsubscribe). Required in production; in development an empty one
	// is replaced by a random key at start (links then die with restarts).
	SecretKey string `env:"PASSERELLE_SECRET_KEY" secret:"true"`

	SMTPURL  string `env:"PASSERELLE_SMTP_URL" secret:"true"`
	MailFrom string `env:"PASSERELLE_MAIL_FROM" envDefault:"Passerelle <no-reply@passerelle.localhost>"`

	// Rate limits, per 15 minutes (login) or per hour (sign-up, reset).
	RateLoginPerAccount int `env:"PASSERELLE_RATE_LOGIN_PER_ACCOUNT" envDefault:"5"`
	RateLoginPerIP      int `env:"PASSERELLE_RATE_LOGIN_PER_IP" envDefault:"30"`
	RateSignupPerIP     int `env:"PASSERELLE_RATE_SIGNUP_PER_IP" envDefault:"10"`
	RateResetPerIP      int `env:"PASSERELLE_RATE_RESET_PER_IP" envDefault:"10"`

	// SearchEngine picks the search engine: the embedded one (bleve, an
	// on-disk index for one instance) or a Meilisearch server.
	SearchEngine string `env:"PASSERELLE_SEARCH_ENGINE" envDefault:"bleve"`
	// SearchDir holds the embedded index; empty means DATA_DIR/index.
	SearchDir string `env:"PASSERELLE_SEARCH_DIR"`
	MeiliURL  string `env:"PASSERELLE_MEILI_URL"`
	MeiliKey  string `env:"PASSERELLE_MEILI_KEY" secret:"true"`
	// SearchDictDir holds the FreeDict dictionaries the query expansion
	// reads; missing ones only weaken cross-language search.
	SearchDictDir string `env:"PASSERELLE_SEARCH_DICT_DIR" envDefault:"/usr/share/dictd"`
	// SearchReconcileInterval is how often the whole index is compared
	// with PostgreSQL and repaired.
	SearchReconcileInterval time.Duration `env:"PASSERELLE_SEARCH_RECONCILE_INTERVAL" envDefault:"10m"`
	// SearchCacheMB bounds the memory of the embedded engine's kept
	// scored matches (the texts searched lately), per index.
	SearchCacheMB int `env:"PASSERELLE_SEARCH_CACHE_MB" envDefault:"1024"`

	// RoutingBatchSize is how many suppliers a published tender's lot is
	// brought to at a time (at publication, then per daily top-up).
	RoutingBatchSize int `env:"PASSERELLE_ROUTING_BATCH_SIZE" envDefault:"10"`
	// RoutingTargetInterested is how many interested suppliers a lot needs
	// before the daily top-ups stop.
	RoutingTargetInterested int `env:"PASSERELLE_ROUTING_TARGET_INTERESTED" envDefault:"6"`

	// StripeSecretKey enables paid registrations (Stripe Checkout); empty
	// leaves payments off.
	StripeSecretKey string `env:"PASSERELLE_STRIPE_SECRET_KEY" secret:"true"`
	// StripeWebhookSecret verifies Stripe's webhook signatures; required
	// with a secret key.
	StripeWebhookSecret string `env:"PASSERELLE_STRIPE_WEBHOOK_SECRET" secret:"true"`
	// StripeAPIURL replaces Stripe's API address (stripe-mock in tests).
	StripeAPIURL string `env:"PASSERELLE_STRIPE_API_URL"`
}

// Production reports whether the server runs in production mode.
func (c Config) Production() bool { return c.Env == "production" }

// IndexDir is the embedded search index's folder.
func (c Config) IndexDir() string {
	if c.SearchDir != "" {
		return c.SearchDir
	}
	return filepath.Join(c.DataDir, "index")
}

// EmbeddedS3 reports whether the in-process S3 server must be started.
func (c Config) EmbeddedS3() bool { return c.S3Endpoint == "" }

// Error lists every wrong variable of a configuration.
type Error struct {
	Problems []Problem
}

// Problem is one wrong variable.
type Problem struct {
	Var     string
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("invalid configuration (see the configuration table in README.md):")
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s: %s", p.Var, p.Message)
	}
	return b.String()
}

// Load reads the configuration from environ (os.Environ format). Secrets may
// also come from a file named by the variable with a _FILE suffix. The error,
// if any, is an *Error naming every wrong variable; secret values are never
// repeated in it.
func Load(environ []string) (Config, error) {
	vars := map[string]string{}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	fields := describeFields()
	var problems []Problem
	for _, f := range fields {
		if !f.secret {
			continue
		}
		fileVar := f.env + "_FILE"
		path, ok := vars[fileVar]
		if !ok || path == "" {
			continue
		}
		if _, both := vars[f.env]; both {
			problems = append(problems, Problem{fileVar, "set together with " + f.env + ": set only one"})
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			problems = append(problems, Problem{fileVar, "cannot read the file: " + err.Error()})
			continue
		}
		vars[f.env] = strings.TrimRight(string(data), "\r\n")
	}

	var cfg Config
	if err := env.ParseWithOptions(&cfg, env.Options{Environment: vars}); err != nil {
		problems = append(problems, parseProblems(err, fields)...)
	}
	problems = append(problems, cfg.validate(vars)...)
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Var < problems[j].Var })
		return cfg, &Error{Problems: problems}
	}
	if cfg.LogFormat == "" {
		cfg.LogFormat = "text"
		if cfg.Production() {
			cfg.LogFormat = "json"
		}
	}
	return cfg, nil
}

type fieldInfo struct {
	name, env string
	secret    bool
}

func describeFields() []fieldInfo {
	t := reflect.TypeFor[Config]()
	out := make([]fieldInfo, 0, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		out = append(out, fieldInfo{name: f.Name, env: f.Tag.Get("env"), secret: f.Tag.Get("secret") == "true"})
	}
	return out
}

// parseProblems turns the library's aggregate error into one problem per variable.
func parseProblems(err error, fields []fieldInfo) []Problem {
	var agg env.AggregateError
	if !errors.As(err, &agg) {
		return []Problem{{"PASSERELLE_*", err.Error()}}
	}
	var out []Problem
	for _, e := range agg.Errors {
		var pe env.ParseError
		if errors.As(e, &pe) {
			name := pe.Name
			for _, f := range fields {
				if f.name == pe.Name {
					name = f.env
				}
			}
			out = append(out, Problem{name, "not a valid " + typeWord(pe.Type)})
			continue
		}
		out = append(out, Problem{"PASSERELLE_*", e.Error()})
	}
	return out
}

func typeWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "boolean (true or false)"
	case reflect.Int, reflect.Int32, reflect.Int64:
		if t == reflect.TypeFor[time.Duration]() {
			return "duration (e.g. 15s, 2m, 1h)"
		}
		return "whole number"
	default:
		return t.String()
	}
}

func (c Config) validate(vars map[string]string) []Problem {
	var p []Problem
	add := func(v, msg string) { p = append(p, Problem{v, msg}) }
	oneOf := func(v, val string, allowed ...string) {
		for _, a := range allowed {
			if val == a {
				return
			}
		}
		add(v, fmt.Sprintf("%q is not one of %s", val, strings.Join(allowed, ", ")))
	}
	oneOf("PASSERELLE_ENV", c.Env, "development", "production")
	oneOf("PASSERELLE_LOG_LEVEL", c.LogLevel, "debug", "info", "warn", "error")
	if c.LogFormat != "" {
		oneOf("PASSERELLE_LOG_FORMAT", c.LogFormat, "text", "json")
	}
	if err := checkListenAddr(c.HTTPAddr); err != nil {
		add("PASSERELLE_HTTP_ADDR", fmt.Sprintf("%q is not a listen address: %v (e.g. :8080 or 127.0.0.1:8080)", c.HTTPAddr, err))
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		add("PASSERELLE_PUBLIC_URL", fmt.Sprintf("%q is not an absolute http(s) URL", c.PublicURL))
	}
	if !ocdsPrefix.MatchString(c.OCDSPrefix) {
		add("PASSERELLE_OCDS_PREFIX", fmt.Sprintf("%q is not an OCDS prefix: \"ocds-\" and letters or digits (e.g. ocds-a1b2c3)", c.OCDSPrefix))
	}
	if _, set := vars["PASSERELLE_DATABASE_URL"]; !set || c.DatabaseURL == "" {
		add("PASSERELLE_DATABASE_URL", "required (e.g. postgres://user:password@localhost:5432/passerelle); `make run` sets it for you")
	} else if err := checkDatabaseURL(c.DatabaseURL); err != nil {
		add("PASSERELLE_DATABASE_URL", err.Error())
	}
	if c.SecretKey != "" && len(c.SecretKey) < 32 {
		add("PASSERELLE_SECRET_KEY", "must be at least 32 characters (e.g. openssl rand -base64 48)")
	} else if c.SecretKey == "" && c.Production() {
		add("PASSERELLE_SECRET_KEY", "required in production: at least 32 random characters (e.g. openssl rand -base64 48)")
	}
	if c.DatabaseMaxConns < 2 || c.DatabaseMaxConns > 1000 {
		add("PASSERELLE_DATABASE_MAX_CONNS", "must be between 2 and 1000")
	}
	positive := map[string]time.Duration{
		"PASSERELLE_HTTP_READ_HEADER_TIMEOUT": c.HTTPReadHeaderTimeout,
		"PASSERELLE_HTTP_READ_TIMEOUT":        c.HTTPReadTimeout,
		"PASSERELLE_HTTP_WRITE_TIMEOUT":       c.HTTPWriteTimeout,
		"PASSERELLE_HTTP_IDLE_TIMEOUT":        c.HTTPIdleTimeout,
		"PASSERELLE_SHUTDOWN_TIMEOUT":         c.ShutdownTimeout,
		"PASSERELLE_SESSION_PURGE_INTERVAL":   c.SessionPurgeInterval,
		"PASSERELLE_SESSION_IDLE_TIMEOUT":     c.SessionIdleTimeout,
		"PASSERELLE_SESSION_MAX_AGE":          c.SessionMaxAge,
	}
	for name, d := range positive {
		if _, bad := vars[name]; bad && d <= 0 {
			add(name, "must be a positive duration")
		}
	}
	if c.HTTPMaxBodyBytes < 1024 {
		add("PASSERELLE_HTTP_MAX_BODY_BYTES", "must be at least 1024")
	}
	if c.MaxUploadBytes < 1024 || c.MaxUploadBytes > 5<<30 {
		add("PASSERELLE_MAX_UPLOAD_BYTES", "must be between 1024 and 5368709120 (5 GiB, the largest single S3 upload)")
	}
	if c.S3Endpoint != "" {
		if u, err := url.Parse(c.S3Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			add("PASSERELLE_S3_ENDPOINT", fmt.Sprintf("%q is not an absolute http(s) URL", c.S3Endpoint))
		}
		if c.S3AccessKey == "" {
			add("PASSERELLE_S3_ACCESS_KEY", "required when PASSERELLE_S3_ENDPOINT is set")
		}
		if c.S3SecretKey == "" {
			add("PASSERELLE_S3_SECRET_KEY", "required when PASSERELLE_S3_ENDPOINT is set")
		}
	}
	if c.S3Bucket == "" || len(c.S3Bucket) < 3 || len(c.S3Bucket) > 63 || strings.ToLower(c.S3Bucket) != c.S3Bucket {
		add("PASSERELLE_S3_BUCKET", "must be 3 to 63 lower-case characters")
	}
	if c.SessionIdleTimeout > c.SessionMaxAge {
		add("PASSERELLE_SESSION_IDLE_TIMEOUT", "must not exceed PASSERELLE_SESSION_MAX_AGE")
	}
	if !c.CookieSecure && !localHTTP(c.PublicURL) {
		add("PASSERELLE_COOKIE_SECURE", "may be false only when PASSERELLE_PUBLIC_URL is http://localhost (cookies must not travel unencrypted)")
	}
	for _, p := range c.TrustedProxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			add("PASSERELLE_TRUSTED_PROXIES", fmt.Sprintf("%q is neither an IP address nor a CIDR range", p))
		}
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps" && u.Scheme != "smtp+starttls") || u.Host == "" {
			add("PASSERELLE_SMTP_URL", "must be smtp://[user:password@]host:port, smtps://… or smtp+starttls://… (value not shown: it may hold a password)")
		}
	}
	if _, err := mail.ParseAddress(c.MailFrom); err != nil {
		add("PASSERELLE_MAIL_FROM", fmt.Sprintf("%q is not an email address (e.g. Passerelle <no-reply@example.org>)", c.MailFrom))
	}
	for name, v := range map[string]int{
		"PASSERELLE_RATE_LOGIN_PER_ACCOUNT": c.RateLoginPerAccount, "PASSERELLE_RATE_LOGIN_PER_IP": c.RateLoginPerIP,
		"PASSERELLE_RATE_SIGNUP_PER_IP": c.RateSignupPerIP, "PASSERELLE_RATE_RESET_PER_IP": c.RateResetPerIP,
	} {
		if v < 1 {
			add(name, "must be at least 1")
		}
	}
	if c.DataDir == "" {
		add("PASSERELLE_DATA_DIR", "must not be empty")
	}
	oneOf("PASSERELLE_SEARCH_ENGINE", c.SearchEngine, "bleve", "meilisearch")
	if c.SearchEngine == "meilisearch" {
		if u, err := url.Parse(c.MeiliURL); c.MeiliURL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			add("PASSERELLE_MEILI_URL", "required with PASSERELLE_SEARCH_ENGINE=meilisearch: the server's http(s) address, e.g. http://localhost:7700")
		}
	}
	if _, set := vars["PASSERELLE_SEARCH_RECONCILE_INTERVAL"]; set && c.SearchReconcileInterval < time.Minute {
		add("PASSERELLE_SEARCH_RECONCILE_INTERVAL", "must be at least 1m (each run reads every public listing)")
	}
	if c.SearchCacheMB < 0 || c.SearchCacheMB > 1<<20 {
		add("PASSERELLE_SEARCH_CACHE_MB", "must be between 0 (no cache) and 1048576")
	}
	if c.RoutingBatchSize < 1 || c.RoutingBatchSize > 100 {
		add("PASSERELLE_ROUTING_BATCH_SIZE", "must be between 1 and 100 (suppliers want few, relevant emails)")
	}
	if c.RoutingTargetInterested < 1 || c.RoutingTargetInterested > 100 {
		add("PASSERELLE_ROUTING_TARGET_INTERESTED", "must be between 1 and 100")
	}
	p = append(p, c.validateStripe()...)
	return p
}

// validateStripe checks the payment settings; secrets are never repeated.
func (c Config) validateStripe() []Problem {
	var p []Problem
	if c.StripeSecretKey != "" && !strings.HasPrefix(c.StripeSecretKey, "sk_") && !strings.HasPrefix(c.StripeSecretKey, "rk_") {
		p = append(p, Problem{"PASSERELLE_STRIPE_SECRET_KEY", "must be a Stripe secret key (sk_…) or restricted key (rk_…) (value not shown)"})
	}
	switch {
	case c.StripeSecretKey != "" && c.StripeWebhookSecret == "":
		p = append(p, Problem{"PASSERELLE_STRIPE_WEBHOOK_SECRET", "required with PASSERELLE_STRIPE_SECRET_KEY: the signing secret (whsec_…) of the webhook endpoint"})
	case c.StripeWebhookSecret != "" && !strings.HasPrefix(c.StripeWebhookSecret, "whsec_"):
		p = append(p, Problem{"PASSERELLE_STRIPE_WEBHOOK_SECRET", "must be a webhook signing secret (whsec_…) (value not shown)"})
	}
	if c.StripeAPIURL != "" {
		if u, err := url.Parse(c.StripeAPIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p = append(p, Problem{"PASSERELLE_STRIPE_API_URL", fmt.Sprintf("%q is not an absolute http(s) URL (e.g. http://localhost:12111 for stripe-mock)", c.StripeAPIURL)})
		}
	}
	return p
}

// PaymentsEnabled reports whether paid registrations are configured.
func (c Config) PaymentsEnabled() bool { return c.StripeSecretKey != "" }

func localHTTP(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" {
		return false
	}
	h := u.Hostname()
	return h == "localhost" || h == "127.0.0.1" || h == "::1"
}

func checkListenAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	if host != "" && net.ParseIP(host) == nil && strings.ContainsAny(host, " /:") {
		return fmt.Errorf("host %q is not valid", host)
	}
	return nil
}

// checkDatabaseURL rejects what pgx would refuse, without echoing the URL (it
// may hold a password).
func checkDatabaseURL(raw string) error {
	if strings.HasPrefix(raw, "postgres://") || strings.HasPrefix(raw, "postgresql://") {
		u, err := url.Parse(raw)
		if err != nil {
			return errors.New("is not a valid URL (value not shown: it may hold a password)")
		}
		if u.Host == "" && u.Query().Get("host") == "" {
			return errors.New("names no host")
		}
		return nil
	}
	if strings.Contains(raw, "=") && !strings.Contains(raw, "://") {
		return nil // key=value DSN, checked by pgx at connection time
	}
	return errors.New("must be a postgres:// URL or a key=value connection string (value not shown: it may hold a password)")
}

// ocdsPrefix is the form of an OCDS ocid prefix.
var ocdsPrefix = regexp.MustCompile(`^ocds-[A-Za-z0-9]{1,40}$`)
