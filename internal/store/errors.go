package store

import (
	"context"
	"errors"
	"fmt"
	"io"
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
			return domain.Msg{
				EN: "%s already exists", FR: "%s existe déjà", DE: "%s existiert bereits", NL: "%s bestaat al",
			}.Wrap(domain.ErrConflict, constraintSubject(pgErr.ConstraintName))
		case "23503": // foreign_key_violation
			if strings.HasPrefix(pgErr.Message, "update or delete on table") {
				return stillReferenced(pgErr.ConstraintName)
			}
			return domain.Msg{
				EN: "a referenced record does not exist (%s)", FR: "un élément auquel il est fait référence n'existe pas (%s)",
				DE: "ein Eintrag, auf den verwiesen wird, existiert nicht (%s)", NL: "een item waarnaar wordt verwezen bestaat niet (%s)",
			}.Wrap(domain.ErrConflict, pgErr.ConstraintName)
		case "23514", "23502", "22P02", "22001": // check, not null, invalid text, too long
			ve := &domain.ValidationError{}
			field := pgErr.ColumnName
			if field == "" {
				field = pgErr.ConstraintName
			}
			// PostgreSQL explains in English only: say so in the other languages.
			ve.AddLocalized(field, "invalid", domain.Msg{
				EN: "%s", FR: "valeur refusée par la base de données : %s",
				DE: "von der Datenbank abgelehnter Wert: %s", NL: "waarde geweigerd door de database: %s",
			}.With(pgErr.Message))
			return ve
		case "57P01", "57P02", "57P03", "53300": // shutdown, crash, cannot connect now, too many connections
			return fmt.Errorf("%w: database: %s", domain.ErrUnavailable, pgErr.Message)
		}
		if strings.HasPrefix(pgErr.Code, "08") { // connection exception
			return fmt.Errorf("%w: database: %s", domain.ErrUnavailable, pgErr.Message)
		}
		return fmt.Errorf("database: %w", err)
	}
	var netErr net.Error
	// A connection the server closed mid-query ends in EOF, not a net.Error.
	if errors.As(err, &netErr) || pgconn.SafeToRetry(err) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: database: %w", domain.ErrUnavailable, err)
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) {
		return fmt.Errorf("%w: database: %w", domain.ErrUnavailable, err)
	}
	return err
}

// unavailable maps the errors of a lost or refused connection to
// domain.ErrUnavailable, wherever they come from (BEGIN, COMMIT, a job
// inserted in the transaction), and returns every other error unchanged:
// a transaction's callback returns domain errors of its own.
func unavailable(err error) error {
	if err == nil || errors.Is(err, domain.ErrUnavailable) {
		return err
	}
	if mapped := mapError(err); errors.Is(mapped, domain.ErrUnavailable) {
		return mapped
	}
	return err
}

// constraintSubject names, in every language, what a unique constraint
// keeps from existing twice; an unknown constraint is named as it is.
func constraintSubject(name string) domain.Msg {
	switch name {
	case "users_email_key":
		return domain.Msg{EN: "an account with this email", FR: "un compte avec cette adresse e-mail",
			DE: "ein Konto mit dieser E-Mail-Adresse", NL: "een account met dit e-mailadres"}
	case "invitations_pending_key":
		return domain.Msg{EN: "a pending invitation for this email", FR: "une invitation en attente pour cette adresse e-mail",
			DE: "eine offene Einladung für diese E-Mail-Adresse", NL: "een openstaande uitnodiging voor dit e-mailadres"}
	case "organisation_identifiers_kind_value_key":
		return domain.Msg{EN: "an organisation with this legal identifier", FR: "une organisation avec cet identifiant légal",
			DE: "eine Organisation mit dieser amtlichen Kennung", NL: "een organisatie met dit wettelijke identificatienummer"}
	case "sse_statuses_organisation_type_key":
		return domain.Msg{EN: "a status of this type for this organisation", FR: "un statut de ce type pour cette organisation",
			DE: "ein Status dieser Art für diese Organisation", NL: "een status van dit soort voor deze organisatie"}
	case "search_rebuilds_one_active":
		return domain.Msg{EN: "a search index rebuild in progress", FR: "une reconstruction de l'index de recherche en cours",
			DE: "ein laufender Neuaufbau des Suchindex", NL: "een lopende herbouw van de zoekindex"}
	case "", "memberships_pkey":
		return domain.Msg{EN: "this record", FR: "cet élément", DE: "dieser Eintrag", NL: "dit item"}
	}
	return domain.Msg{EN: name}
}

// stillReferenced explains, in every language, why a row cannot be deleted.
func stillReferenced(constraint string) error {
	switch constraint {
	case "sse_status_evidence_document_fkey":
		return domain.Msg{
			EN: "this document is evidence of an SSE status: detach it from the status first",
			FR: "ce document est le justificatif d'un statut : détachez-le d'abord de ce statut",
			DE: "dieses Dokument ist der Nachweis eines Status: Lösen Sie es zuerst von diesem Status",
			NL: "dit document is het bewijsstuk van een status: maak het eerst los van die status",
		}.Wrap(domain.ErrConflict)
	case "offer_documents_document_fkey":
		return domain.Msg{
			EN: "this document is shown with an offer: detach it from the offer first",
			FR: "ce document est présenté avec une offre : détachez-le d'abord de cette offre",
			DE: "dieses Dokument wird mit einem Angebot gezeigt: Lösen Sie es zuerst von diesem Angebot",
			NL: "dit document wordt bij een aanbod getoond: maak het eerst los van dat aanbod",
		}.Wrap(domain.ErrConflict)
	case "tender_documents_document_fkey":
		return domain.Msg{
			EN: "this document is attached to a tender: detach it from the tender first",
			FR: "ce document est joint à un appel d'offres : détachez-le d'abord de cet appel d'offres",
			DE: "dieses Dokument ist einer Ausschreibung beigefügt: Lösen Sie es zuerst von dieser Ausschreibung",
			NL: "dit document is bij een aanbesteding gevoegd: maak het eerst los van die aanbesteding",
		}.Wrap(domain.ErrConflict)
	case "response_documents_document_fkey":
		return domain.Msg{
			EN: "this document is attached to a response: detach it from the response first",
			FR: "ce document est joint à une réponse : détachez-le d'abord de cette réponse",
			DE: "dieses Dokument ist einem Angebot beigefügt: Lösen Sie es zuerst von diesem Angebot",
			NL: "dit document is bij een antwoord gevoegd: maak het eerst los van dat antwoord",
		}.Wrap(domain.ErrConflict)
	}
	return domain.Msg{
		EN: "this record is still in use (%s)", FR: "cet élément est encore utilisé (%s)",
		DE: "dieser Eintrag wird noch verwendet (%s)", NL: "dit item is nog in gebruik (%s)",
	}.Wrap(domain.ErrConflict, constraint)
}
