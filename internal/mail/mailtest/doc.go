// Package mailtest runs a real Mailpit (an SMTP sink with an HTTP API) for
// tests and reads back what was sent to it.
//
// # One server per test process
//
// Start launches Mailpit the first time any test of the process asks for it
// and hands every later caller the same server, so a package's tests pay
// the start-up once. The server is stopped when the process ends:
//
//   - call Stop from TestMain, or use Main, which runs the tests and stops
//     the server (Mailpit then also deletes its temporary database);
//   - as a safety net on Linux, Mailpit gets SIGTERM from the kernel if the
//     test binary dies first, even without TestMain (crash, timeout panic).
//
// t.Cleanup cannot do this: it runs when the test that started the server
// ends, while other tests still need it.
//
//	func TestMain(m *testing.M) { mailtest.Main(m) }
//
// # Unique recipients
//
// Tests that run in parallel share the mailbox. Each test must therefore
// send to addresses no other test uses (UniqueAddress makes one) and query
// by recipient with Messages or WaitFor. DeleteAll and SetChaos act on the
// whole server: call them only from tests that do not call t.Parallel.
//
// # Finding Mailpit
//
// The binary is <module root>/bin/mailpit, or the path in PASSERELLE_MAILPIT.
// When it is missing, tests are skipped, unless PASSERELLE_TEST_REQUIRE_TOOLS=1
// (as in CI), which turns the skip into a failure.
package mailtest
