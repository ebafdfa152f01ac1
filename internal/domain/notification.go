package domain

import "time"

// NotificationCategory groups notifications for the user's choice of
// delivery: each user picks, per category, immediate emails, a daily
// digest or no email (the in-app notification is always written).
// Account and security emails (verification, password, email change,
// invitations) are not notifications: they always go out.
type NotificationCategory string

// The categories, in the order the preferences page lists them.
const (
	// NotifyNewMatchingNeed: a published tender or need matches a
	// supplier's offers (routing).
	NotifyNewMatchingNeed NotificationCategory = "new_matching_need"
	// NotifyTenderInterest: a supplier showed interest in a buyer's tender.
	NotifyTenderInterest NotificationCategory = "tender_interest"
	// NotifyQuestionsAnswers: a question on a tender, or its answer.
	NotifyQuestionsAnswers NotificationCategory = "questions_answers"
	// NotifyResponsesReceived: responses reached a buyer's tender.
	NotifyResponsesReceived NotificationCategory = "responses_received"
	// NotifyListingDecisions: a moderator decided on an offer or a tender.
	NotifyListingDecisions NotificationCategory = "listing_decisions"
	// NotifyVerificationResults: an SSE status was verified or refused.
	NotifyVerificationResults NotificationCategory = "verification_results"
	// NotifyStatusExpiring: an SSE status will soon lapse.
	NotifyStatusExpiring NotificationCategory = "status_expiring"
	// NotifyDeadlineReminders: a tender's deadline is near.
	NotifyDeadlineReminders NotificationCategory = "deadline_reminders"
	// NotifyOutcomeQuestion: a closed tender's buyer is asked how it ended.
	NotifyOutcomeQuestion NotificationCategory = "outcome_question"
	// NotifySavedSearchAlerts: listings published since the last alert
	// match one of the user's saved searches.
	NotifySavedSearchAlerts NotificationCategory = "saved_search_alerts"
	// NotifyConventionMeetings: a meeting request at a business convention
	// was received, answered or expired.
	NotifyConventionMeetings NotificationCategory = "convention_meetings"
)

// NotificationCategories returns every category in a fixed order.
func NotificationCategories() []NotificationCategory {
	return []NotificationCategory{NotifyNewMatchingNeed, NotifyTenderInterest, NotifyQuestionsAnswers,
		NotifyResponsesReceived, NotifyListingDecisions, NotifyVerificationResults, NotifyStatusExpiring,
		NotifyDeadlineReminders, NotifyOutcomeQuestion, NotifySavedSearchAlerts, NotifyConventionMeetings}
}

// Valid reports whether c is one of the categories.
func (c NotificationCategory) Valid() bool {
	_, ok := categoryInfo[c]
	return ok
}

// Label is the category's name in every language, for the preferences
// page and the digest email.
func (c NotificationCategory) Label() Msg { return categoryInfo[c].label }

// DefaultDelivery is the delivery of c for a user who has not chosen:
// matching needs can be many a day, so they wait for the digest; the
// others concern the user's own listings and deadlines and go at once.
func (c NotificationCategory) DefaultDelivery() Delivery { return categoryInfo[c].delivery }

