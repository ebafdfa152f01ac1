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

// RefundPaymentArgs asks for a payment that confirmed nothing (a second
// payment, a wrong amount) to be given back.
type RefundPaymentArgs struct {
	Order core.PaymentRefundOrder `json:"order"`
}

// Kind names the job in the queue.
func (RefundPaymentArgs) Kind() string { return "refund_payment" }

// InsertOpts gives payment refunds RefundMaxAttempts, and one job per
// payment at a time.
func (RefundPaymentArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: RefundMaxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// RefundPaymentWorker refunds a payment (core.Events.RefundPayment),
// idempotently: the provider is asked with the payment intent id as key.
type RefundPaymentWorker struct {
	river.WorkerDefaults[RefundPaymentArgs]
	refunds *RefundRegistrationWorker // shares its use cases
}

// Timeout bounds one attempt.
func (w *RefundPaymentWorker) Timeout(*river.Job[RefundPaymentArgs]) time.Duration {
	return time.Minute
}

// Work refunds the payment.
func (w *RefundPaymentWorker) Work(ctx context.Context, job *river.Job[RefundPaymentArgs]) error {
	events := w.refunds.events.Load()
	if events == nil {
		return fmt.Errorf("jobs: refunds need the events use cases (none in this process)")
	}
	return events.RefundPayment(ctx, job.Args.Order, job.Attempt >= job.MaxAttempts)
}

// EnqueuePaymentRefund inserts, in tx, the job that refunds a payment.
func (r *Runner) EnqueuePaymentRefund(ctx context.Context, tx *store.Tx, o core.PaymentRefundOrder) error {
	if _, err := r.client.InsertTx(ctx, tx.Raw(), RefundPaymentArgs{Order: o}, nil); err != nil {
		return fmt.Errorf("jobs: enqueue payment refund: %w", err)
	}
	return nil
}

// SetEvents gives the refund worker the event use cases it runs (they
// need the runner to exist first, for their emails and jobs).
func (r *Runner) SetEvents(e *core.Events) { r.refunds.events.Store(e) }

var _ core.EventJobs = (*Runner)(nil)
