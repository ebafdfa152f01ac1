package domain

import "time"

// SearchRebuildState is where a full rebuild of the search index stands.
type SearchRebuildState string

// The states of a rebuild: queued until a worker takes it, running while
// it writes the new index, then succeeded (swapped in) or failed (the live
// index is untouched).
const (
	SearchRebuildQueued    SearchRebuildState = "queued"
	SearchRebuildRunning   SearchRebuildState = "running"
	SearchRebuildSucceeded SearchRebuildState = "succeeded"
	SearchRebuildFailed    SearchRebuildState = "failed"
)

// SearchRebuild is one full rebuild of the search index into a new
// versioned index, swapped with the live one at the end.
type SearchRebuild struct {
	ID string
	// IndexName is the versioned index being built.
	IndexName string
	State     SearchRebuildState
	// Done counts the listings written so far, out of Total (counted at
	// the start).
	Done, Total int
	// Error says why a failed rebuild failed.
	Error       string
	RequestedBy string
	CreatedAt   time.Time
	StartedAt   *time.Time
	FinishedAt  *time.Time
}
