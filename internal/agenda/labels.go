package agenda

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// label names one piece of visible text; labels holds it in every language.
type label string

const (
	labSummary          label = "summary"           // %s organisation, %d table
	labSummaryNoTable   label = "summary_no_table"  // %s organisation
	labLocation         label = "location"          // %s venue, %d table
	labLocationNoVenue  label = "location_no_venue" // %d table
	labCalendarName     label = "calendar_name"     // %s event
	labDelegate         label = "delegate"          // field name
	labOrganisation     label = "organisation"      // field name
	labCountry          label = "country"           // field name
	labNote             label = "note"              // field name
	labLocked           label = "locked"            // sentence
	labLockedShort      label = "locked_short"      // one word under the time
	labPreliminaryNote  label = "preliminary_note"  // sentence
	labFinalNote        label = "final_note"        // sentence
	labCancelledNote    label = "cancelled_note"    // sentence
	labDetails          label = "details"           // %s URL
	labStampPreliminary label = "stamp_preliminary" // stamp
	labStampFinal       label = "stamp_final"       // stamp
	labAgendaOf         label = "agenda_of"         // %s delegate
	labVersion          label = "version"           // %d version, %s date, %s time
	labTimesIn          label = "times_in"          // %s time zone
	labColTime          label = "col_time"          // column
	labColTable         label = "col_table"         // column
	labColOrganisation  label = "col_organisation"  // column
	labColDelegate      label = "col_delegate"      // column
	labColCountry       label = "col_country"       // column
	labNoMeetings       label = "no_meetings"       // sentence
	labPage             label = "page"              // %d page, %s total
	labContinued        label = "continued"         // after a repeated heading
	labPlanTitle        label = "plan_title"        // title
	labPlanSlot         label = "plan_slot"         // %s date, %s start, %s end
	labPlanSideA        label = "plan_side_a"       // column
	labPlanSideB        label = "plan_side_b"       // column
	labPlanSlotEmpty    label = "plan_slot_empty"   // sentence
	labPlanEmpty        label = "plan_empty"        // sentence
	labPlanCount        label = "plan_count"        // %d meetings
	labField            label = "field"             // %s name, %s value
	labDateLong         label = "date_long"         // %[1]s weekday, %[2]d day, %[3]s month, %[4]d year
)

