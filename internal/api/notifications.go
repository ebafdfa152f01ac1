package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// NotificationBody is one in-app notification.
type NotificationBody struct {
	ID       string         `json:"id" format:"uuid" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f10"`
	Category string         `json:"category" enum:"new_matching_need,tender_interest,questions_answers,responses_received,listing_decisions,verification_results,status_expiring,deadline_reminders,outcome_question,saved_search_alerts,moderation_notices" example:"listing_decisions"`
	Kind     string         `json:"kind" doc:"The event; the app picks its wording by it" example:"listing_decision"`
	Title    string         `json:"title" doc:"One line in the recipient's language" example:"Your offer “Office cleaning” is published"`
	Link     string         `json:"link" doc:"What the notification is about" example:"https://passerelle.example/offers/0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f11"`
	Data     map[string]any `json:"data" doc:"The event's details"`
	// Read is when the user read it; absent while unread.
	ReadAt     *time.Time `json:"read_at,omitempty" doc:"Absent while unread"`
	CreatedAt  time.Time  `json:"created_at" example:"2026-11-26T08:00:00Z"`
	EmailState string     `json:"email_state" enum:"none,sent,digest_pending,digested" doc:"none: not emailed (delivery off); sent: emailed on its own; digest_pending: waits for the daily digest; digested: went out in a digest" example:"sent"`
}

func notificationBody(n domain.Notification) NotificationBody {
	return NotificationBody{ID: n.ID, Category: string(n.Category), Kind: n.Kind, Title: n.Title, Link: n.Link, Data: n.Data,
		ReadAt: n.ReadAt, CreatedAt: n.CreatedAt, EmailState: string(n.EmailState)}
}

// NotificationListInput selects a page of the user's notifications.
type NotificationListInput struct {
	Unread bool   `query:"unread" doc:"Only the unread ones" example:"true"`
	Cursor string `query:"cursor" maxLength:"200" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size (default 20, at most 100)" example:"20"`
}

// NotificationListOutput is a page of notifications, newest first.
type NotificationListOutput struct {
	Body struct {
		Items      []NotificationBody `json:"items"`
		NextCursor string             `json:"next_cursor" doc:"Empty after the last page"`
	}
}

// NotificationIDInput names one of the user's notifications.
type NotificationIDInput struct {
	ID string `path:"id" maxLength:"36" doc:"The notification's id" example:"0193b0f4-7c1e-7d3a-9f5e-2b8c4d6e8f10"`
}

// NotificationOutput is one notification.
type NotificationOutput struct {
	Body NotificationBody
}

// UnreadCountOutput counts unread notifications.
type UnreadCountOutput struct {
	Body struct {
		Unread int64 `json:"unread" example:"3"`
	}
}

// ReadAllOutput tells how many notifications were marked read.
type ReadAllOutput struct {
	Body struct {
		Marked int64 `json:"marked" doc:"How many were unread" example:"3"`
	}
}

// PreferenceBody is the delivery of one category.
type PreferenceBody struct {
	Category string `json:"category" example:"listing_decisions"`
	Label    string `json:"label" doc:"The category's name in the caller's language" example:"Moderation decisions on your listings"`
	Delivery string `json:"delivery" enum:"immediately,daily_digest,off" example:"immediately"`
	Default  bool   `json:"default" doc:"True while the user has not chosen: delivery is the category's default" example:"true"`
}

// PreferencesOutput lists the delivery of every category.
type PreferencesOutput struct {
	Body struct {
		Preferences []PreferenceBody `json:"preferences"`
	}
}

// LanguageInput reads the language of the labels.
type LanguageInput struct {
	AcceptLanguage string `header:"Accept-Language" doc:"Language of the labels" example:"fr"`
}

// PreferencesInput changes the delivery of some categories.
type PreferencesInput struct {
	AcceptLanguage string `header:"Accept-Language" doc:"Language of the labels" example:"fr"`
	Body           struct {
		Preferences map[string]string `json:"preferences" maxProperties:"20" doc:"Category → immediately, daily_digest or off; categories left out keep theirs" example:"{\"new_matching_need\":\"daily_digest\",\"listing_decisions\":\"off\"}"`
	}
}

// UnsubscribeInput carries the signed token of an unsubscribe link.
type UnsubscribeInput struct {
	AcceptLanguage string `header:"Accept-Language" doc:"Language of the label" example:"fr"`
	Token          string `query:"token" required:"true" maxLength:"512" doc:"The token of the link in the email" example:"MDE5M2IwZjQtN2MxZS03ZDNhLTlmNWUtMmI4YzRkNmU4ZjEwfGxpc3RpbmdfZGVjaXNpb25z.aB3xQ9…"`
}

// UnsubscribeOutput tells what the link switches (or switched) off.
type UnsubscribeOutput struct {
	Body struct {
		Label      string   `json:"label" doc:"The category's (or the daily summary's) name in the caller's language" example:"Moderation decisions on your listings"`
		Categories []string `json:"categories" doc:"The categories concerned" example:"[\"listing_decisions\"]"`
		Digest     bool     `json:"digest" doc:"True for a daily summary's link: every category delivered as a summary" example:"false"`
		Done       bool     `json:"done" doc:"True once they are switched off (POST)" example:"true"`
	}
}

func unsubscribeOutput(ctx context.Context, accept string, t core.UnsubscribeTarget, done bool) *UnsubscribeOutput {
	out := &UnsubscribeOutput{}
	out.Body.Label = t.Label.With()[requestLanguage(ctx, accept)]
	out.Body.Categories = make([]string, len(t.Categories))
	for i, c := range t.Categories {
		out.Body.Categories[i] = string(c)
	}
	out.Body.Digest, out.Body.Done = t.Digest, done
	return out
}

