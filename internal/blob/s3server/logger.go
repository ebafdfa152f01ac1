package s3server

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/johannesboyne/gofakes3"
)

// slogAdapter passes gofakes3's messages to slog. gofakes3 logs every
// request at INFO; those become debug records so that a production log at
// info level stays quiet.
type slogAdapter struct{ logger *slog.Logger }

// Print implements gofakes3.Logger.
func (a slogAdapter) Print(level gofakes3.LogLevel, v ...any) {
	lvl := slog.LevelDebug
	switch level {
	case gofakes3.LogErr:
		lvl = slog.LevelError
	case gofakes3.LogWarn:
		lvl = slog.LevelWarn
	}
	ctx := context.Background()
	if !a.logger.Enabled(ctx, lvl) {
		return // skip formatting the message when nobody listens
	}
	msg := fmt.Sprintln(v...) // Sprintln spaces every operand, as gofakes3 expects
	a.logger.Log(ctx, lvl, msg[:len(msg)-1], "component", "gofakes3")
}
