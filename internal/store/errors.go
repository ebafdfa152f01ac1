package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"passerelle/internal/domain"
)

// mapError is the one place where driver errors become domain errors.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.ErrNotFound
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505": // unique_violation
			return fmt.Errorf("%w: %s already exists", domain.ErrConflict, constraintSubject(pgErr.ConstraintName))
		case "23503": // foreign_key_violation
			if strings.HasPrefix(pgErr.Message, "update or delete on table") {
				return fmt.Errorf("%w: %s", domain.ErrConflict, stillReferenced(pgErr.ConstraintName))
			}
			return fmt.Errorf("%w: a referenced record does not exist (%s)", domain.ErrConflict, pgErr.ConstraintName)
		case "23514", "23502", "22P02", "22001": // check, not null, invalid text, too long
			ve := &domain.ValidationError{}
			field := pgErr.ColumnName
			if field == "" {
				field = pgErr.ConstraintName
			}
			ve.Add(field, "invalid", pgErr.Message)
			return ve
		case "57P01", "57P02", "57P03", "53300": // shutdown, crash, cannot connect now, too many connections
			return fmt.Errorf("%w: database: %s", domain.ErrUnavailable, pgErr.Message)
		}
		return fmt.Errorf("database: %w", err)
	}
	var netErr net.Error
	if errors.As(err, &netErr) || pgconn.SafeToRetry(err) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: database: %w", domain.ErrUnavailable, err)
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) {
		return fmt.Errorf("%w: database: %w", domain.ErrUnavailable, err)
	}
	return err
}

func constraintSubject(name string) string {
	switch name {
	case "users_email_key":
		return "an account with this email"
	case "invitations_pending_key":
		return "a pending invitation for this email"
	case "organisation_identifiers_kind_value_key":
		return "an organisation with this legal identifier"
	case "sse_statuses_organisation_type_key":
		return "a status of this type for this organisation"
	case "", "memberships_pkey":
		return "this record"
	}
	return name
}

// stillReferenced explains why a row cannot be deleted.
func stillReferenced(constraint string) string {
	switch constraint {
	case "sse_status_evidence_document_fkey":
		return "this document is evidence of an SSE status: detach it from the status first"
	case "tender_documents_document_fkey":
		return "this document is attached to a tender: detach it from the tender first"
	case "response_documents_document_fkey":
		return "this document is attached to a response: detach it from the response first"
	}
	return "this record is still in use (" + constraint + ")"
}
