package store

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"passerelle/internal/domain"
)

// Conflicts reported by PostgreSQL stay domain.ErrConflict, read in
// English as before, and carry their explanation in every language.
func TestMapErrorConflictsAreLocalized(t *testing.T) {
	for _, c := range []struct {
		pg      pgconn.PgError
		english string
		dutch   string
	}{
		{pgconn.PgError{Code: "23505", ConstraintName: "sse_statuses_organisation_type_key"},
			"conflict: a status of this type for this organisation already exists",
			"een status van dit soort voor deze organisatie bestaat al"},
		{pgconn.PgError{Code: "23505", ConstraintName: "users_email_key"},
			"conflict: an account with this email already exists", "een account met dit e-mailadres bestaat al"},
		{pgconn.PgError{Code: "23505", ConstraintName: "some_new_key"},
			"conflict: some_new_key already exists", "some_new_key bestaat al"},
		{pgconn.PgError{Code: "23503", ConstraintName: "documents_organisation_fkey", Message: "insert or update on table \"documents\""},
			"conflict: a referenced record does not exist (documents_organisation_fkey)",
			"een item waarnaar wordt verwezen bestaat niet (documents_organisation_fkey)"},
		{pgconn.PgError{Code: "23503", ConstraintName: "sse_status_evidence_document_fkey", Message: "update or delete on table \"documents\""},
			"conflict: this document is evidence of an SSE status: detach it from the status first",
			"dit document is het bewijsstuk van een status: maak het eerst los van die status"},
	} {
		err := mapError(&c.pg)
		var le *domain.LocalizedError
		if !errors.Is(err, domain.ErrConflict) || !errors.As(err, &le) {
			t.Errorf("%s: %v is not a localized conflict", c.pg.ConstraintName, err)
			continue
		}
		if err.Error() != c.english || le.Messages[domain.LangNL] != c.dutch {
			t.Errorf("%s: %q / %q", c.pg.ConstraintName, err, le.Messages[domain.LangNL])
		}
		for _, l := range domain.Languages {
			if le.Messages[l] == "" {
				t.Errorf("%s: no message in %s", c.pg.ConstraintName, l)
			}
		}
	}
}

func TestParseIDIsLocalized(t *testing.T) {
	_, err := parseID("path.orgID", "nope")
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 1 {
		t.Fatalf("parseID: %v", err)
	}
	f := ve.Fields[0]
	if f.Field != "path.orgID" || f.Code != "invalid_id" || f.Message != `"nope" is not a valid id` ||
		f.Messages[domain.LangFR] != `"nope" n'est pas un identifiant valide` {
		t.Errorf("parseID: %+v", f)
	}
}

// A connection lost or refused, wherever a transaction meets it (BEGIN, a
// query, a job inserted in it, COMMIT), is domain.ErrUnavailable (503);
// every other error of a transaction is left as it is.
func TestUnavailableMapsLostConnections(t *testing.T) {
	for _, err := range []error{
		&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"},
		fmt.Errorf("jobs: enqueue index: %w", &pgconn.PgError{Code: "57P01"}),
		&pgconn.PgError{Code: "08006", Message: "connection failure"},
		pgconn.ErrConnClosed,
		fmt.Errorf("commit: %w", io.ErrUnexpectedEOF),
	} {
		if got := unavailable(err); !errors.Is(got, domain.ErrUnavailable) {
			t.Errorf("unavailable(%v) = %v, want domain.ErrUnavailable", err, got)
		}
	}
	own := &domain.ValidationError{}
	own.Add("body.title", "required", "required")
	conflict := mapError(&pgconn.PgError{Code: "23505", ConstraintName: "users_email_key"})
	for _, err := range []error{own, conflict, domain.ErrNotFound, errors.New("something else")} {
		if got := unavailable(err); got != err {
			t.Errorf("unavailable(%v) = %v, want it unchanged", err, got)
		}
	}
	if unavailable(nil) != nil {
		t.Error("unavailable(nil) is not nil")
	}
}
