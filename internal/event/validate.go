package event

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
)

// Limits of an event's fields (the schema's checks, migrations/00017).
const (
	MaxSessions = 10
	MaxTypes    = 10
	MaxBreaks   = 10
	MaxTables   = 2000
	MaxFeeCents = 10_000_000
	// MinFeeCents is the smallest fee that is not free: Stripe charges
	// at least 0.50 EUR.
	MinFeeCents        = 50
	MaxDelegatesPerReg = 20
	MaxAvailability    = 20
	MaxSessionLength   = 24 * time.Hour
)

var (
	msgRequired       = domain.Msg{EN: "this field is required", FR: "ce champ est obligatoire", DE: "dieses Feld ist erforderlich", NL: "dit veld is verplicht"}
	msgTooLong        = domain.Msg{EN: "at most %d characters", FR: "%d caractères au plus", DE: "höchstens %d Zeichen", NL: "hoogstens %d tekens"}
	msgBetween        = domain.Msg{EN: "must be between %d and %d", FR: "doit être compris entre %d et %d", DE: "muss zwischen %d und %d liegen", NL: "moet tussen %d en %d liggen"}
	msgLanguage       = domain.Msg{EN: "must be fr, de, en or nl", FR: "doit être fr, de, en ou nl", DE: "muss fr, de, en oder nl sein", NL: "moet fr, de, en of nl zijn"}
	msgEndBefore      = domain.Msg{EN: "the end must be after the start", FR: "la fin doit suivre le début", DE: "das Ende muss nach dem Beginn liegen", NL: "het einde moet na het begin liggen"}
	msgTooLongSession = domain.Msg{EN: "a session lasts at most 24 hours", FR: "une session dure 24 heures au plus",
		DE: "eine Sitzung dauert höchstens 24 Stunden", NL: "een sessie duurt hoogstens 24 uur"}
	msgBreakOutside = domain.Msg{EN: "a break must lie within its session", FR: "une pause doit se situer pendant sa session",
		DE: "eine Pause muss innerhalb ihrer Sitzung liegen", NL: "een pauze moet binnen haar sessie vallen"}
	msgSessionsOverlap = domain.Msg{EN: "this session overlaps session %d", FR: "cette session chevauche la session %d",
		DE: "diese Sitzung überschneidet sich mit Sitzung %d", NL: "deze sessie overlapt met sessie %d"}
	msgNoSlot = domain.Msg{EN: "this session leaves no time for a single meeting", FR: "cette session ne laisse le temps d'aucun rendez-vous",
		DE: "diese Sitzung lässt keine Zeit für ein einziges Treffen", NL: "deze sessie laat geen tijd voor één enkele afspraak"}
	msgAfterStart = domain.Msg{EN: "must be no later than the start of the first session", FR: "doit précéder le début de la première session",
		DE: "darf nicht nach dem Beginn der ersten Sitzung liegen", NL: "mag niet na het begin van de eerste sessie liggen"}
	msgCount   = domain.Msg{EN: "give between %d and %d", FR: "indiquez-en entre %d et %d", DE: "geben Sie zwischen %d und %d an", NL: "geef er tussen %d en %d op"}
	msgForKind = domain.Msg{EN: "must be any, sse_supplier or buyer", FR: "doit être any, sse_supplier ou buyer",
		DE: "muss any, sse_supplier oder buyer sein", NL: "moet any, sse_supplier of buyer zijn"}
	msgCurrency = domain.Msg{EN: "must be a three-letter currency code such as EUR", FR: "doit être un code de devise de trois lettres comme EUR",
		DE: "muss ein dreibuchstabiger Währungscode wie EUR sein", NL: "moet een valutacode van drie letters zijn, zoals EUR"}
	msgTimeZone = domain.Msg{EN: "not a known time zone (e.g. Europe/Paris)", FR: "fuseau horaire inconnu (p. ex. Europe/Paris)",
		DE: "unbekannte Zeitzone (z. B. Europe/Paris)", NL: "onbekende tijdzone (bijv. Europe/Paris)"}
	msgDuplicateLanguage = domain.Msg{EN: "each language once", FR: "chaque langue une seule fois", DE: "jede Sprache nur einmal", NL: "elke taal één keer"}
	msgEmail             = domain.Msg{EN: "not a valid email address", FR: "adresse e-mail non valide", DE: "keine gültige E-Mail-Adresse", NL: "geen geldig e-mailadres"}
	msgTypeName          = domain.Msg{EN: "give the name in French, German, English and Dutch", FR: "indiquez le nom en français, allemand, anglais et néerlandais",
		DE: "geben Sie den Namen auf Französisch, Deutsch, Englisch und Niederländisch an", NL: "geef de naam in het Frans, Duits, Engels en Nederlands"}
	msgWindowOutside = domain.Msg{EN: "must overlap one of the event's sessions", FR: "doit recouvrir l'une des sessions de l'événement",
		DE: "muss sich mit einer Sitzung der Veranstaltung überschneiden", NL: "moet overlappen met een van de sessies van het evenement"}
	msgWindowsOverlap = domain.Msg{EN: "overlaps another availability window", FR: "chevauche une autre plage de disponibilité",
		DE: "überschneidet sich mit einem anderen Verfügbarkeitszeitraum", NL: "overlapt met een ander beschikbaarheidsvenster"}
	msgMinFee = domain.Msg{EN: "a fee is 0 (free) or at least %d cents", FR: "les frais valent 0 (gratuit) ou au moins %d centimes",
		DE: "eine Gebühr ist 0 (kostenlos) oder mindestens %d Cent", NL: "een bedrag is 0 (gratis) of minstens %d cent"}
	msgSectors = domain.Msg{EN: "at most %d sectors", FR: "%d secteurs au plus", DE: "höchstens %d Branchen", NL: "hoogstens %d sectoren"}
)

