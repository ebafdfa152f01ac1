package core

import (
	"context"
	"slices"
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
// tender, until its questions deadline. A suspended supplier may not ask
// (refuseSuspendedIn).
func (s *Tenders) Ask(ctx context.Context, actor Actor, p domain.Principal, tenderID, question string) (QuestionView, error) {
	org, err := actingSupplier(ctx, s.st, p)
	if err != nil {
		return QuestionView{}, err
	}
	t, err := s.st.GetTender(ctx, tenderID)
	if err != nil {
		return QuestionView{}, err
	}
	if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
		return QuestionView{}, notVisible(err)
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
		// A suspended supplier may not publish anything, and a question is
		// published to all once answered.
		if err := refuseSuspendedIn(ctx, tx, org.ID, errOrganisationSuspended()); err != nil {
			return err
		}
		var err error
		if out, err = tx.CreateTenderQuestion(ctx, domain.TenderQuestion{TenderID: t.ID, OrganisationID: org.ID, Question: question}, actor.UserID, now); err != nil {
			return err
		}
		if err := tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "tender.question_asked", SubjectType: "tender_question",
			SubjectID: out.ID, OrganisationID: org.ID, RequestID: actor.RequestID, After: map[string]any{"tender_id": t.ID, "question": question}}); err != nil {
			return err
		}
		return s.notifyQuestionAsked(ctx, tx, t, question)
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
		if err := tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "tender.question_answered", SubjectType: "tender_question",
			SubjectID: out.ID, OrganisationID: t.OrganisationID, RequestID: actor.RequestID,
			Before: map[string]any{"answer": before.Answer}, After: map[string]any{"answer": answer}}); err != nil {
			return err
		}
		return s.notifyQuestionAnswered(ctx, tx, t, out, before.Answer != "")
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
	if ok, err := tenderVisible(ctx, s.st, p, t); err != nil || !ok {
		return nil, "", notVisible(err)
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

var (
	msgQuestionAskedNotice = domain.Msg{
		EN: "New question on your tender “%s”", FR: "Nouvelle question sur votre appel d’offres « %s »",
		DE: "Neue Frage zu Ihrer Ausschreibung „%s“", NL: "Nieuwe vraag over uw aanbesteding ‘%s’",
	}
	msgYourQuestionAnsweredNotice = domain.Msg{
		EN: "Your question on “%s” is answered", FR: "Votre question sur « %s » a reçu une réponse",
		DE: "Ihre Frage zu „%s“ ist beantwortet", NL: "Uw vraag over ‘%s’ is beantwoord",
	}
	msgQuestionAnsweredNotice = domain.Msg{
		EN: "New answer on the tender “%s”", FR: "Nouvelle réponse sur l’appel d’offres « %s »",
		DE: "Neue Antwort zur Ausschreibung „%s“", NL: "Nieuw antwoord bij de aanbesteding ‘%s’",
	}
)

// notifyQuestionAsked tells, in tx, the members of t's buyer of a new
// question (without notifications configured, nothing). Who asked is not
// in the notice: the buyer sees it in the app.
func (s *Tenders) notifyQuestionAsked(ctx context.Context, tx *store.Tx, t domain.Tender, question string) error {
	if s.notes == nil {
		return nil
	}
	link := s.notes.Link("/workspace/buyer/tenders/" + t.ID)
	return s.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
		title := TenderTitleIn(t, r.Language)
		return Notice{Category: domain.NotifyQuestionsAnswers, Kind: "question_asked", Title: msgQuestionAskedNotice.With(title)[r.Language],
			Link: link, Data: map[string]any{"TenderTitle": title, "Question": truncateRunes(question, noticeExcerpt), "Link": link}}
	}, t.OrganisationID)
}

// notifyQuestionAnswered tells, in tx, of q's answer (updated: it replaced
// an earlier one): the members of the asking organisation, as the answer
// to their question, and those of every other supplier following the
// tender (store.Tx.TenderFollowers: routed and interested, or with a
// response), as an answer published on it. The answer is public to all
// who see the tender; who asked is never said to the others.
func (s *Tenders) notifyQuestionAnswered(ctx context.Context, tx *store.Tx, t domain.Tender, q domain.TenderQuestion, updated bool) error {
	if s.notes == nil {
		return nil
	}
	orgs, err := tx.TenderFollowers(ctx, t.ID)
	if err != nil {
		return err
	}
	if q.OrganisationID != "" && !slices.Contains(orgs, q.OrganisationID) {
		orgs = append(orgs, q.OrganisationID)
	}
	orgs = slices.DeleteFunc(orgs, func(id string) bool { return id == t.OrganisationID })
	link := s.notes.Link("/workspace/supplier/tenders/" + t.ID)
	return s.notes.NotifyMembers(ctx, tx, func(r store.Recipient) Notice {
		title, yours := TenderTitleIn(t, r.Language), r.OrganisationID == q.OrganisationID
		headline := msgQuestionAnsweredNotice
		if yours {
			headline = msgYourQuestionAnsweredNotice
		}
		return Notice{Category: domain.NotifyQuestionsAnswers, Kind: "question_answered", Title: headline.With(title)[r.Language], Link: link,
			Data: map[string]any{"TenderTitle": title, "Question": truncateRunes(q.Question, noticeExcerpt),
				"Answer": truncateRunes(q.Answer, noticeExcerpt), "Yours": yours, "Updated": updated, "Link": link}}
	}, orgs...)
}
