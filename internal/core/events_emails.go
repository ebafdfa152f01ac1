package core

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/event"
	"passerelle/internal/store"
)

// emailRegistrant queues, in tx, the email of kind about registration r
// at e to the user who registered (in their language), or to its first
// delegate when that user is gone. Data: Name, EventName, EventDate,
// Venue, TypeName, Fee ("" when free), Refund (pending|succeeded|failed|""),
// Link.
func (s *Events) emailRegistrant(ctx context.Context, tx *store.Tx, e event.Event, r event.Registration, kind string) error {
	to, name, lang := "", "", domain.LangEN
	if r.RegisteredBy != "" {
		u, err := tx.GetUser(ctx, r.RegisteredBy)
		switch {
		case err == nil:
			to, name, lang = u.Email, u.DisplayName, u.Language
		case !errors.Is(err, domain.ErrNotFound):
			return err
		}
	}
	if to == "" && len(r.Delegates) > 0 {
		d := r.Delegates[0]
		to, name, lang = d.Email, d.Name, domain.Language(d.Lang)
	}
	if to == "" {
		return nil
	}
	t, _ := e.Type(r.ParticipationTypeID)
	fee := ""
	if r.FeeCents > 0 {
		fee = FormatMoney(r.FeeCents, r.Currency, lang)
	}
	return s.jobs.EnqueueEmail(ctx, tx, Email{To: to, Name: name, Kind: kind, Lang: lang, Data: map[string]any{
		"Name": name, "EventName": e.Name, "EventDate": EventDate(e, lang), "Venue": e.Venue, "TypeName": t.Name(string(lang)),
		"Fee": fee, "Refund": string(r.RefundState), "Organisation": r.OrganisationName,
		"Link": strings.TrimRight(s.cfg.PublicURL, "/") + "/workspace/convention/" + e.ID,
	}})
}

// EventDate writes the day (or days) of an event as lang writes dates, in
// the event's time zone, with the first session's start time.
func EventDate(e event.Event, lang domain.Language) string {
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	start, end := e.StartsAt().In(loc), e.EndsAt().In(loc)
	day := func(t time.Time) string { return domain.DateMsg(t).Fill().With()[lang] }
	out := day(start) + " " + start.Format("15:04")
	if end.YearDay() != start.YearDay() || end.Year() != start.Year() {
		out += " – " + day(end)
	}
	return out
}

// FormatMoney writes an amount of cents as lang writes money: "90.00 EUR"
// in English, "90,00 EUR" in the other languages.
func FormatMoney(cents int64, currency string, lang domain.Language) string {
	s := fmt.Sprintf("%d.%02d", cents/100, cents%100)
	if lang != domain.LangEN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " " + currency
}
