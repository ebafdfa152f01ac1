package jobs

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
	"passerelle/internal/store"
)

// RefundRegistrationArgs asks for a cancelled paid registration to be
// refunded.
type RefundRegistrationArgs struct {
	RegistrationID string `json:"registration_id"`
}

// Kind names the job in the queue.
func (RefundRegistrationArgs) Kind() string { return "refund_registration" }

// RefundMaxAttempts bounds the retries of a refund while the payment
// provider is unreachable (about a day and a half of River's backoff);
// the last attempt records the refund as failed.
const RefundMaxAttempts = 12

// InsertOpts gives refunds RefundMaxAttempts, and one job per
// registration at a time.
func (RefundRegistrationArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: RefundMaxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// RefundRegistrationWorker refunds a registration
// (core.Events.RefundRegistration). It is idempotent: the provider is
// asked with the registration id as idempotency key, and a refund no
// longer pending is left alone.
type RefundRegistrationWorker struct {
	river.WorkerDefaults[RefundRegistrationArgs]
	// events is set once the use cases exist (SetEvents), possibly after
	// the runner started.
	events atomic.Pointer[core.Events]
}

// Timeout bounds one attempt (the provider's client has its own timeout).
func (w *RefundRegistrationWorker) Timeout(*river.Job[RefundRegistrationArgs]) time.Duration {
	return time.Minute
}

// Work refunds the registration.
func (w *RefundRegistrationWorker) Work(ctx context.Context, job *river.Job[RefundRegistrationArgs]) error {
	events := w.events.Load()
	if events == nil {
		return fmt.Errorf("jobs: refunds need the events use cases (none in this process)")
	}
	return events.RefundRegistration(ctx, job.Args.RegistrationID, job.Attempt >= job.MaxAttempts)
}

// EnqueueRefund inserts, in tx, the job that refunds a registration.
func (r *Runner) EnqueueRefund(ctx context.Context, tx *store.Tx, registrationID string) error {
	if _, err := r.client.InsertTx(ctx, tx.Raw(), RefundRegistrationArgs{RegistrationID: registrationID}, nil); err != nil {
		return fmt.Errorf("jobs: enqueue refund: %w", err)
	}
	return nil
}

// SetEvents gives the refund worker the event use cases it runs (they
// need the runner to exist first, for their emails and jobs).
func (r *Runner) SetEvents(e *core.Events) { r.refunds.events.Store(e) }

var _ core.EventJobs = (*Runner)(nil)
