// Package domain holds Passerelle's types, enums, sentinel errors and pure
// rules. It imports nothing but the standard library, so every layer may use it.
package domain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Sentinel errors returned by lower layers; api/errors.go maps them to HTTP.
var (
	// ErrNotFound means the thing asked for does not exist (or is not visible to the caller).
	ErrNotFound = errors.New("not found")
	// ErrConflict means the change clashes with existing state (duplicate, stale version).
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the caller is known but may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthenticated means the caller must sign in first.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrGone means the thing existed but can no longer be used (a used or expired link).
	ErrGone = errors.New("gone")
	// ErrUnavailable means a service the operation needs is down; retrying later may work.
	ErrUnavailable = errors.New("service unavailable")
)

// RateLimitedError means the caller must wait before trying again.
type RateLimitedError struct {
	RetryAfter time.Duration
}

func (e *RateLimitedError) Error() string {
	return fmt.Sprintf("too many attempts: try again in %s", e.RetryAfter.Round(time.Second))
}

// FieldError is one invalid input field.
type FieldError struct {
	// Field is the JSON path of the field, e.g. "body.email".
	Field string
	// Code is a stable machine-readable reason, e.g. "required", "too_long".
	Code string
	// Message is a human-readable English explanation; the API localizes by Code.
	Message string
	// Messages, when set, are the explanation in each supported language
	// (e.g. from legalid.Error.Localized); the API picks the caller's.
	Messages map[Language]string
}

// ValidationError lists every invalid field of an input.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Message)
	}
	sort.Strings(parts)
	return "invalid input: " + strings.Join(parts, "; ")
}

// Add records one invalid field.
func (e *ValidationError) Add(field, code, message string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Message: message})
}

// AddLocalized records one invalid field with its explanation in every
// supported language; messages[LangEN] is also the default Message.
func (e *ValidationError) AddLocalized(field, code string, messages map[Language]string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Message: messages[LangEN], Messages: messages})
}

// Err returns e as an error when it holds at least one field, else nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}
