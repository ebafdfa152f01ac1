package mailtest_test

import (
	"net/smtp"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"passerelle/internal/mail/mailtest"
)

func TestMain(m *testing.M) { mailtest.Main(m) }

// send uses the standard library's client, so that the harness is tested
// independently of package mail.
func send(t *testing.T, srv *mailtest.Server, to, subject string) {
	t.Helper()
	addr := strings.TrimPrefix(srv.SMTPURL, "smtp://")
	msg := "From: t@passerelle.test\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nX-Test: yes\r\n\r\nbody\r\n"
	if err := smtp.SendMail(addr, nil, "t@passerelle.test", []string{to}, []byte(msg)); err != nil {
		t.Fatalf("SendMail: %v", err)
	}
}

func TestMessagesMatchesTheExactAddress(t *testing.T) {
	t.Parallel()
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	send(t, srv, "x"+to, "longer address") // Mailpit's to: search would match it too
	send(t, srv, to, "first")
	time.Sleep(10 * time.Millisecond) // distinct receive times, for the order
	send(t, srv, to, "second")
	got := srv.WaitFor(t, to, 2, 10*time.Second)
	if len(got) != 2 || got[0].Subject != "second" || got[1].Subject != "first" {
		t.Fatalf("got %d messages %+v, want second then first", len(got), got)
	}
	if got[0].Header("x-test") != "yes" || got[0].To[0].Address != to || !strings.Contains(got[0].Text, "body") {
		t.Errorf("message not read back whole: %+v", got[0])
	}
	if n := len(srv.Messages(t, mailtest.UniqueAddress(t))); n != 0 {
		t.Errorf("%d messages for an unused address", n)
	}
}

// Not parallel: DeleteAll empties the mailbox of every test.
func TestDeleteAll(t *testing.T) {
	srv := mailtest.Start(t)
	to := mailtest.UniqueAddress(t)
	send(t, srv, to, "doomed")
	srv.WaitFor(t, to, 1, 10*time.Second)
	srv.DeleteAll(t)
	if n := len(srv.Messages(t, to)); n != 0 {
		t.Errorf("%d messages after DeleteAll", n)
	}
}

func TestUniqueAddress(t *testing.T) {
	t.Parallel()
	a, b := mailtest.UniqueAddress(t), mailtest.UniqueAddress(t)
	if a == b || !strings.HasPrefix(a, "testuniqueaddress-") || !strings.HasSuffix(a, "@mailtest.passerelle.test") {
		t.Errorf("UniqueAddress = %q, %q", a, b)
	}
}

// TestMissingBinary runs this test binary again with Mailpit pointing
// nowhere: Start must skip, or fail when tools are required.
func TestMissingBinary(t *testing.T) {
	if os.Getenv("MAILTEST_CHILD") == "1" {
		mailtest.Start(t)
		t.Log("started")
		return
	}
	t.Parallel()
	for require, want := range map[string]string{"": "--- SKIP", "1": "--- FAIL"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingBinary$", "-test.v")
		cmd.Env = append(os.Environ(), "MAILTEST_CHILD=1",
			"PASSERELLE_MAILPIT=/nonexistent/mailpit", "PASSERELLE_TEST_REQUIRE_TOOLS="+require)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), want) || !strings.Contains(string(out), "/nonexistent/mailpit") {
			t.Errorf("PASSERELLE_TEST_REQUIRE_TOOLS=%q: want %q and the path in:\n%s", require, want, out)
		}
	}
}

// TestOwnStopAndRestart: a test's own server refuses connections while
// stopped and comes back on the same SMTP address with the messages it
// held.
func TestOwnStopAndRestart(t *testing.T) {
	t.Parallel()
	own := mailtest.StartOwn(t)
	to := mailtest.UniqueAddress(t)
	send(t, own.Server, to, "before")
	own.Stop(t)
	addr := strings.TrimPrefix(own.SMTPURL, "smtp://")
	if err := smtp.SendMail(addr, nil, "t@passerelle.test", []string{to}, []byte("Subject: lost\r\n\r\nx\r\n")); err == nil {
		t.Fatal("a stopped server accepted a message")
	}
	own.Restart(t)
	send(t, own.Server, to, "after")
	got := own.WaitFor(t, to, 2, 10*time.Second)
	if len(got) != 2 || own.Count(t) != 2 || len(own.All(t)) != 2 {
		t.Fatalf("after restart: %d messages to %s, %d in all", len(got), to, own.Count(t))
	}
	if shared := mailtest.Start(t); len(shared.Messages(t, to)) != 0 {
		t.Error("the own server's messages reached the shared one")
	}
}
