package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
)

// ExpireMeetingRequestsArgs asks for the convention's pending meeting
// requests past their expiry to be expired (their senders are told).
type ExpireMeetingRequestsArgs struct{}

// Kind names the job in the queue.
func (ExpireMeetingRequestsArgs) Kind() string { return "expire_meeting_requests" }

// ExpireMeetingRequestsWorker runs core.Meetings.ExpireMeetingRequests.
// A request expires with its notification in one transaction: a retry
// tells nobody twice.
type ExpireMeetingRequestsWorker struct {
	river.WorkerDefaults[ExpireMeetingRequestsArgs]
	Meetings *core.Meetings
	Log      *slog.Logger
}

// Work expires what is due.
func (w *ExpireMeetingRequestsWorker) Work(ctx context.Context, _ *river.Job[ExpireMeetingRequestsArgs]) error {
	return runAndLogCount(ctx, w.Log, "meeting requests expired", "count", w.Meetings.ExpireMeetingRequests)
}

// AskMeetingOutcomesArgs asks for the delegates of conventions that are
// over to be asked, once, what came of their meetings.
type AskMeetingOutcomesArgs struct{}

// Kind names the job in the queue.
func (AskMeetingOutcomesArgs) Kind() string { return "ask_meeting_outcomes" }

// AskMeetingOutcomesWorker runs core.Meetings.AskOutcomes; each event's
// marker is written with its emails, so nothing is sent twice.
type AskMeetingOutcomesWorker struct {
	river.WorkerDefaults[AskMeetingOutcomesArgs]
	Meetings *core.Meetings
	Log      *slog.Logger
}

// Work asks what is due.
func (w *AskMeetingOutcomesWorker) Work(ctx context.Context, _ *river.Job[AskMeetingOutcomesArgs]) error {
	return runAndLogCount(ctx, w.Log, "meeting outcomes asked", "emails", w.Meetings.AskOutcomes)
}

// meetingJobs registers the convention's periodic meeting jobs, run every
// interval (hourly by default) and on start; their Meetings are set by
// wire once the runner exists.
type meetingJobs struct {
	expire *ExpireMeetingRequestsWorker
	ask    *AskMeetingOutcomesWorker
}

func addMeetingJobs(workers *river.Workers, log *slog.Logger, interval time.Duration) (meetingJobs, []*river.PeriodicJob, error) {
	if interval <= 0 {
		interval = time.Hour
	}
	m := meetingJobs{expire: &ExpireMeetingRequestsWorker{Log: log}, ask: &AskMeetingOutcomesWorker{Log: log}}
	if err := river.AddWorkerSafely(workers, m.expire); err != nil {
		return m, nil, err
	}
	if err := river.AddWorkerSafely(workers, m.ask); err != nil {
		return m, nil, err
	}
	return m, []*river.PeriodicJob{
		everyIntervalAndOnStart(interval, ExpireMeetingRequestsArgs{}, "expire_meeting_requests"),
		everyIntervalAndOnStart(interval, AskMeetingOutcomesArgs{}, "ask_meeting_outcomes"),
	}, nil
}

// wire gives the workers the meetings' use cases.
func (m meetingJobs) wire(meetings *core.Meetings) {
	m.expire.Meetings, m.ask.Meetings = meetings, meetings
}

// Meetings returns the runner's convention meetings (expiry, outcomes).
func (r *Runner) Meetings() *core.Meetings { return r.meetings }
