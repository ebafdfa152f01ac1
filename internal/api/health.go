package api

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// Check is one dependency /readyz verifies.
type Check struct {
	// Name is what /readyz reports, e.g. "database".
	Name string
	// Check returns nil when the service answers.
	Check func(ctx context.Context) error
}

// healthz answers as long as the process serves HTTP.
func healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// notReady is an RFC 9457 problem with the state of every check.
type notReady struct {
	Title  string            `json:"title"`
	Status int               `json:"status"`
	Detail string            `json:"detail"`
	Checks map[string]string `json:"checks"`
}

// readyz runs every check at once, each bounded, and answers 503
// problem+json naming what failed.
func readyz(checks []Check) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), 3*time.Second)
		defer cancel()
		results := map[string]string{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		var failed []string
		for _, ch := range checks {
			wg.Go(func() {
				err := ch.Check(ctx)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					results[ch.Name] = "failing: " + err.Error()
					failed = append(failed, ch.Name)
					return
				}
				results[ch.Name] = "ok"
			})
		}
		wg.Wait()
		if len(failed) == 0 {
			c.JSON(http.StatusOK, gin.H{"status": "ok", "checks": results})
			return
		}
		sort.Strings(failed)
		body, _ := json.Marshal(notReady{
			Title:  "Service Unavailable",
			Status: http.StatusServiceUnavailable,
			Detail: "Not ready: " + strings.Join(failed, ", ") + " unreachable.",
			Checks: results,
		})
		c.Data(http.StatusServiceUnavailable, "application/problem+json", body)
	}
}