var languages = []string{"fr", "de", "en", "nl"}

func validLang(l string) bool { return slices.Contains(languages, l) }

func checkText(ve *domain.ValidationError, field, s string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(s) == "":
		ve.AddLocalized(field, "required", msgRequired.With())
	case utf8.RuneCountInString(s) > max:
		ve.AddLocalized(field, "too_long", msgTooLong.With(max))
	}
}

// Validate checks an event's fields, sessions and types as organisers give
// them, with the fields' locations under prefix (e.g. "body"): session
// ends after its start and lasts at most a day, breaks inside their
// session, sessions not overlapping, each with at least one slot;
// registration deadline and cancellation cut-off no later than the first
// session's start; 1..2000 tables; 1..10 sessions and types.
func Validate(e Event, prefix string) *domain.ValidationError {
	ve := &domain.ValidationError{}
	f := func(name string) string { return prefix + "." + name }
	checkText(ve, f("name"), e.Name, true, 200)
	if !validLang(e.Lang) {
		ve.AddLocalized(f("lang"), "invalid", msgLanguage.With())
	}
	checkText(ve, f("description"), e.Description, false, 10000)
	checkText(ve, f("venue"), e.Venue, true, 300)
	checkText(ve, f("address"), e.Address, false, 500)
	if _, err := time.LoadLocation(e.TimeZone); err != nil || e.TimeZone == "" || len(e.TimeZone) > 64 || e.TimeZone == "Local" {
		ve.AddLocalized(f("time_zone"), "invalid", msgTimeZone.With())
	}
	if e.Tables < 1 || e.Tables > MaxTables {
		ve.AddLocalized(f("tables"), "out_of_range", msgBetween.With(1, MaxTables))
	}
	if e.RequestExpiryDays < 1 || e.RequestExpiryDays > 60 {
		ve.AddLocalized(f("request_expiry_days"), "out_of_range", msgBetween.With(1, 60))
	}
	if len(e.Languages) < 1 || len(e.Languages) > 4 {
		ve.AddLocalized(f("languages"), "count", msgCount.With(1, 4))
	}
	for i, l := range e.Languages {
		switch {
		case !validLang(l):
			ve.AddLocalized(fmt.Sprintf("%s[%d]", f("languages"), i), "invalid", msgLanguage.With())
		case slices.Index(e.Languages, l) != i:
			ve.AddLocalized(fmt.Sprintf("%s[%d]", f("languages"), i), "duplicate", msgDuplicateLanguage.With())
		}
	}
	validateSessions(ve, e.Sessions, f("sessions"))
	if first := e.StartsAt(); !first.IsZero() {
		if e.RegistrationDeadline.After(first) {
			ve.AddLocalized(f("registration_deadline"), "after_start", msgAfterStart.With())
		}
		if e.CancellationCutoff.After(first) {
			ve.AddLocalized(f("cancellation_cutoff"), "after_start", msgAfterStart.With())
		}
	}
	if e.RegistrationDeadline.IsZero() {
		ve.AddLocalized(f("registration_deadline"), "required", msgRequired.With())
	}
	if e.CancellationCutoff.IsZero() {
		ve.AddLocalized(f("cancellation_cutoff"), "required", msgRequired.With())
	}
	if len(e.Types) < 1 || len(e.Types) > MaxTypes {
		ve.AddLocalized(f("participation_types"), "count", msgCount.With(1, MaxTypes))
	}
	for i, t := range e.Types {
		validateType(ve, t, fmt.Sprintf("%s[%d]", f("participation_types"), i))
	}
	return ve
}

