package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// BlockedWordBody is an entry of the blocked-words list.
type BlockedWordBody struct {
	ID        string    `json:"id" format:"uuid" example:"01936f3e-6666-7c2d-9e10-3f5a6b7c8d9e"`
	Word      string    `json:"word" example:"argent facile"`
	Folded    string    `json:"folded" doc:"The form matched: lower case, no accents or punctuation" example:"argent facile"`
	CreatedAt time.Time `json:"created_at" example:"2026-11-20T09:30:00Z"`
}

func blockedWordBody(w store.BlockedWord) BlockedWordBody {
	return BlockedWordBody{ID: w.ID, Word: w.Word, Folded: w.Folded, CreatedAt: w.CreatedAt}
}

// BlockedWordsInput pages through the list.
type BlockedWordsInput struct {
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// BlockedWordsOutput is a page of the list, oldest first.
type BlockedWordsOutput struct {
	Body struct {
		Items      []BlockedWordBody `json:"items"`
		NextCursor string            `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// BlockedWordInput adds a word.
type BlockedWordInput struct {
	LanguageHeader
	Body struct {
		Word string `json:"word" maxLength:"400" doc:"A word or phrase, 1 to 100 characters, matched whole whatever its case and accents" example:"argent facile"`
	}
}

// BlockedWordOutput is one entry.
type BlockedWordOutput struct {
	Body BlockedWordBody
}

// BlockedWordRef names an entry.
type BlockedWordRef struct {
	WordID string `path:"wordID" format:"uuid"`
}

func registerBlockedWords(r *routes, s *core.BlockedWords) {
	tag := []string{"Moderation"}
	admin := Rule{Action: domain.ActAdminister}
	const base = "/api/v1/admin/blocked-words"
	handle(r, admin, huma.Operation{OperationID: "list-blocked-words", Method: http.MethodGet, Path: base, Tags: tag,
		Summary: "The blocked words", Description: "Admins. Words whose presence flags a listing submitted for moderation as spam, oldest first."},
		func(ctx context.Context, in *BlockedWordsInput) (*BlockedWordsOutput, error) {
			page, next, err := s.List(ctx, authFrom(ctx).principal, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &BlockedWordsOutput{}
			out.Body.Items, out.Body.NextCursor = mapItems(page, blockedWordBody), next
			return out, nil
		})
	handle(r, admin, huma.Operation{OperationID: "add-blocked-word", Method: http.MethodPost, Path: base, Tags: tag, DefaultStatus: http.StatusCreated,
		Summary: "Block a word",
		Description: "Admins. Listings submitted from now on that contain it (as whole words, whatever the case and accents) are flagged " +
			"for the moderators, never refused. A word already listed, in any spelling that folds alike, is a 409."},
		func(ctx context.Context, in *BlockedWordInput) (*BlockedWordOutput, error) {
			w, err := s.Add(ctx, actorFrom(ctx), authFrom(ctx).principal, in.Body.Word)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &BlockedWordOutput{Body: blockedWordBody(w)}, nil
		})
	handle(r, admin, huma.Operation{OperationID: "delete-blocked-word", Method: http.MethodDelete, Path: base + "/{wordID}", Tags: tag,
		DefaultStatus: http.StatusNoContent, Summary: "Unblock a word", Description: "Admins. Flags already set stay."},
		func(ctx context.Context, in *BlockedWordRef) (*NoContentOutput, error) {
			if err := s.Delete(ctx, actorFrom(ctx), authFrom(ctx).principal, in.WordID); err != nil {
				return nil, toHTTP(err)
			}
			return &NoContentOutput{}, nil
		})
}
