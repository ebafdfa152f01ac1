package domain

import (
	"strings"
	"time"
)

// TenderQuestion is a supplier's question about a tender and the buyer's
// answer. The asking organisation is known to the buyer only: other
// suppliers and the public read the question and its answer without it.
type TenderQuestion struct {
	ID             string
	TenderID       string
	OrganisationID string // empty once the organisation is deleted
	Question       string
	Answer         string
	AnsweredAt     *time.Time
	CreatedAt      time.Time
}

// Limits of questions and answers, in characters.
const (
	MaxQuestionLength = 4000
	MaxAnswerLength   = 8000
)

// ValidateQuestion checks a question on field body.question.
func ValidateQuestion(q string) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, "body.question", strings.TrimSpace(q), MaxQuestionLength)
	return ve
}

// ValidateAnswer checks an answer on field body.answer.
func ValidateAnswer(a string) *ValidationError {
	ve := &ValidationError{}
	requiredText(ve, "body.answer", strings.TrimSpace(a), MaxAnswerLength)
	return ve
}

// QuestionsOpen reports whether suppliers may still ask about t at now.
func (t Tender) QuestionsOpen(now time.Time) bool {
	return t.State == TenderPublished && now.Before(t.QuestionsDeadline) && !t.DeadlinePassed(now)
}