func preferencesOutput(ctx context.Context, accept string, prefs []domain.NotificationPreference) *PreferencesOutput {
	out := &PreferencesOutput{}
	lang := requestLanguage(ctx, accept)
	out.Body.Preferences = make([]PreferenceBody, len(prefs))
	for i, p := range prefs {
		out.Body.Preferences[i] = PreferenceBody{Category: string(p.Category), Label: p.Category.Label().With()[lang],
			Delivery: string(p.Delivery), Default: p.Default}
	}
	return out
}

func registerNotifications(r *routes, notes *core.Notifications) {
	tag := []string{"Notifications"}
	handle(r, SignedIn, huma.Operation{OperationID: "list-notifications", Method: http.MethodGet, Path: "/api/v1/me/notifications", Tags: tag,
		Summary:     "Your notifications",
		Description: "Newest first, paginated with next_cursor; unread=true keeps the unread ones only."},
		func(ctx context.Context, in *NotificationListInput) (*NotificationListOutput, error) {
			page, next, err := notes.List(ctx, authFrom(ctx).principal, in.Unread, in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &NotificationListOutput{}
			out.Body.Items = make([]NotificationBody, len(page))
			for i, n := range page {
				out.Body.Items[i] = notificationBody(n)
			}
			out.Body.NextCursor = next
			return out, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "count-unread-notifications", Method: http.MethodGet, Path: "/api/v1/me/notifications/unread-count", Tags: tag,
		Summary: "How many notifications you have not read", Description: "For the badge on the bell; cheap enough to poll."},
		func(ctx context.Context, _ *struct{}) (*UnreadCountOutput, error) {
			n, err := notes.UnreadCount(ctx, authFrom(ctx).principal)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &UnreadCountOutput{}
			out.Body.Unread = n
			return out, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "read-notification", Method: http.MethodPost, Path: "/api/v1/me/notifications/{id}/read", Tags: tag,
		Summary:     "Mark a notification read",
		Description: "Marking it again keeps the first time. Another user's notification is 404."},
		func(ctx context.Context, in *NotificationIDInput) (*NotificationOutput, error) {
			n, err := notes.MarkRead(ctx, authFrom(ctx).principal, in.ID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &NotificationOutput{Body: notificationBody(n)}, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "read-all-notifications", Method: http.MethodPost, Path: "/api/v1/me/notifications/read-all", Tags: tag,
		Summary: "Mark every notification read", Description: "Returns how many were unread."},
		func(ctx context.Context, _ *struct{}) (*ReadAllOutput, error) {
			n, err := notes.MarkAllRead(ctx, authFrom(ctx).principal)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &ReadAllOutput{}
			out.Body.Marked = n
			return out, nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "get-notification-preferences", Method: http.MethodGet, Path: "/api/v1/me/notification-preferences", Tags: tag,
		Summary:     "How your notifications are emailed",
		Description: "Every category with its delivery: immediately, daily_digest or off (the in-app notification is always written). Account and security emails are not notifications and always go out."},
		func(ctx context.Context, in *LanguageInput) (*PreferencesOutput, error) {
			prefs, err := notes.Preferences(ctx, authFrom(ctx).principal)
			if err != nil {
				return nil, toHTTP(err)
			}
			return preferencesOutput(ctx, in.AcceptLanguage, prefs), nil
		})
	handle(r, SignedIn, huma.Operation{OperationID: "set-notification-preferences", Method: http.MethodPut, Path: "/api/v1/me/notification-preferences", Tags: tag,
		Summary:     "Choose how your notifications are emailed",
		Description: "Sets the delivery of the categories given; the others keep theirs. An unknown category or delivery is a 422 naming each, and nothing changes."},
		func(ctx context.Context, in *PreferencesInput) (*PreferencesOutput, error) {
			prefs, err := notes.SetPreferences(ctx, actorFrom(ctx), authFrom(ctx).principal, in.Body.Preferences)
			if err != nil {
				return nil, toHTTP(err)
			}
			return preferencesOutput(ctx, in.AcceptLanguage, prefs), nil
		})
	handle(r, Public, huma.Operation{OperationID: "check-unsubscribe", Method: http.MethodGet, Path: "/api/v1/unsubscribe", Tags: tag,
		Summary:     "What an unsubscribe link would switch off",
		Description: "Without sign-in. Changes nothing (link scanners follow GET links): the page asks for confirmation, then POSTs. A forged or altered token is a 422."},
		func(ctx context.Context, in *UnsubscribeInput) (*UnsubscribeOutput, error) {
			t, err := notes.CheckUnsubscribe(ctx, in.Token)
			if err != nil {
				return nil, toHTTP(err)
			}
			return unsubscribeOutput(ctx, in.AcceptLanguage, t, false), nil
		})
	handle(r, Public, huma.Operation{OperationID: "unsubscribe", Method: http.MethodPost, Path: "/api/v1/unsubscribe", Tags: tag,
		Summary:     "Stop the emails of one category, from the link in an email",
		Description: "Without sign-in, with the signed token of the email's link: the category (or, from a daily summary, every category delivered as one) is switched off. This is the RFC 8058 one-click target of List-Unsubscribe; any body is ignored. A forged or altered token is a 422."},
		func(ctx context.Context, in *UnsubscribeInput) (*UnsubscribeOutput, error) {
			t, err := notes.Unsubscribe(ctx, actorFrom(ctx), in.Token)
			if err != nil {
				return nil, toHTTP(err)
			}
			return unsubscribeOutput(ctx, in.AcceptLanguage, t, true), nil
		})
}