func validateSessions(ve *domain.ValidationError, sessions []Session, field string) {
	if len(sessions) < 1 || len(sessions) > MaxSessions {
		ve.AddLocalized(field, "count", msgCount.With(1, MaxSessions))
	}
	for i, s := range sessions {
		at := fmt.Sprintf("%s[%d]", field, i)
		checkText(ve, at+".name", s.Name, false, 200)
		if s.Start.IsZero() {
			ve.AddLocalized(at+".starts_at", "required", msgRequired.With())
		}
		if s.MeetingMinutes < 5 || s.MeetingMinutes > 120 {
			ve.AddLocalized(at+".meeting_minutes", "out_of_range", msgBetween.With(5, 120))
		}
		switch {
		case !s.End.After(s.Start):
			ve.AddLocalized(at+".ends_at", "before_start", msgEndBefore.With())
			continue
		case s.End.Sub(s.Start) > MaxSessionLength:
			ve.AddLocalized(at+".ends_at", "too_long", msgTooLongSession.With())
			continue
		}
		if len(s.Breaks) > MaxBreaks {
			ve.AddLocalized(at+".breaks", "count", msgCount.With(0, MaxBreaks))
		}
		for j, b := range s.Breaks {
			bat := fmt.Sprintf("%s.breaks[%d]", at, j)
			switch {
			case !b.End.After(b.Start):
				ve.AddLocalized(bat+".ends_at", "before_start", msgEndBefore.With())
			case b.Start.Before(s.Start):
				ve.AddLocalized(bat+".starts_at", "outside_session", msgBreakOutside.With())
			case b.End.After(s.End):
				ve.AddLocalized(bat+".ends_at", "outside_session", msgBreakOutside.With())
			}
		}
		for j := range i {
			o := sessions[j]
			if o.End.After(o.Start) && s.Start.Before(o.End) && o.Start.Before(s.End) {
				ve.AddLocalized(at+".starts_at", "overlap", msgSessionsOverlap.With(j+1))
				break
			}
		}
		if s.MeetingMinutes >= 5 && len(Slots([]Session{s})) == 0 {
			ve.AddLocalized(at+".meeting_minutes", "no_slot", msgNoSlot.With())
		}
	}
}

func validateType(ve *domain.ValidationError, t ParticipationType, at string) {
	for _, l := range languages {
		if strings.TrimSpace(t.Names[l]) == "" {
			ve.AddLocalized(at+".names."+l, "required", msgTypeName.With())
		} else if utf8.RuneCountInString(t.Names[l]) > 100 {
			ve.AddLocalized(at+".names."+l, "too_long", msgTooLong.With(100))
		}
	}
	switch t.ForKind {
	case ForAny, ForSSESupplier, ForBuyer:
	default:
		ve.AddLocalized(at+".for_kind", "invalid", msgForKind.With())
	}
	switch {
	case t.FeeCents < 0 || t.FeeCents > MaxFeeCents:
		ve.AddLocalized(at+".fee_cents", "out_of_range", msgBetween.With(0, MaxFeeCents))
	case t.FeeCents > 0 && t.FeeCents < MinFeeCents:
		ve.AddLocalized(at+".fee_cents", "too_small", msgMinFee.With(MinFeeCents))
	}
	if !validCurrency(t.Currency) {
		ve.AddLocalized(at+".currency", "invalid", msgCurrency.With())
	}
	if t.MaxDelegates < 1 || t.MaxDelegates > MaxDelegatesPerReg {
		ve.AddLocalized(at+".max_delegates", "out_of_range", msgBetween.With(1, MaxDelegatesPerReg))
	}
}

func validCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// ValidateDelegate checks a delegate's fields with their locations under
// prefix (e.g. "body.delegates[0]"); availability windows must end after
// they start, not overlap each other and overlap one of sessions.
func ValidateDelegate(ve *domain.ValidationError, d Delegate, sessions []Session, prefix string) {
	checkText(ve, prefix+".name", d.Name, true, 200)
	if strings.TrimSpace(d.Email) == "" {
		ve.AddLocalized(prefix+".email", "required", msgRequired.With())
	} else if a, err := mail.ParseAddress(d.Email); err != nil || a.Address != d.Email || len(d.Email) > 254 {
		ve.AddLocalized(prefix+".email", "invalid", msgEmail.With())
	}
	checkText(ve, prefix+".job_title", d.JobTitle, false, 200)
	if !validLang(d.Lang) {
		ve.AddLocalized(prefix+".lang", "invalid", msgLanguage.With())
	}
	if !validLang(d.ProfileLang) {
		ve.AddLocalized(prefix+".profile_lang", "invalid", msgLanguage.With())
	}
	checkText(ve, prefix+".offers", d.Offers, false, 2000)
	checkText(ve, prefix+".needs", d.Needs, false, 2000)
	if len(d.Sectors) > 20 {
		ve.AddLocalized(prefix+".sectors", "count", msgSectors.With(20))
	}
	if len(d.Availability) > MaxAvailability {
		ve.AddLocalized(prefix+".availability", "count", msgCount.With(0, MaxAvailability))
	}
	for i, w := range d.Availability {
		at := fmt.Sprintf("%s.availability[%d]", prefix, i)
		if !w.End.After(w.Start) {
			ve.AddLocalized(at+".ends_at", "before_start", msgEndBefore.With())
			continue
		}
		inside := false
		for _, s := range sessions {
			if w.Start.Before(s.End) && s.Start.Before(w.End) {
				inside = true
			}
		}
		if !inside {
			ve.AddLocalized(at+".starts_at", "outside_event", msgWindowOutside.With())
		}
		for j := range i {
			o := d.Availability[j]
			if o.End.After(o.Start) && w.Start.Before(o.End) && o.Start.Before(w.End) {
				ve.AddLocalized(at+".starts_at", "overlap", msgWindowsOverlap.With())
				break
			}
		}
	}
}
