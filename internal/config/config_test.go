package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const dbURL = "PASSERELLE_DATABASE_URL=postgres://u:secret@localhost:5432/p"

func TestDefaults(t *testing.T) {
	cfg, err := Load([]string{dbURL})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTPAddr != ":8080" || cfg.ShutdownTimeout != 15*time.Second || cfg.LogFormat != "text" ||
		!cfg.EmbeddedS3() || cfg.HTTPMaxBodyBytes != 1<<20 || !cfg.MigrateOnStart ||
		cfg.MaxUploadBytes != 25<<20 {
		t.Fatalf("unexpected defaults: %+v", cfg)
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_ENV=production", "PASSERELLE_SECRET_KEY=" + strings.Repeat("k", 32)})
	if err != nil || cfg.LogFormat != "json" {
		t.Fatalf("production logs JSON by default: %v %q", err, cfg.LogFormat)
	}
}

func TestEveryWrongVariableInOneError(t *testing.T) {
	_, err := Load([]string{
		"PASSERELLE_HTTP_ADDR=nonsense",
		"PASSERELLE_DATABASE_URL=mysql://root:hunter2@db/x",
		"PASSERELLE_SHUTDOWN_TIMEOUT=soon",
		"PASSERELLE_DATABASE_MAX_CONNS=many",
		"PASSERELLE_LOG_LEVEL=loud",
		"PASSERELLE_S3_ENDPOINT=minio:9000",
		"PASSERELLE_MIGRATE_ON_START=perhaps",
		"PASSERELLE_MAX_UPLOAD_BYTES=12",
	})
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("want *Error, got %v", err)
	}
	msg := err.Error()
	for _, v := range []string{
		"PASSERELLE_HTTP_ADDR", "PASSERELLE_DATABASE_URL", "PASSERELLE_SHUTDOWN_TIMEOUT", "PASSERELLE_DATABASE_MAX_CONNS",
		"PASSERELLE_LOG_LEVEL", "PASSERELLE_S3_ENDPOINT", "PASSERELLE_S3_ACCESS_KEY", "PASSERELLE_S3_SECRET_KEY",
		"PASSERELLE_MIGRATE_ON_START", "PASSERELLE_MAX_UPLOAD_BYTES",
	} {
		if !strings.Contains(msg, v+":") {
			t.Errorf("message does not name %s:\n%s", v, msg)
		}
	}
	if strings.Contains(msg, "hunter2") {
		t.Errorf("the message leaks a secret:\n%s", msg)
	}
}

func TestDatabaseURLRequiredAndChecked(t *testing.T) {
	for _, env := range [][]string{
		nil,
		{"PASSERELLE_DATABASE_URL="},
		{"PASSERELLE_DATABASE_URL=postgres://[::1"},
		{"PASSERELLE_DATABASE_URL=not a url"},
	} {
		if _, err := Load(env); err == nil || !strings.Contains(err.Error(), "PASSERELLE_DATABASE_URL") {
			t.Errorf("%v: want an error naming the database URL, got %v", env, err)
		}
	}
	if _, err := Load([]string{"PASSERELLE_DATABASE_URL=host=localhost dbname=p"}); err != nil {
		t.Errorf("key=value DSN must pass: %v", err)
	}
}

