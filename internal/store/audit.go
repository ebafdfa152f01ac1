package store

import (
	"context"
	"encoding/json"
	"fmt"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// Audit appends e to the audit log inside the transaction of the change it records.
func (t *Tx) Audit(ctx context.Context, e domain.AuditEntry) error {
	actor, err := optionalID("actor_user_id", e.ActorUserID)
	if err != nil {
		return err
	}
	org, err := optionalID("organisation_id", e.OrganisationID)
	if err != nil {
		return err
	}
	kind := "user"
	if actor == nil {
		kind = "system"
	}
	before, err := marshalState(e.Before)
	if err != nil {
		return err
	}
	after, err := marshalState(e.After)
	if err != nil {
		return err
	}
	_, err = t.q.InsertAudit(ctx, sqlc.InsertAuditParams{
		ActorUserID: actor, ActorKind: kind, Action: e.Action, SubjectType: e.SubjectType, SubjectID: e.SubjectID,
		OrganisationID: org, Before: before, After: after, RequestID: e.RequestID,
	})
	return mapError(err)
}

// ListAudit returns the latest entries about one subject, newest first.
func (s *Store) ListAudit(ctx context.Context, subjectType, subjectID string, limit int32) ([]sqlc.AuditLog, error) {
	rows, err := s.q.ListAuditBySubject(ctx, sqlc.ListAuditBySubjectParams{SubjectType: subjectType, SubjectID: subjectID, Limit: limit})
	return rows, mapError(err)
}

func marshalState(v any) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("store: audit state: %w", err)
	}
	return b, nil
}