// weekdays and months are indexed like time.Weekday and time.Month (January at 1).
var (
	weekdays = map[string][7]string{
		"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		"de": {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"nl": {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
	}
	months = map[string][13]string{
		"fr": {"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		"de": {"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		"en": {"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"nl": {"", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	}
)

// labels is the catalogue: language → label → text (fmt verbs where noted above).
var labels = map[string]map[label]string{
	"fr": {
		labSummary:          "Rendez-vous avec %s — table %d",
		labSummaryNoTable:   "Rendez-vous avec %s",
		labLocation:         "%s, table %d",
		labLocationNoVenue:  "Table %d",
		labCalendarName:     "%s — mes rendez-vous",
		labDelegate:         "Délégué·e",
		labOrganisation:     "Organisation",
		labCountry:          "Pays",
		labNote:             "Note",
		labLocked:           "Ce rendez-vous a été fixé par les organisateurs.",
		labLockedShort:      "fixé",
		labPreliminaryNote:  "Agenda provisoire\u00a0: les horaires et les tables peuvent encore changer.",
		labFinalNote:        "Agenda définitif.",
		labCancelledNote:    "Ce rendez-vous est annulé.",
		labDetails:          "Détails et mises à jour\u00a0: %s",
		labStampPreliminary: "AGENDA PROVISOIRE",
		labStampFinal:       "AGENDA DÉFINITIF",
		labAgendaOf:         "Agenda de %s",
		labVersion:          "Version %d, établie le %s à %s.",
		labTimesIn:          "Heures locales du lieu de l'événement (%s).",
		labColTime:          "Horaire",
		labColTable:         "Table",
		labColOrganisation:  "Organisation",
		labColDelegate:      "Délégué·e",
		labColCountry:       "Pays",
		labNoMeetings:       "Aucun rendez-vous n'est prévu pour vous à cet événement pour le moment.",
		labPage:             "Page %d / %s",
		labContinued:        "(suite)",
		labPlanTitle:        "Plan de table",
		labPlanSlot:         "%s, %s–%s",
		labPlanSideA:        "Participant A",
		labPlanSideB:        "Participant B",
		labPlanSlotEmpty:    "Aucun rendez-vous sur ce créneau.",
		labPlanEmpty:        "Aucun rendez-vous à placer.",
		labPlanCount:        "%d rendez-vous",
		labField:            "%s\u00a0: %s",
		labDateLong:         "%[1]s %[2]d %[3]s %[4]d",
	},
	"de": {
		labSummary:          "Termin mit %s — Tisch %d",
		labSummaryNoTable:   "Termin mit %s",
		labLocation:         "%s, Tisch %d",
		labLocationNoVenue:  "Tisch %d",
		labCalendarName:     "%s — meine Termine",
		labDelegate:         "Delegierte Person",
		labOrganisation:     "Organisation",
		labCountry:          "Land",
		labNote:             "Notiz",
		labLocked:           "Dieser Termin wurde von den Veranstaltern festgelegt.",
		labLockedShort:      "fest",
		labPreliminaryNote:  "Vorläufiger Terminplan: Uhrzeiten und Tische können sich noch ändern.",
		labFinalNote:        "Endgültiger Terminplan.",
		labCancelledNote:    "Dieser Termin ist abgesagt.",
		labDetails:          "Details und Änderungen: %s",
		labStampPreliminary: "VORLÄUFIGER TERMINPLAN",
		labStampFinal:       "ENDGÜLTIGER TERMINPLAN",
		labAgendaOf:         "Terminplan von %s",
		labVersion:          "Version %d, erstellt am %s um %s.",
		labTimesIn:          "Ortszeit des Veranstaltungsorts (%s).",
		labColTime:          "Uhrzeit",
		labColTable:         "Tisch",
		labColOrganisation:  "Organisation",
		labColDelegate:      "Delegierte Person",
		labColCountry:       "Land",
		labNoMeetings:       "Für Sie sind bei dieser Veranstaltung noch keine Termine geplant.",
		labPage:             "Seite %d / %s",
		labContinued:        "(Fortsetzung)",
		labPlanTitle:        "Tischplan",
		labPlanSlot:         "%s, %s–%s",
		labPlanSideA:        "Teilnehmer A",
		labPlanSideB:        "Teilnehmer B",
		labPlanSlotEmpty:    "In diesem Zeitfenster gibt es keine Termine.",
		labPlanEmpty:        "Keine Termine zu platzieren.",
		labPlanCount:        "%d Termine",
		labField:            "%s: %s",
		labDateLong:         "%[1]s, %[2]d. %[3]s %[4]d",
	},
	"en": {
		labSummary:          "Meeting with %s — table %d",
		labSummaryNoTable:   "Meeting with %s",
		labLocation:         "%s, table %d",
		labLocationNoVenue:  "Table %d",
		labCalendarName:     "%s — my meetings",
		labDelegate:         "Delegate",
		labOrganisation:     "Organisation",
		labCountry:          "Country",
		labNote:             "Note",
		labLocked:           "This meeting was fixed by the organisers.",
		labLockedShort:      "fixed",
		labPreliminaryNote:  "Preliminary agenda: times and tables may still change.",
		labFinalNote:        "Final agenda.",
		labCancelledNote:    "This meeting is cancelled.",
		labDetails:          "Details and updates: %s",
		labStampPreliminary: "PRELIMINARY AGENDA",
		labStampFinal:       "FINAL AGENDA",
		labAgendaOf:         "Agenda of %s",
		labVersion:          "Version %d, issued on %s at %s.",
		labTimesIn:          "Local time at the venue (%s).",
		labColTime:          "Time",
		labColTable:         "Table",
		labColOrganisation:  "Organisation",
		labColDelegate:      "Delegate",
		labColCountry:       "Country",
		labNoMeetings:       "No meetings are scheduled for you at this event yet.",
		labPage:             "Page %d / %s",
		labContinued:        "(continued)",
		labPlanTitle:        "Table plan",
		labPlanSlot:         "%s, %s–%s",
		labPlanSideA:        "Participant A",
		labPlanSideB:        "Participant B",
		labPlanSlotEmpty:    "No meetings in this slot.",
		labPlanEmpty:        "No meetings to seat.",
		labPlanCount:        "%d meetings",
		labField:            "%s: %s",
		labDateLong:         "%[1]s %[2]d %[3]s %[4]d",
	},
	"nl": {
		labSummary:          "Afspraak met %s — tafel %d",
		labSummaryNoTable:   "Afspraak met %s",
		labLocation:         "%s, tafel %d",
		labLocationNoVenue:  "Tafel %d",
		labCalendarName:     "%s — mijn afspraken",
		labDelegate:         "Afgevaardigde",
		labOrganisation:     "Organisatie",
		labCountry:          "Land",
		labNote:             "Notitie",
		labLocked:           "Deze afspraak is door de organisatoren vastgelegd.",
		labLockedShort:      "vast",
		labPreliminaryNote:  "Voorlopige agenda: tijden en tafels kunnen nog veranderen.",
		labFinalNote:        "Definitieve agenda.",
		labCancelledNote:    "Deze afspraak is geannuleerd.",
		labDetails:          "Details en wijzigingen: %s",
		labStampPreliminary: "VOORLOPIGE AGENDA",
		labStampFinal:       "DEFINITIEVE AGENDA",
		labAgendaOf:         "Agenda van %s",
		labVersion:          "Versie %d, opgesteld op %s om %s.",
		labTimesIn:          "Lokale tijd op de locatie (%s).",
		labColTime:          "Tijd",
		labColTable:         "Tafel",
		labColOrganisation:  "Organisatie",
		labColDelegate:      "Afgevaardigde",
		labColCountry:       "Land",
		labNoMeetings:       "Er zijn voor u nog geen afspraken gepland op dit evenement.",
		labPage:             "Pagina %d / %s",
		labContinued:        "(vervolg)",
		labPlanTitle:        "Tafelplan",
		labPlanSlot:         "%s, %s–%s",
		labPlanSideA:        "Deelnemer A",
		labPlanSideB:        "Deelnemer B",
		labPlanSlotEmpty:    "Geen afspraken in dit tijdslot.",
		labPlanEmpty:        "Geen afspraken in te delen.",
		labPlanCount:        "%d afspraken",
		labField:            "%s: %s",
		labDateLong:         "%[1]s %[2]d %[3]s %[4]d",
	},
}

// text gives a document's visible strings in one language.
type text struct{ lang string }

// newText picks the language: "fr", "de", "en" or "nl" (a region such as "fr-LU"
// is ignored); anything else falls back to English.
func newText(lang string) text {
	base := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if _, ok := labels[base]; !ok {
		base = "en"
	}
	return text{lang: base}
}

func (t text) get(l label, args ...any) string {
	s, ok := labels[t.lang][l]
	if !ok {
		s = labels["en"][l]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// date writes a day in full, e.g. "jeudi 26 novembre 2026".
func (t text) date(tm time.Time) string {
	return t.get(labDateLong, weekdays[t.lang][tm.Weekday()], tm.Day(), months[t.lang][tm.Month()], tm.Year())
}

// clock writes a time of day on the 24-hour clock, e.g. "14:20".
func clock(tm time.Time) string { return tm.Format("15:04") }

// country names an ISO 3166-1 alpha-2 code in the document's language
// ("DE" → "Allemagne"); an unknown code is shown as given.
func (t text) country(code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		return ""
	}
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	name := display.Regions(language.Make(t.lang)).Name(region)
	if name == "" {
		return code
	}
	return name
}
