package mailtest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"time"

	"passerelle/internal/testshared"
)

// process is a Mailpit child process and the TLS relays in front of it.
type process struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd.Wait returns
	output *testshared.ProcessLog
	relays []*tlsRelay
}

// startProcess runs Mailpit on two free loopback ports and waits until both
// its SMTP and HTTP sides answer.
func startProcess(bin string, timeout time.Duration) (*process, *Server, error) {
	smtpPort, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	httpPort, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	cert, err := newCertificate()
	if err != nil {
		return nil, nil, err
	}
	smtpAddr := net.JoinHostPort("127.0.0.1", strconv.Itoa(smtpPort))
	httpAddr := net.JoinHostPort("127.0.0.1", strconv.Itoa(httpPort))
	srv := &Server{
		SMTPURL: "smtp://" + smtpAddr,
		APIURL:  "http://" + httpAddr,
		RootCAs: cert.pool,
		http:    &http.Client{Timeout: 10 * time.Second},
	}
	// No --database: Mailpit then keeps a temporary one that it deletes
	// on SIGTERM.
	p, err := runMailpit(bin, srv, smtpAddr, httpAddr, "", timeout)
	if err != nil {
		return nil, nil, err
	}
	for _, starttls := range []bool{false, true} {
		relay, err := startTLSRelay(cert.tls, smtpAddr, starttls)
		if err != nil {
			p.stop()
			return nil, nil, err
		}
		p.relays = append(p.relays, relay)
	}
	srv.SMTPSURL = "smtps://" + p.relays[0].addr()
	srv.STARTTLSURL = "smtp+starttls://" + p.relays[1].addr()
	return p, srv, nil
}

// runMailpit starts Mailpit on the given addresses, keeping its messages in
// database ("" for a temporary one), and waits until srv answers.
func runMailpit(bin string, srv *Server, smtpAddr, httpAddr, database string, timeout time.Duration) (*process, error) {
	args := []string{
		"--smtp", smtpAddr,
		"--listen", httpAddr,
		"--quiet",
		"--disable-version-check", // it would call GitHub at every start
		"--smtp-disable-rdns",     // a reverse DNS lookup per connection
		"--max", "0",              // never prune: parallel tests may send many
		"--smtp-auth-accept-any",     // so a Sender with credentials works
		"--smtp-auth-allow-insecure", // … over plain SMTP on loopback
		"--enable-chaos",             // lets SetChaos provoke 4xx replies
	}
	if database != "" {
		args = append(args, "--database", database)
	}
	cmd := exec.Command(bin, args...)
	// Its log's end explains a failed start.
	out, err := testshared.NewProcessLog("mailtest-log-")
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = out.File(), out.File()
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		out.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	p := &process{cmd: cmd, exited: make(chan struct{}), output: out}
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	if err := p.waitReady(srv, smtpAddr, timeout); err != nil {
		p.stop()
		return nil, err
	}
	return p, nil
}

func (p *process) waitReady(srv *Server, smtpAddr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("mailpit exited: %s", p.output)
		default:
		}
		if srv.ready(smtpAddr) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("mailpit not ready after %s: %s", timeout, p.output)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ready reports whether the API answers and the SMTP port accepts.
func (s *Server) ready(smtpAddr string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.APIURL+"/readyz", nil)
	if err != nil {
		return false
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false
	}
	conn, err := net.DialTimeout("tcp", smtpAddr, time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// stop asks Mailpit to exit (SIGTERM, so that it deletes its temporary
// database) and kills it if it has not within five seconds.
func (p *process) stop() {
	for _, r := range p.relays {
		r.close()
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
	p.output.Close()
}

// freePort asks the kernel for a free loopback port. Another process may
// take it before Mailpit binds it; launch retries then.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
