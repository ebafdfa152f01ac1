// Package mail sends Passerelle's email over SMTP and renders its localized
// templates.
//
// A Sender delivers one Message per SMTP session (dial, EHLO, optional
// STARTTLS and AUTH, MAIL, RCPT, DATA, QUIT) through wneessen/go-mail.
// Failures worth retrying later (connection refused or reset, timeouts, 4xx
// replies) satisfy errors.Is(err, ErrTemporary); everything else is
// permanent. A Renderer turns a Kind, a language and the kind's data into a
// subject, a plain-text body and an HTML body.
package mail
