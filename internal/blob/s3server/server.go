package s3server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3afero"
	"github.com/spf13/afero"
)

// defaultAddr picks a free port on the IPv4 loopback.
const defaultAddr = "127.0.0.1:0"

// Options configure Start.
type Options struct {
	// Dir holds the buckets and their metadata; it is created if missing
	// and survives restarts. Required. One server per Dir at a time: the
	// backend's locks are in-process.
	Dir string
	// Addr is the loopback host:port to listen on; empty means
	// "127.0.0.1:0" (a free port). Non-loopback addresses are refused.
	Addr string
	// Logger receives the server's messages; nil discards them. gofakes3's
	// per-request traces are logged at debug level.
	Logger *slog.Logger
}

// Server is a running embedded S3 server.
type Server struct {
	http     *http.Server
	fresh    *freshConns
	endpoint string
	served   chan error // receives Serve's result once it returns

	closeOnce sync.Once
	closeErr  error
}

// Start listens on opts.Addr and serves the S3 API for the buckets under
// opts.Dir until Close. Buckets are created on first use. ctx bounds only
// the start-up, not the server's life.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Dir == "" {
		return nil, errors.New("s3server: Options.Dir is required")
	}
	addr := opts.Addr
	if addr == "" {
		addr = defaultAddr
	}
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	handler, err := newHandler(opts.Dir, logger)
	if err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("s3server: listen: %w", err)
	}
	// "localhost" is resolved by the system: check what was really bound.
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		_ = ln.Close()
		return nil, fmt.Errorf("s3server: %s is not a loopback address", ln.Addr())
	}
	fresh := &freshConns{}
	s := &Server{
		fresh: fresh,
		http: &http.Server{
			ConnState: fresh.track,
			Handler:   handler,
			// No ReadTimeout or WriteTimeout: uploads and downloads of large
			// objects may legitimately take minutes.
			ReadHeaderTimeout: 10 * time.Second,
			IdleTimeout:       2 * time.Minute,
			ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelDebug),
		},
		endpoint: "http://" + ln.Addr().String(),
		served:   make(chan error, 1),
	}
	go func() { s.served <- s.http.Serve(ln) }()
	logger.Info("embedded S3 server started", "endpoint", s.endpoint, "dir", opts.Dir)
	return s, nil
}

// newHandler builds the S3 handler over dir: gofakes3 on afero's
// filesystem backend (dir/buckets, dir/metadata), uploads received in
// dir/spool first, presigned URLs that expire, and keys no longer than it
// can store.
func newHandler(dir string, logger *slog.Logger) (http.Handler, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("s3server: %w", err)
	}
	// The filesystem backend (not the in-memory or bolt ones) persists
	// across restarts and never holds a whole object in memory; s3bolt
	// would also lock its file to one process.
	fs, err := s3afero.NewBasePathFs(afero.NewOsFs(), dir, 0)
	if err != nil {
		return nil, fmt.Errorf("s3server: %w", err)
	}
	backend, err := s3afero.MultiBucket(fs)
	if err != nil {
		return nil, fmt.Errorf("s3server: %w", err)
	}
	// Temporary upload files left by a crash are garbage: start afresh.
	spoolDir := filepath.Join(dir, "spool")
	if err := os.RemoveAll(spoolDir); err != nil {
		return nil, fmt.Errorf("s3server: %w", err)
	}
	if err := os.Mkdir(spoolDir, 0o700); err != nil {
		return nil, fmt.Errorf("s3server: %w", err)
	}
	faker := gofakes3.New(spoolingBackend{Backend: backend, dir: spoolDir},
		gofakes3.WithAutoBucket(true),
		gofakes3.WithLogger(slogAdapter{logger}),
	)
	return noSniff(limitKeyLength(expirePresigned(faker.Server(), time.Now))), nil
}

// noSniff tells browsers, which open presigned download links on this
// server directly, to trust the Content-Type (the type Passerelle sniffed
// at upload, signed into the link) and never to guess another: a PDF
// whose body holds HTML stays a PDF.
func noSniff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// Endpoint returns the server's base URL, e.g. "http://127.0.0.1:41234",
// for blob.Config.Endpoint (with UsePathStyle).
func (s *Server) Endpoint() string { return s.endpoint }

// Close stops accepting requests and waits for those in flight, or until
// ctx is done, when remaining connections are cut. Later calls return the
// first call's result.
func (s *Server) Close(ctx context.Context) error {
	s.closeOnce.Do(func() { s.closeErr = s.shutdown(ctx) })
	return s.closeErr
}

func (s *Server) shutdown(ctx context.Context) error {
	shutdown := make(chan error, 1)
	go func() { shutdown <- s.http.Shutdown(ctx) }()
	// Connections that never sent a request would hold Shutdown for 5 s
	// each; keep closing them until it returns (see freshConns).
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var err error
wait:
	for {
		s.fresh.closeAll()
		select {
		case err = <-shutdown:
			break wait
		case <-tick.C:
		}
	}
	if err != nil {
		err = errors.Join(err, s.http.Close())
	}
	if serveErr := <-s.served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	if err != nil {
		return fmt.Errorf("s3server: close: %w", err)
	}
	return nil
}

// checkLoopback refuses any address a remote host could reach (see the
// package comment).
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("s3server: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("s3server: address %q is not a loopback address: the server checks no credentials", addr)
	}
	return nil
}
