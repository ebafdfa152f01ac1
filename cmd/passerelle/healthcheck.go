package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// healthcheck asks the local server's /healthz, for container healthchecks
// in images without curl. It reads only PASSERELLE_HTTP_ADDR.
func healthcheck(ctx context.Context, environ []string, stderr io.Writer) int {
	addr := ":8080"
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, "PASSERELLE_HTTP_ADDR="); ok && v != "" {
			addr = v
		}
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintln(stderr, "healthcheck: PASSERELLE_HTTP_ADDR:", err)
		return exitConfig
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		fmt.Fprintln(stderr, "healthcheck:", err)
		return exitFail
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(stderr, "healthcheck:", err)
		return exitFail
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(stderr, "healthcheck: status", resp.StatusCode)
		return exitFail
	}
	return exitOK
}
