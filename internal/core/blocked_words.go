package core

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// BlockedWords is the admins' list of words (or phrases) that flag a
// listing as spam when it is submitted (see flagListing). Words are
// matched whole, whatever their case and accents.
type BlockedWords struct {
	st  *store.Store
	now Clock
}

// NewBlockedWords builds the blocked-words use cases.
func NewBlockedWords(st *store.Store, now Clock) *BlockedWords {
	if now == nil {
		now = time.Now
	}
	return &BlockedWords{st: st, now: now}
}

var (
	msgBlockedWordLength = domain.Msg{EN: "must be 1 to %d characters", FR: "doit faire de 1 à %d caractères",
		DE: "muss 1 bis %d Zeichen lang sein", NL: "moet 1 tot %d tekens lang zijn"}
	msgBlockedWordLetters = domain.Msg{EN: "must contain a letter or a digit", FR: "doit contenir une lettre ou un chiffre",
		DE: "muss einen Buchstaben oder eine Ziffer enthalten", NL: "moet een letter of een cijfer bevatten"}
	msgBlockedWordsFull = domain.Msg{EN: "the list holds %d words, its maximum: remove some first",
		FR: "la liste compte %d mots, son maximum : retirez-en d’abord", DE: "die Liste enthält %d Wörter, ihr Maximum: entfernen Sie zuerst welche",
		NL: "de lijst bevat %d woorden, het maximum: verwijder er eerst enkele"}
	msgBlockedWordExists = domain.Msg{EN: "%q is blocked already (perhaps spelt another way)", FR: "%q est déjà bloqué (peut-être sous une autre graphie)",
		DE: "%q ist bereits gesperrt (vielleicht anders geschrieben)", NL: "%q is al geblokkeerd (misschien anders gespeld)"}
)

// List returns a page of the list, oldest first (admins).
func (s *BlockedWords) List(ctx context.Context, p domain.Principal, cursor string, limit int) ([]store.BlockedWord, string, error) {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return nil, "", err
	}
	return s.st.ListBlockedWords(ctx, cursor, tenderPageSize(limit))
}

// MaxBlockedWords bounds the list: every submission reads it whole.
const MaxBlockedWords = 2000

// Add blocks a word (admins). It applies to submissions from now on; a
// full list (MaxBlockedWords) is a conflict.
func (s *BlockedWords) Add(ctx context.Context, actor Actor, p domain.Principal, word string) (store.BlockedWord, error) {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return store.BlockedWord{}, err
	}
	word = strings.TrimSpace(word)
	folded := domain.FoldText(word)
	ve := &domain.ValidationError{}
	switch {
	// The folded form may be longer (ß is ss): it is what is stored and bounded.
	case word == "" || utf8.RuneCountInString(word) > domain.MaxBlockedWord || utf8.RuneCountInString(folded) > domain.MaxBlockedWord:
		ve.AddLocalized("body.word", "invalid", msgBlockedWordLength.With(domain.MaxBlockedWord))
	case folded == "":
		ve.AddLocalized("body.word", "invalid", msgBlockedWordLetters.With())
	}
	if err := ve.Err(); err != nil {
		return store.BlockedWord{}, err
	}
	var out store.BlockedWord
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountBlockedWords(ctx)
		if err != nil {
			return err
		}
		if n >= MaxBlockedWords {
			return msgBlockedWordsFull.Wrap(domain.ErrConflict, MaxBlockedWords)
		}
		if out, err = tx.InsertBlockedWord(ctx, word, folded, p.UserID, s.now()); err != nil {
			if errors.Is(err, domain.ErrConflict) {
				return msgBlockedWordExists.Wrap(domain.ErrConflict, word)
			}
			return err
		}
		return writeAudit(ctx, tx, actor, "blocked_word.added", "blocked_word", out.ID, "", nil, map[string]any{"word": word})
	})
	return out, err
}

// Delete unblocks a word (admins). Flags already set stay.
func (s *BlockedWords) Delete(ctx context.Context, actor Actor, p domain.Principal, id string) error {
	if err := domain.Authorize(p, domain.ActAdminister, domain.Resource{}); err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		w, err := tx.DeleteBlockedWord(ctx, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "blocked_word.removed", "blocked_word", w.ID, "", map[string]any{"word": w.Word}, nil)
	})
}