func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "db")
	if err := os.WriteFile(path, []byte("postgres://u:p@db:5432/x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load([]string{"PASSERELLE_DATABASE_URL_FILE=" + path})
	if err != nil || cfg.DatabaseURL != "postgres://u:p@db:5432/x" {
		t.Fatalf("got %q %v", cfg.DatabaseURL, err)
	}
	_, err = Load([]string{"PASSERELLE_DATABASE_URL_FILE=" + filepath.Join(dir, "missing")})
	if err == nil || !strings.Contains(err.Error(), "PASSERELLE_DATABASE_URL_FILE") {
		t.Fatalf("a missing secret file must be named: %v", err)
	}
	_, err = Load([]string{"PASSERELLE_DATABASE_URL_FILE=" + path, dbURL})
	if err == nil || !strings.Contains(err.Error(), "set only one") {
		t.Fatalf("both set must be refused: %v", err)
	}
}

func TestListenAddresses(t *testing.T) {
	for addr, ok := range map[string]bool{
		":8080": true, "127.0.0.1:0": true, "[::1]:8080": true, "localhost:80": true,
		"nonsense": false, ":http-alt": false, ":70000": false, "8080": false,
	} {
		_, err := Load([]string{dbURL, "PASSERELLE_HTTP_ADDR=" + addr})
		if (err == nil) != ok {
			t.Errorf("%q: err=%v, want ok=%v", addr, err, ok)
		}
	}
}

func TestSearchSettings(t *testing.T) {
	cfg, err := Load([]string{dbURL, "PASSERELLE_DATA_DIR=/srv/p"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.SearchEngine != "bleve" || cfg.IndexDir() != filepath.Join("/srv/p", "index") || cfg.SearchReconcileInterval != 10*time.Minute {
		t.Fatalf("search defaults: %+v %q", cfg, cfg.IndexDir())
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_SEARCH_DIR=/idx"})
	if err != nil || cfg.IndexDir() != "/idx" {
		t.Fatalf("PASSERELLE_SEARCH_DIR: %v %q", err, cfg.IndexDir())
	}
	_, err = Load([]string{dbURL, "PASSERELLE_SEARCH_ENGINE=elastic", "PASSERELLE_SEARCH_RECONCILE_INTERVAL=5s"})
	if err == nil || !strings.Contains(err.Error(), "PASSERELLE_SEARCH_ENGINE:") || !strings.Contains(err.Error(), "PASSERELLE_SEARCH_RECONCILE_INTERVAL:") {
		t.Fatalf("want both search variables named: %v", err)
	}
	_, err = Load([]string{dbURL, "PASSERELLE_SEARCH_ENGINE=meilisearch", "PASSERELLE_MEILI_KEY=topsecret"})
	if err == nil || !strings.Contains(err.Error(), "PASSERELLE_MEILI_URL:") || strings.Contains(err.Error(), "topsecret") {
		t.Fatalf("meilisearch needs its URL, and the key is never shown: %v", err)
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_SEARCH_ENGINE=meilisearch", "PASSERELLE_MEILI_URL=http://localhost:7700"})
	if err != nil || cfg.MeiliURL != "http://localhost:7700" {
		t.Fatalf("meilisearch: %v", err)
	}
}

func TestSecretKey(t *testing.T) {
	const db = "PASSERELLE_DATABASE_URL=postgres://localhost/p"
	long := "PASSERELLE_SECRET_KEY=" + strings.Repeat("s", 32)
	if cfg, err := Load([]string{db}); err != nil || cfg.SecretKey != "" {
		t.Errorf("development without a key must start (a random one is used): %v", err)
	}
	for _, env := range [][]string{
		{db, "PASSERELLE_ENV=production"},
		{db, "PASSERELLE_SECRET_KEY=short"},
	} {
		_, err := Load(env)
		if err == nil || !strings.Contains(err.Error(), "PASSERELLE_SECRET_KEY") {
			t.Errorf("%v: want an error naming the secret key, got %v", env, err)
		}
		if err != nil && strings.Contains(err.Error(), "short") && !strings.Contains(err.Error(), "32") {
			t.Errorf("the key's value leaked into the error: %v", err)
		}
	}
	if cfg, err := Load([]string{db, "PASSERELLE_ENV=production", long}); err != nil || len(cfg.SecretKey) != 32 {
		t.Errorf("production with a key: %v", err)
	}
}

func TestRoutingSettings(t *testing.T) {
	cfg, err := Load([]string{dbURL})
	if err != nil || cfg.RoutingBatchSize != 10 || cfg.RoutingTargetInterested != 6 {
		t.Fatalf("routing defaults: %d %d %v", cfg.RoutingBatchSize, cfg.RoutingTargetInterested, err)
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_ROUTING_BATCH_SIZE=25", "PASSERELLE_ROUTING_TARGET_INTERESTED=3"})
	if err != nil || cfg.RoutingBatchSize != 25 || cfg.RoutingTargetInterested != 3 {
		t.Fatalf("routing settings: %d %d %v", cfg.RoutingBatchSize, cfg.RoutingTargetInterested, err)
	}
	_, err = Load([]string{dbURL, "PASSERELLE_ROUTING_BATCH_SIZE=0", "PASSERELLE_ROUTING_TARGET_INTERESTED=1000"})
	if err == nil || !strings.Contains(err.Error(), "PASSERELLE_ROUTING_BATCH_SIZE:") || !strings.Contains(err.Error(), "PASSERELLE_ROUTING_TARGET_INTERESTED:") {
		t.Fatalf("want both routing variables named: %v", err)
	}
}

func TestStripeSettings(t *testing.T) {
	cfg, err := Load([]string{dbURL})
	if err != nil || cfg.PaymentsEnabled() || cfg.StripeSecretKey != "" || cfg.StripeAPIURL != "" {
		t.Fatalf("payments are off by default: %v %+v", err, cfg)
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_STRIPE_SECRET_KEY=sk_test_abc", "PASSERELLE_STRIPE_WEBHOOK_SECRET=whsec_def", "PASSERELLE_STRIPE_API_URL=http://127.0.0.1:12111"})
	if err != nil || !cfg.PaymentsEnabled() || cfg.StripeSecretKey != "sk_test_abc" || cfg.StripeWebhookSecret != "whsec_def" || cfg.StripeAPIURL != "http://127.0.0.1:12111" {
		t.Fatalf("stripe settings: %v %+v", err, cfg)
	}
	_, err = Load([]string{dbURL, "PASSERELLE_STRIPE_SECRET_KEY=sk_live_topsecret"})
	if err == nil || !strings.Contains(err.Error(), "PASSERELLE_STRIPE_WEBHOOK_SECRET:") || strings.Contains(err.Error(), "topsecret") {
		t.Fatalf("a secret key needs a webhook secret, and is never shown: %v", err)
	}
	_, err = Load([]string{dbURL, "PASSERELLE_STRIPE_SECRET_KEY=pk_live_topsecret", "PASSERELLE_STRIPE_WEBHOOK_SECRET=topsecret2", "PASSERELLE_STRIPE_API_URL=localhost:12111"})
	for _, v := range []string{"PASSERELLE_STRIPE_SECRET_KEY:", "PASSERELLE_STRIPE_WEBHOOK_SECRET:", "PASSERELLE_STRIPE_API_URL:"} {
		if err == nil || !strings.Contains(err.Error(), v) {
			t.Errorf("want %s named: %v", v, err)
		}
	}
	if err != nil && strings.Contains(err.Error(), "topsecret") {
		t.Errorf("a secret leaked into the error: %v", err)
	}
	dir := t.TempDir()
	keyFile, hookFile := filepath.Join(dir, "key"), filepath.Join(dir, "hook")
	if err := os.WriteFile(keyFile, []byte("rk_live_fromfile\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hookFile, []byte("whsec_fromfile\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err = Load([]string{dbURL, "PASSERELLE_STRIPE_SECRET_KEY_FILE=" + keyFile, "PASSERELLE_STRIPE_WEBHOOK_SECRET_FILE=" + hookFile})
	if err != nil || cfg.StripeSecretKey != "rk_live_fromfile" || cfg.StripeWebhookSecret != "whsec_fromfile" {
		t.Fatalf("stripe secrets from files: %v %q %q", err, cfg.StripeSecretKey, cfg.StripeWebhookSecret)
	}
}
