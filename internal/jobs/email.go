package jobs

import (
	"context"
	"errors"
	"fmt"

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
// holds up other work.
func (SendEmailArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: queueEmail} }

const queueEmail = "email"

// SendEmailWorker renders and sends emails. Failures are retried with
// River's backoff: nothing is lost while SMTP is down or not configured.
type SendEmailWorker struct {
	river.WorkerDefaults[SendEmailArgs]
	Sender   *mail.Sender // nil when no SMTP server is configured
	Renderer *mail.Renderer
}

// errNoSMTP keeps emails queued until an SMTP server is configured.
var errNoSMTP = errors.New("no SMTP server configured (PASSERELLE_SMTP_URL): the email stays queued")

// Work renders the email in the recipient's language and sends it. The
// Message-ID derives from the job, so a retry after an unclear failure is
// recognisable as the same message.
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
	return w.Sender.Send(ctx, mail.Message{
		To: a.To, ToName: a.Name, Subject: subject, Text: text, HTML: html, Headers: headers,
		MessageID: fmt.Sprintf("<job-%d@passerelle>", job.ID),
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
