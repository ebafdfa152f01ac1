package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// CreateTenderQuestion records a question (its ID is set when empty).
func (t *Tx) CreateTenderQuestion(ctx context.Context, q domain.TenderQuestion, askedBy string, now time.Time) (domain.TenderQuestion, error) {
	if q.ID == "" {
		q.ID = NewID()
	}
	id, err := parseID("id", q.ID)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	tid, err := parseID("tender_id", q.TenderID)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	org, err := parseID("organisation_id", q.OrganisationID)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	by, err := optionalID("asked_by", askedBy)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	row, err := t.q.CreateTenderQuestion(ctx, sqlc.CreateTenderQuestionParams{ID: id, TenderID: tid, OrganisationID: &org,
		AskedBy: by, Question: q.Question, Now: now})
	if err != nil {
		return domain.TenderQuestion{}, mapError(err)
	}
	return questionFromRow(row), nil
}

// LockTenderQuestion reads and locks a question, or returns domain.ErrNotFound.
func (t *Tx) LockTenderQuestion(ctx context.Context, id string) (domain.TenderQuestion, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return domain.TenderQuestion{}, domain.ErrNotFound
	}
	row, err := t.q.LockTenderQuestion(ctx, uid)
	if err != nil {
		return domain.TenderQuestion{}, mapError(err)
	}
	return questionFromRow(row), nil
}

// AnswerTenderQuestion records (or replaces) the answer to a question.
func (t *Tx) AnswerTenderQuestion(ctx context.Context, id, answer, answeredBy string, now time.Time) (domain.TenderQuestion, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	by, err := optionalID("answered_by", answeredBy)
	if err != nil {
		return domain.TenderQuestion{}, err
	}
	row, err := t.q.AnswerTenderQuestion(ctx, sqlc.AnswerTenderQuestionParams{ID: uid, Answer: &answer, AnsweredBy: by, Now: &now})
	if err != nil {
		return domain.TenderQuestion{}, mapError(err)
	}
	return questionFromRow(row), nil
}

// ListTenderQuestions returns up to limit questions of a tender, oldest
// first, after cursor: the answered ones, every one when all is set, and
// those asked by askerOrgID when set.
func (s *Store) ListTenderQuestions(ctx context.Context, tenderID string, all bool, askerOrgID, cursor string, limit int32) (
	page []domain.TenderQuestion, next string, err error) {
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	tid, err := uuid.Parse(tenderID)
	if err != nil {
		return []domain.TenderQuestion{}, "", nil
	}
	var asker *uuid.UUID
	if a, err := uuid.Parse(askerOrgID); err == nil {
		asker = &a
	}
	rows, err := s.q.ListTenderQuestions(ctx, sqlc.ListTenderQuestionsParams{TenderID: tid, AllQuestions: all, Asker: asker,
		AfterCreatedAt: after.at, AfterID: after.id, RowLimit: limit + 1})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.TenderQuestion) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.TenderQuestion, len(rows))
	for i, r := range rows {
		page[i] = questionFromRow(r)
	}
	return page, next, nil
}

func questionFromRow(r sqlc.TenderQuestion) domain.TenderQuestion {
	q := domain.TenderQuestion{ID: r.ID.String(), TenderID: r.TenderID.String(), Question: r.Question, AnsweredAt: r.AnsweredAt,
		CreatedAt: r.CreatedAt}
	if r.OrganisationID != nil {
		q.OrganisationID = r.OrganisationID.String()
	}
	if r.Answer != nil {
		q.Answer = *r.Answer
	}
	return q
}