var categoryInfo = map[NotificationCategory]struct {
	label    Msg
	delivery Delivery
}{
	NotifyNewMatchingNeed: {Msg{EN: "New needs matching your offers", FR: "Nouveaux besoins correspondant à vos offres",
		DE: "Neue Bedarfe passend zu Ihren Angeboten", NL: "Nieuwe behoeften die bij uw aanbod passen"}, DeliveryDailyDigest},
	NotifyTenderInterest: {Msg{EN: "Interest in your tenders", FR: "Intérêt pour vos appels d’offres",
		DE: "Interesse an Ihren Ausschreibungen", NL: "Interesse in uw aanbestedingen"}, DeliveryImmediately},
	NotifyQuestionsAnswers: {Msg{EN: "Questions and answers", FR: "Questions et réponses",
		DE: "Fragen und Antworten", NL: "Vragen en antwoorden"}, DeliveryImmediately},
	NotifyResponsesReceived: {Msg{EN: "Responses received", FR: "Réponses reçues",
		DE: "Eingegangene Antworten", NL: "Ontvangen antwoorden"}, DeliveryImmediately},
	NotifyListingDecisions: {Msg{EN: "Moderation decisions on your listings", FR: "Décisions de modération sur vos publications",
		DE: "Moderationsentscheidungen zu Ihren Einträgen", NL: "Moderatiebesluiten over uw publicaties"}, DeliveryImmediately},
	NotifyVerificationResults: {Msg{EN: "Verification results", FR: "Résultats de vérification",
		DE: "Ergebnisse der Prüfung", NL: "Resultaten van de verificatie"}, DeliveryImmediately},
	NotifyStatusExpiring: {Msg{EN: "Statuses about to expire", FR: "Statuts sur le point d’expirer",
		DE: "Bald ablaufende Status", NL: "Statussen die binnenkort verlopen"}, DeliveryImmediately},
	NotifyDeadlineReminders: {Msg{EN: "Deadline reminders", FR: "Rappels d’échéance",
		DE: "Fristerinnerungen", NL: "Herinneringen aan termijnen"}, DeliveryImmediately},
	NotifyOutcomeQuestion: {Msg{EN: "How did your tender end?", FR: "Quelle suite pour votre appel d’offres ?",
		DE: "Wie ging Ihre Ausschreibung aus?", NL: "Hoe is uw aanbesteding afgelopen?"}, DeliveryImmediately},
	// The alert job runs daily at 05:30 UTC, so that by default its
	// notifications join the 06:00 digest: one email a day.
	NotifySavedSearchAlerts: {Msg{EN: "New listings for your saved searches", FR: "Nouvelles annonces pour vos recherches enregistrées",
		DE: "Neue Einträge zu Ihren gespeicherten Suchen", NL: "Nieuwe publicaties voor uw bewaarde zoekopdrachten"}, DeliveryDailyDigest},
	NotifyConventionMeetings: {Msg{EN: "Meeting requests at business conventions", FR: "Demandes de rendez-vous aux rencontres d’affaires",
		DE: "Terminanfragen bei Geschäftstreffen", NL: "Afspraakverzoeken op zakenontmoetingen"}, DeliveryImmediately},
}

// Delivery is how the notifications of a category reach a user by email.
type Delivery string

// The deliveries.
const (
	DeliveryImmediately Delivery = "immediately"
	DeliveryDailyDigest Delivery = "daily_digest"
	DeliveryOff         Delivery = "off"
)

// Valid reports whether d is one of the deliveries.
func (d Delivery) Valid() bool {
	return d == DeliveryImmediately || d == DeliveryDailyDigest || d == DeliveryOff
}

// NotificationEmailState is where a notification's email stands.
type NotificationEmailState string

// The email states.
const (
	// EmailNone: no email (delivery off when it was written).
	EmailNone NotificationEmailState = "none"
	// EmailSent: its own email was queued.
	EmailSent NotificationEmailState = "sent"
	// EmailDigestPending: waits for the next daily digest.
	EmailDigestPending NotificationEmailState = "digest_pending"
	// EmailDigested: went out in a digest.
	EmailDigested NotificationEmailState = "digested"
)

// Limits of a notification's texts.
const (
	MaxNotificationTitle = 500
	MaxNotificationLink  = 2000
)

// Notification is one thing a user should know of.
type Notification struct {
	ID       string
	UserID   string
	Category NotificationCategory
	// Kind names the event (and the template of its immediate email).
	Kind string
	// Title is one line in the recipient's language; Link opens the subject.
	Title string
	Link  string
	// Data is the event's details (the immediate email's template data).
	Data       map[string]any
	CreatedAt  time.Time
	ReadAt     *time.Time
	EmailState NotificationEmailState
	EmailedAt  *time.Time
}

// NotificationPreference is a user's delivery for one category; Default
// tells that the user never chose and Delivery is the category's default.
type NotificationPreference struct {
	Category NotificationCategory
	Delivery Delivery
	Default  bool
}
