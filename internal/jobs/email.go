package jobs

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
	"passerelle/internal/mail"
	"passerelle/internal/store"
)

// SendEmailArgs is one email to render and send.
type SendEmailArgs struct {
	To       string         `json:"to"`
	Name     string         `json:"name"`
	Template string         `json:"template"`
	Lang     string         `json:"lang"`
	Data     map[string]any `json:"data"`
	// Unsubscribe is set on notification emails only.
	Unsubscribe *UnsubscribeArgs `json:"unsubscribe,omitempty"`
}

// UnsubscribeArgs is the one-click unsubscribe of a notification email.
type UnsubscribeArgs struct {
	Link     string `json:"link"`
	Category string `json:"category"`
}

// Kind names the job in the queue.
func (SendEmailArgs) Kind() string { return "send_email" }

// InsertOpts puts emails on their own queue, so a slow SMTP server never
// holds up other work, and gives them EmailMaxAttempts.
func (SendEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueEmail, MaxAttempts: EmailMaxAttempts}
}

const queueEmail = "email"

// Retries of an email. River's default waits attempt⁴ seconds (with 10 %
// jitter) and gives up after 25 attempts, the last waits being days long:
// an SMTP outage of an hour would delay the emails queued during it by
// many hours more. Capping the wait at EmailRetryCap retries at least
// hourly once the server is back; EmailMaxAttempts at that cap keeps an
// email queued through an outage of about four days before River
// discards it.
const (
	EmailMaxAttempts = 100
	EmailRetryCap    = time.Hour
)

// SendEmailWorker renders and sends emails. Failures are retried (see
// NextRetry): nothing is lost while SMTP is down or not configured; and an
// email is sent at most once per job (see Work).
type SendEmailWorker struct {
	river.WorkerDefaults[SendEmailArgs]
	Sender   *mail.Sender // nil when no SMTP server is configured
	Renderer *mail.Renderer
	// Store records the emails sent (table email_deliveries).
	Store *store.Store
	// RetryCap bounds the wait between two attempts (EmailRetryCap when 0;
	// tests shorten it).
	RetryCap time.Duration
}

// NextRetry waits attempt⁴ seconds, at most RetryCap, less up to 10 % so
// that emails that failed together do not all retry at the same instant.
func (w *SendEmailWorker) NextRetry(job *river.Job[SendEmailArgs]) time.Time {
	return time.Now().Add(emailBackoff(job.Attempt, w.RetryCap, rand.Float64()))
}

// emailBackoff is the wait after the attempt-th failure; jitter in [0, 1)
// takes that fraction of 10 % off.
func emailBackoff(attempt int, limit time.Duration, jitter float64) time.Duration {
	if limit <= 0 {
		limit = EmailRetryCap
	}
	d := limit
	if attempt < 200 { // beyond, attempt⁴ seconds overflows; the cap applies anyway
		if p := time.Duration(math.Pow(float64(max(attempt, 1)), 4)) * time.Second; p < limit {
			d = p
		}
	}
	return d - time.Duration(float64(d)*0.1*jitter)
}

// errNoSMTP keeps emails queued until an SMTP server is configured.
var errNoSMTP = errors.New("no SMTP server configured (PASSERELLE_SMTP_URL): the email stays queued")

// Work renders the email in the recipient's language and sends it, once.
//
// The send happens inside a transaction that first inserts the job's row
// in email_deliveries and commits right after the SMTP server accepted
// the message; a failed send rolls the row back and River retries. A run
// that finds the row committed does not send again: the job ran before,
// sent, and died before River recorded its completion. A run that finds
// the row being inserted by another run of the same job (River rescued a
// job it thought stuck) waits for that run's outcome. The one window
// left is between the server's acceptance and the commit: if the process
// dies or the database fails there, the email is sent again on retry. No
// protocol closes it (the SMTP server and PostgreSQL cannot commit
// together), so the Message-ID derives from the job: a retry is the same
// message, which mail systems recognise and readers' clients thread.
func (w *SendEmailWorker) Work(ctx context.Context, job *river.Job[SendEmailArgs]) error {
	if w.Sender == nil {
		return errNoSMTP
	}
	a := job.Args
	var (
		subject, text, html string
		err                 error
		headers             map[string]string
	)
	if u := a.Unsubscribe; u != nil {
		subject, text, html, err = w.Renderer.RenderNotification(mail.Kind(a.Template), a.Lang, wholeNumbers(a.Data),
			mail.Unsubscribe{Link: u.Link, Category: u.Category})
		// RFC 8058: mail providers show an unsubscribe button that POSTs
		// "List-Unsubscribe=One-Click" to the link, without the user
		// having to open the message or sign in.
		headers = map[string]string{"List-Unsubscribe": "<" + u.Link + ">", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
	} else {
		subject, text, html, err = w.Renderer.Render(mail.Kind(a.Template), a.Lang, wholeNumbers(a.Data))
	}
	if err != nil {
		return river.JobCancel(fmt.Errorf("render %s: %w", a.Template, err)) // a template bug will not fix itself
	}
	msg := mail.Message{
		To: a.To, ToName: a.Name, Subject: subject, Text: text, HTML: html, Headers: headers,
		MessageID: fmt.Sprintf("<job-%d@passerelle>", job.ID),
	}
	return w.Store.WithTx(ctx, func(tx *store.Tx) error {
		first, err := tx.ClaimEmailDelivery(ctx, job.ID, time.Now())
		if err != nil || !first {
			return err // !first: sent by an earlier run of this job
		}
		return w.Sender.Send(ctx, msg)
	})
}

// EnqueueEmail queues an email in tx: it is sent only if tx commits.
func (r *Runner) EnqueueEmail(ctx context.Context, tx *store.Tx, e core.Email) error {
	args := SendEmailArgs{To: e.To, Name: e.Name, Template: e.Kind, Lang: string(e.Lang), Data: e.Data}
	if e.Unsubscribe != nil {
		args.Unsubscribe = &UnsubscribeArgs{Link: e.Unsubscribe.Link, Category: e.Unsubscribe.Category}
	}
	_, err := r.client.InsertTx(ctx, tx.Raw(), args, nil)
	if err != nil {
		return fmt.Errorf("jobs: enqueue email: %w", err)
	}
	return nil
}

var _ core.Mailer = (*Runner)(nil)

// wholeNumbers turns the float64 that JSON gives back for every number into
// int where the value is whole, as the templates compare them with ints.
func wholeNumbers(data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		if f, ok := v.(float64); ok && f == float64(int(f)) {
			v = int(f)
		}
		out[k] = v
	}
	return out
}
