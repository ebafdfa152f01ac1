package jobs_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/jobs"
	"passerelle/internal/mail"
	"passerelle/internal/mail/mailtest"
	"passerelle/internal/store"
	"passerelle/internal/store/storetest"
)

const testSecretKey = "jobs-test-secret-key-of-32-bytes!"

func newSender(t *testing.T, smtpURL string) *mail.Sender {
	t.Helper()
	sender, err := mail.NewSender(mail.Config{URL: smtpURL, From: "Passerelle <no-reply@passerelle.test>"})
	if err != nil {
		t.Fatal(err)
	}
	return sender
}

func startRunner(t *testing.T, runner *jobs.Runner) {
	t.Helper()
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = runner.Stop(ctx)
	})
}

// poll runs check until it returns true, failing the test after within.
func poll(t *testing.T, within time.Duration, what string, check func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ok, state := check()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after %s (%s)", what, within, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSMTPOutageDeliversEveryEmailOnce is issue 6's must-show 2: with
// Mailpit stopped, 100 users are notified (immediate delivery, four
// languages); every email job fails at least once; Mailpit comes back on
// the same address; then Mailpit holds exactly 100 messages, one per
// recipient, in the recipient's language, with 100 distinct Message-IDs,
// and River shows the 100 jobs completed.
func TestSMTPOutageDeliversEveryEmailOnce(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	own := mailtest.StartOwn(t)
	runner := newRunner(t, db, jobs.Options{Sender: newSender(t, own.SMTPURL), EmailRetryCap: 300 * time.Millisecond,
		Notifications: core.NotificationsConfig{PublicURL: "http://localhost:8080", SecretKey: []byte(testSecretKey)}})
	startRunner(t, runner)
	own.Stop(t)

	const n = 100
	langs := []domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL}
	subjects := map[domain.Language]string{domain.LangFR: "Votre statut « ESAT » expire le", domain.LangDE: "Ihr Status „ESAT“ läuft am",
		domain.LangEN: "Your status “ESAT” expires on", domain.LangNL: "Uw status „ESAT” verloopt op"}
	langOf := map[string]domain.Language{}
	notes := runner.Notifications()
	for i := range n {
		lang := langs[i%len(langs)]
		u := db.User(t, storetest.UserOptions{Email: fmt.Sprintf("outage-%03d@passerelle.test", i), Language: lang, EmailVerified: true})
		langOf[u.Email] = lang
		err := db.Store.WithTx(ctx, func(tx *store.Tx) error {
			return notes.Notify(ctx, tx, core.Notice{Category: domain.NotifyStatusExpiring, Kind: "status_expiring", Title: "ESAT",
				Link: notes.Link("/organisations/x"), Data: map[string]any{"OrganisationName": "Les Ateliers", "StatusName": "ESAT",
					"ValidUntil": "31/12/2026", "Link": notes.Link("/organisations/x")}}, u.ID)
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	count := func(where string) int {
		var c int
		if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind = 'send_email' AND "+where).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	poll(t, 30*time.Second, "every email failed once while SMTP is down", func() (bool, string) {
		failed := count("coalesce(array_length(errors, 1), 0) >= 1")
		return failed == n, fmt.Sprintf("%d of %d failed", failed, n)
	})
	if c := count("state IN ('completed', 'discarded', 'cancelled')"); c != 0 {
		t.Fatalf("%d email jobs finished while SMTP was down", c)
	}

	own.Restart(t)
	poll(t, 40*time.Second, "every email job completed after the restart", func() (bool, string) {
		done := count("state = 'completed'")
		return done == n, fmt.Sprintf("%d of %d completed, %d discarded", done, n, count("state = 'discarded'"))
	})
	// Completed jobs never run again: what Mailpit holds now is final.
	if c := own.Count(t); c != n {
		t.Fatalf("Mailpit holds %d messages, want %d", c, n)
	}
	perRecipient, ids := map[string]int{}, map[string]bool{}
	for _, m := range own.All(t) {
		to := m.To[0].Address
		perRecipient[to]++
		ids[m.MessageID] = true
		if lang, ok := langOf[to]; !ok || len(m.Subject) < len(subjects[lang]) || m.Subject[:len(subjects[lang])] != subjects[lang] {
			t.Errorf("%s got %q, want it in %s", to, m.Subject, langOf[to])
		}
	}
	if len(perRecipient) != n || len(ids) != n {
		t.Fatalf("%d recipients and %d Message-IDs, want %d of each", len(perRecipient), len(ids), n)
	}
	for to, c := range perRecipient {
		if c != 1 {
			t.Errorf("%s received %d messages", to, c)
		}
	}
	var deliveries int
	if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM email_deliveries").Scan(&deliveries); err != nil || deliveries != n {
		t.Errorf("%d email deliveries recorded (%v), want %d", deliveries, err, n)
	}
}

// TestSendEmailOncePerJob: a job worked again after its email went out
// (River did not record the completion), or by two runs at once, sends
// nothing more.
func TestSendEmailOncePerJob(t *testing.T) {
	db := storetest.New(t)
	ctx := t.Context()
	own := mailtest.StartOwn(t)
	renderer, err := mail.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	w := &jobs.SendEmailWorker{Sender: newSender(t, own.SMTPURL), Renderer: renderer, Store: db.Store}
	job := func(id int64, to string) *river.Job[jobs.SendEmailArgs] {
		return &river.Job[jobs.SendEmailArgs]{JobRow: &rivertype.JobRow{ID: id, Attempt: 1}, Args: jobs.SendEmailArgs{To: to, Name: "Zoé",
			Template: "verify_email", Lang: "fr", Data: map[string]any{"Name": "Zoé", "Link": "https://passerelle.example/v/1"}}}
	}
	again := mailtest.UniqueAddress(t)
	for range 3 {
		if err := w.Work(ctx, job(41, again)); err != nil {
			t.Fatal(err)
		}
	}
	together := mailtest.UniqueAddress(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { errs[i] = w.Work(ctx, job(42, together)) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	own.WaitFor(t, together, 1, 10*time.Second)
	if c := own.Count(t); c != 2 {
		t.Fatalf("Mailpit holds %d messages, want one per job", c)
	}
	if got := own.Messages(t, again); len(got) != 1 || got[0].MessageID != "job-41@passerelle" {
		t.Fatalf("job 41: %+v", got)
	}

	// A failed send leaves no record: the retry sends.
	own.Stop(t)
	late := mailtest.UniqueAddress(t)
	if err := w.Work(ctx, job(43, late)); err == nil {
		t.Fatal("a send to a stopped server succeeded")
	}
	own.Restart(t)
	if err := w.Work(ctx, job(43, late)); err != nil {
		t.Fatal(err)
	}
	if got := own.WaitFor(t, late, 1, 10*time.Second); len(got) != 1 {
		t.Fatalf("job 43 after the outage: %d messages", len(got))
	}
}
