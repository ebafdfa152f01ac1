package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
)

// runAndLogCount is the work of a periodic job that runs one use case
// returning how many things it did: the count is logged at info level
// under key, only when there was something (an hourly run with nothing to
// do stays quiet), and the use case's error is returned as is for River
// to retry.
func runAndLogCount(ctx context.Context, log *slog.Logger, msg, key string, run func(context.Context) (int, error)) error {
	n, err := run(ctx)
	if n > 0 {
		log.InfoContext(ctx, msg, key, n)
	}
	return err
}

// everyIntervalAndOnStart is a periodic job inserting args every interval
// and once when the runner starts, unique under id.
func everyIntervalAndOnStart(interval time.Duration, args river.JobArgs, id string) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(interval),
		func() (river.JobArgs, *river.InsertOpts) { return args, nil },
		&river.PeriodicJobOpts{RunOnStart: true, ID: id})
}
