package core

import (
	"context"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// NotifyAlways writes n, in tx, as an in-app notification of each of
// userIDs in the category domain.NotifyModerationNotices, whatever their
// preferences, and when email is true queues its email at once, without
// an unsubscribe link: like account emails, a suspension notice is not
// something a user may choose not to receive. n.Category is ignored.
func (s *Notifications) NotifyAlways(ctx context.Context, tx *store.Tx, n Notice, email bool, userIDs ...string) error {
	d := domain.DeliveryOff
	if email {
		d = domain.DeliveryImmediately
	}
	return s.write(ctx, tx, n, domain.NotifyModerationNotices, false,
		func(string) (domain.Delivery, error) { return d, nil }, userIDs)
}
