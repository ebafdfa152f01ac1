package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// QuestionBody is a question about a tender with its answer. The asking
// organisation is shown to the buyer and moderators only.
type QuestionBody struct {
	ID             string     `json:"id" format:"uuid"`
	Question       string     `json:"question" example:"Les vitres sont-elles comprises ?"`
	Answer         string     `json:"answer,omitempty" example:"Oui, deux fois par an."`
	AnsweredAt     *time.Time `json:"answered_at,omitempty"`
	OrganisationID string     `json:"organisation_id,omitempty" format:"uuid" doc:"Who asked (buyer and moderators only)"`
	Mine           bool       `json:"mine" doc:"Asked by one of the caller's organisations"`
	CreatedAt      time.Time  `json:"created_at"`
}

func questionBody(v core.QuestionView) QuestionBody {
	q := v.Question
	b := QuestionBody{ID: q.ID, Question: q.Question, Answer: q.Answer, AnsweredAt: q.AnsweredAt, Mine: v.Mine, CreatedAt: q.CreatedAt}
	if v.ShowAsker {
		b.OrganisationID = q.OrganisationID
	}
	return b
}

// QuestionOutput returns one question.
type QuestionOutput struct {
	Body QuestionBody
}

// QuestionListOutput is a page of questions.
type QuestionListOutput struct {
	Body struct {
		Items      []QuestionBody `json:"items"`
		NextCursor string         `json:"next_cursor"`
	}
}

// AskInput asks a question about a tender.
type AskInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
	Body     struct {
		Question string `json:"question" maxLength:"8000" example:"Les vitres sont-elles comprises ?" doc:"At most 4000 characters"`
	}
}

// QuestionsInput pages through a tender's questions.
type QuestionsInput struct {
	LanguageHeader
	TenderID string `path:"tenderID" format:"uuid"`
	Sort     string `query:"sort" enum:"created" default:"created" doc:"Oldest first"`
	Cursor   string `query:"cursor" maxLength:"200"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100"`
}

// AnswerInput answers a question.
type AnswerInput struct {
	LanguageHeader
	OrgID      string `path:"orgID" format:"uuid"`
	TenderID   string `path:"tenderID" format:"uuid"`
	QuestionID string `path:"questionID" format:"uuid"`
	Body       struct {
		Answer string `json:"answer" maxLength:"16000" example:"Oui, deux fois par an." doc:"At most 8000 characters"`
	}
}

// OutcomeInput records the outcome of a lot.
type OutcomeInput struct {
	LanguageHeader
	OrgID    string `path:"orgID" format:"uuid"`
	TenderID string `path:"tenderID" format:"uuid"`
	LotID    string `path:"lotID" format:"uuid"`
	Body     struct {
		Result      string `json:"result" enum:"awarded_passerelle,awarded_other,not_awarded" example:"awarded_passerelle"`
		SupplierID  string `json:"supplier_id,omitempty" maxLength:"36" example:"01936f1e-6a3c-7d2b-9a51-3b0f5c2e8d41" doc:"Required for awarded_passerelle"`
		AmountCents *int64 `json:"amount_cents,omitempty" example:"5200000" doc:"Required for an award"`
		Currency    string `json:"currency,omitempty" maxLength:"3" example:"EUR"`
	}
}

// OutcomeOutput returns a lot's outcome.
type OutcomeOutput struct {
	Body OutcomeBody
}

func registerTenderQuestions(r *routes, s *core.Tenders) {
	tag := []string{"Tenders"}
	member := Rule{Action: domain.ActEditOrganisation, OrgParam: "orgID"}

	handle(r, SignedIn, huma.Operation{OperationID: "ask-tender-question", Method: http.MethodPost, Path: "/api/v1/tenders/{tenderID}/questions", Tags: tag,
		Summary: "Ask a question about a tender", DefaultStatus: http.StatusCreated,
		Description: "For the SSE supplier the caller acts for, on a published tender until its questions deadline. Other suppliers " +
			"and the public never learn who asked; the buyer does."},
		func(ctx context.Context, in *AskInput) (*QuestionOutput, error) {
			v, err := s.Ask(ctx, actorFrom(ctx), authFrom(ctx).principal, in.TenderID, in.Body.Question)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &QuestionOutput{Body: questionBody(v)}, nil
		})

	handle(r, Public, huma.Operation{OperationID: "list-tender-questions", Method: http.MethodGet, Path: "/api/v1/tenders/{tenderID}/questions", Tags: tag,
		Summary: "Questions and answers of a tender",
		Description: "Whoever sees the tender reads the answered questions, without who asked; a supplier also sees its own unanswered " +
			"ones; the buyer and moderators see every question and who asked it. Oldest first."},
		func(ctx context.Context, in *QuestionsInput) (*QuestionListOutput, error) {
			page, next, err := s.Questions(ctx, authFrom(ctx).principal, in.TenderID, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &QuestionListOutput{}
			out.Body.Items = mapItems(page, questionBody)
			out.Body.NextCursor = next
			return out, nil
		})

	handle(r, member, huma.Operation{OperationID: "answer-tender-question", Method: http.MethodPut,
		Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer", Tags: tag,
		Summary:     "Answer a question",
		Description: "Members of the buyer, while the tender is published and until its responses deadline; answering again replaces the answer, which is public to all who see the tender."},
		func(ctx context.Context, in *AnswerInput) (*QuestionOutput, error) {
			v, err := s.Answer(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.QuestionID, in.Body.Answer)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &QuestionOutput{Body: questionBody(v)}, nil
		})

	handle(r, member, huma.Operation{OperationID: "record-lot-outcome", Method: http.MethodPut,
		Path: "/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/outcome", Tags: tag,
		Summary: "Record the outcome of a lot",
		Description: "Members of the buyer, once the responses deadline passed: awarded to a Passerelle supplier (named), to another " +
			"company, or not awarded, with the amount of an award. When every lot has its outcome the tender becomes awarded " +
			"(a lot was awarded) or not_awarded, and outcomes are final (409 after)."},
		func(ctx context.Context, in *OutcomeInput) (*OutcomeOutput, error) {
			b := in.Body
			o, err := s.RecordOutcome(ctx, actorFrom(ctx), authFrom(ctx).principal, in.OrgID, in.TenderID, in.LotID,
				domain.LotOutcome{Result: domain.LotResult(b.Result), SupplierID: b.SupplierID, AmountCents: b.AmountCents, Currency: b.Currency})
			if err != nil {
				return nil, toHTTP(err)
			}
			return &OutcomeOutput{Body: outcomeBody(o)}, nil
		})
}
