package mail_test

import (
	"testing"

	"passerelle/internal/mail/mailtest"
)

// TestMain stops the shared Mailpit when the tests are done.
func TestMain(m *testing.M) { mailtest.Main(m) }
