// Package frontend embeds the built web app.
//
// The app lives in this directory (Vite + React + TypeScript); `npm run build`
// writes it to dist/. The tracked file dist/.placeholder keeps the embed
// pattern below matching on a fresh clone, so this package compiles before
// the app is built; Dist then reports built=false.
package frontend

import (
	"embed"
	"io/fs"
)

// The all: prefix is needed: without it the dot file dist/.placeholder is
// skipped and an unbuilt dist/ would fail to embed.
//
//go:embed all:dist
var dist embed.FS

// Dist returns the built web app (the content of dist/) and whether it has been built (index.html present).
func Dist() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// Unreachable: "dist" is a valid path.
		panic("frontend: " + err.Error())
	}
	info, err := fs.Stat(sub, "index.html")
	return sub, err == nil && !info.IsDir()
}
