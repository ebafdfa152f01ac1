package core

import (
	"context"
	"strings"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// NotifyAlways writes n, in tx, as an in-app notification of each of
// userIDs in the category domain.NotifyModerationNotices, whatever their
// preferences, and when email is true queues its email at once, without
// an unsubscribe link: like account emails, a suspension notice is not
// something a user may choose not to receive. n.Category is ignored.
func (s *Notifications) NotifyAlways(ctx context.Context, tx *store.Tx, n Notice, email bool, userIDs ...string) error {
	now := s.now()
	title := truncateRunes(strings.TrimSpace(n.Title), domain.MaxNotificationTitle)
	for _, uid := range userIDs {
		u, err := tx.GetUser(ctx, uid)
		if err != nil {
			return err
		}
		data := make(map[string]any, len(n.Data)+1)
		for k, v := range n.Data {
			data[k] = v
		}
		data["Name"] = u.DisplayName
		rec := domain.Notification{UserID: uid, Category: domain.NotifyModerationNotices, Kind: n.Kind, Title: title, Link: n.Link,
			Data: data, CreatedAt: now, EmailState: domain.EmailNone}
		if email {
			rec.EmailState, rec.EmailedAt = domain.EmailSent, &now
		}
		if _, err := tx.InsertNotification(ctx, rec); err != nil {
			return err
		}
		if email {
			if err := s.mailer.EnqueueEmail(ctx, tx, Email{To: u.Email, Name: u.DisplayName, Kind: n.Kind, Lang: u.Language, Data: data}); err != nil {
				return err
			}
		}
	}
	return nil
}
