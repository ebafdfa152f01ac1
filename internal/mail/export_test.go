package mail

import "crypto/x509"

// SetRootCAs makes s trust the certificates that pool holds, as the system
// trusts public ones: tests use it for mailtest's self-signed certificate.
func SetRootCAs(s *Sender, pool *x509.CertPool) {
	s.rootCAs = pool
}
