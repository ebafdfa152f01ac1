package billing

import (
	"context"
	"fmt"
	"log/slog"
)

// slogAdapter gives stripe-go's messages to slog, redacted. Its errors are
// logged at warn level only: the caller gets the same error and decides.
type slogAdapter struct {
	log     *slog.Logger
	secrets []string
}

func (a *slogAdapter) emit(level slog.Level, format string, v ...any) {
	if !a.log.Enabled(context.Background(), level) {
		return
	}
	a.log.Log(context.Background(), level, redact(fmt.Sprintf(format, v...), a.secrets...), "component", "stripe")
}

func (a *slogAdapter) Debugf(format string, v ...any) { a.emit(slog.LevelDebug, format, v...) }
func (a *slogAdapter) Infof(format string, v ...any)  { a.emit(slog.LevelDebug, format, v...) }
func (a *slogAdapter) Warnf(format string, v ...any)  { a.emit(slog.LevelWarn, format, v...) }
func (a *slogAdapter) Errorf(format string, v ...any) { a.emit(slog.LevelWarn, format, v...) }
