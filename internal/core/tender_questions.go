package core

import (
	"context"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// QuestionView is a question as one caller sees it: the asking
// organisation is shown to the buyer and moderators only; the asker knows
// its own questions (Mine).
type QuestionView struct {
	Question  domain.TenderQuestion
	ShowAsker bool
	Mine      bool
}

// Ask records a question of the supplier p acts for about a published
// tender, until its questions deadline.
func (s *Tenders) Ask(ctx context.Context, actor Actor, p domain.Principal, tenderID, question string) (QuestionView, error) {
	org, err := actingSupplier(ctx, s.st, p)
	if err != nil {
		return QuestionView{}, err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return QuestionView{}, err
	}
	if !tenderVisible(p, t) {
		return QuestionView{}, domain.ErrNotFound
	}
	now := s.now()
	if !t.QuestionsOpen(now) {
		return QuestionView{}, msgQuestionsClosed.Wrap(domain.ErrConflict)
	}
	question = strings.TrimSpace(question)
	if err := domain.ValidateQuestion(question).Err(); err != nil {
		return QuestionView{}, err
	}
	var out domain.TenderQuestion
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if out, err = tx.CreateTenderQuestion(ctx, domain.TenderQuestion{TenderID: t.ID, OrganisationID: org.ID, Question: question}, actor.UserID, now); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "tender.question_asked", SubjectType: "tender_question",
			SubjectID: out.ID, OrganisationID: org.ID, RequestID: actor.RequestID, After: map[string]any{"tender_id": t.ID, "question": question}})
	})
	return QuestionView{Question: out, Mine: true}, err
}

// Answer records (or replaces) the buyer's answer to a question, until
// the responses deadline. The answer is public to all who see the tender.
func (s *Tenders) Answer(ctx context.Context, actor Actor, p domain.Principal, orgID, tenderID, questionID, answer string) (QuestionView, error) {
	if err := manageTenders(p, orgID); err != nil {
		return QuestionView{}, err
	}
	answer = strings.TrimSpace(answer)
	if err := domain.ValidateAnswer(answer).Err(); err != nil {
		return QuestionView{}, err
	}
	now := s.now()
	var out domain.TenderQuestion
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		t, err := lockTenderOf(ctx, tx, orgID, tenderID)
		if err != nil {
			return err
		}
		before, err := tx.LockTenderQuestion(ctx, questionID)
		if err != nil {
			return err
		}
		if before.TenderID != t.ID {
			return domain.ErrNotFound
		}
		if t.State != domain.TenderPublished || t.DeadlinePassed(now) {
			return msgAnswersClosed.Wrap(domain.ErrConflict)
		}
		if out, err = tx.AnswerTenderQuestion(ctx, before.ID, answer, actor.UserID, now); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "tender.question_answered", SubjectType: "tender_question",
			SubjectID: out.ID, OrganisationID: t.OrganisationID, RequestID: actor.RequestID,
			Before: map[string]any{"answer": before.Answer}, After: map[string]any{"answer": answer}})
	})
	return QuestionView{Question: out, ShowAsker: true}, err
}

// Questions returns a page of a tender's questions, oldest first, to
// whoever sees the tender: the answered ones, and the caller's own
// organisation's; the buyer and moderators see every question and who
// asked it.
func (s *Tenders) Questions(ctx context.Context, p domain.Principal, tenderID, cursor string, limit int) ([]QuestionView, string, error) {
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return nil, "", err
	}
	if !tenderVisible(p, t) {
		return nil, "", domain.ErrNotFound
	}
	_, buyer := p.Memberships[t.OrganisationID]
	all := buyer || domain.Can(p, domain.ActModerate, domain.Resource{})
	page, next, err := s.st.ListTenderQuestions(ctx, t.ID, all, p.ActiveOrganisationID, cursor, tenderPageSize(limit))
	if err != nil {
		return nil, "", err
	}
	out := make([]QuestionView, len(page))
	for i, q := range page {
		_, mine := p.Memberships[q.OrganisationID]
		out[i] = QuestionView{Question: q, ShowAsker: all, Mine: mine && q.OrganisationID != ""}
	}
	return out, next, nil
}

var (
	msgQuestionsClosed = domain.Msg{
		EN: "this tender takes no more questions: its questions deadline has passed",
		FR: "cet appel d'offres ne reçoit plus de questions : la date limite des questions est passée",
		DE: "zu dieser Ausschreibung sind keine Fragen mehr möglich: die Frist für Fragen ist abgelaufen",
		NL: "over deze aanbesteding kunnen geen vragen meer worden gesteld: de termijn voor vragen is verstreken",
	}
	msgAnswersClosed = domain.Msg{
		EN: "questions are answered while the tender is published, until its responses deadline",
		FR: "les questions se répondent tant que l'appel d'offres est publié, jusqu'à la date limite des réponses",
		DE: "Fragen werden beantwortet, solange die Ausschreibung veröffentlicht ist, bis zur Angebotsfrist",
		NL: "vragen worden beantwoord zolang de aanbesteding gepubliceerd is, tot de antwoordtermijn",
	}
)
