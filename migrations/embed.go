// Package migrations holds the database schema as numbered goose SQL files,
// embedded in the binary so that `passerelle migrate` and `serve` need no
// files on disk.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
