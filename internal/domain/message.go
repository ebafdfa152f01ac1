package domain

import (
	"fmt"
	"time"
)

// Msg is a message for people written once per supported language, each a
// fmt format string taking the same arguments in the same order. A
// translation whose word order differs from the English refers to them by
// index ("%[2]s … %[1]q"). Msg exists so that a message built from values
// (a postcode, a country code, a limit) reaches every user in their own
// language: the API's catalogue can only translate fixed texts.
type Msg struct {
	EN, FR, DE, NL string
}

// With returns m in every supported language with args substituted, for
// ValidationError.AddLocalized. An argument that is itself a Msg is
// replaced by its text in the same language, so that a noun ("the town",
// "la ville") can be slotted into a shared sentence. A translation left
// empty falls back to the English one rather than to an empty message.
func (m Msg) With(args ...any) map[Language]string {
	out := make(map[Language]string, len(Languages))
	for _, l := range Languages {
		format := m.in(l)
		if len(args) == 0 {
			out[l] = format // no arguments: a literal "%" needs no doubling
			continue
		}
		localArgs := make([]any, len(args))
		for i, a := range args {
			if nested, ok := a.(Msg); ok {
				a = nested.in(l)
			}
			localArgs[i] = a
		}
		out[l] = fmt.Sprintf(format, localArgs...)
	}
	return out
}

// Fill returns m with args substituted (see With) as a Msg, to be slotted
// into another message as an argument: its texts are finished sentences,
// no longer formats, and must not be given arguments again.
func (m Msg) Fill(args ...any) Msg {
	w := m.With(args...)
	return Msg{EN: w[LangEN], FR: w[LangFR], DE: w[LangDE], NL: w[LangNL]}
}

// in returns m's format in l, English when l has none.
func (m Msg) in(l Language) string {
	var s string
	switch l {
	case LangFR:
		s = m.FR
	case LangDE:
		s = m.DE
	case LangNL:
		s = m.NL
	}
	if s == "" {
		return m.EN
	}
	return s
}

// LocalizedError is a sentinel error (ErrConflict, ErrNotFound, …) with a
// message in every supported language: the API answers with the status of
// Sentinel and the message in the caller's language. It is for messages
// built from values, which the API's catalogue of fixed texts cannot
// translate; build one with Msg.Wrap.
type LocalizedError struct {
	// Sentinel is the domain error that decides the HTTP status.
	Sentinel error
	// Messages is the explanation in each language, lower case and without
	// a final period, as after "%w: " in fmt.Errorf.
	Messages map[Language]string
}

// Error reads as fmt.Errorf("%w: message", Sentinel) would, in English.
func (e *LocalizedError) Error() string { return e.Sentinel.Error() + ": " + e.Messages[LangEN] }

// Unwrap makes errors.Is(err, Sentinel) hold.
func (e *LocalizedError) Unwrap() error { return e.Sentinel }

// Wrap returns m formatted with args (see With) as a *LocalizedError of
// sentinel: the localized form of fmt.Errorf("%w: "+m.EN, sentinel, args...).
func (m Msg) Wrap(sentinel error, args ...any) error {
	return &LocalizedError{Sentinel: sentinel, Messages: m.With(args...)}
}

// DateMsg writes a day as each language writes dates: 2026-01-31 in
// English (as the API sends dates), 31/01/2026, 31.01.2026, 31-01-2026.
func DateMsg(t time.Time) Msg {
	return Msg{EN: t.Format(time.DateOnly), FR: t.Format("02/01/2006"), DE: t.Format("02.01.2006"), NL: t.Format("02-01-2006")}
}
