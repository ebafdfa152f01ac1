package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// InsertNotification writes n (its ID is made here) and returns it as stored.
func (t *Tx) InsertNotification(ctx context.Context, n domain.Notification) (domain.Notification, error) {
	uid, err := parseID("user_id", n.UserID)
	if err != nil {
		return domain.Notification{}, err
	}
	data := n.Data
	if data == nil {
		data = map[string]any{}
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return domain.Notification{}, fmt.Errorf("store: notification data: %w", err)
	}
	row, err := t.q.InsertNotification(ctx, sqlc.InsertNotificationParams{
		ID: uuid.MustParse(NewID()), UserID: uid, Category: string(n.Category), Kind: n.Kind, Title: n.Title, Link: n.Link,
		Data: raw, CreatedAt: n.CreatedAt, EmailState: string(n.EmailState), EmailedAt: n.EmailedAt,
	})
	if err != nil {
		return domain.Notification{}, mapError(err)
	}
	return notificationFromRow(row), nil
}

func notificationFromRow(r sqlc.Notification) domain.Notification {
	data := map[string]any{}
	// The column is written only by InsertNotification from a map: a
	// decoding failure cannot happen short of a hand edit, and then an
	// empty map is the honest answer.
	_ = json.Unmarshal(r.Data, &data)
	return domain.Notification{
		ID: r.ID.String(), UserID: r.UserID.String(), Category: domain.NotificationCategory(r.Category), Kind: r.Kind,
		Title: r.Title, Link: r.Link, Data: data, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt,
		EmailState: domain.NotificationEmailState(r.EmailState), EmailedAt: r.EmailedAt,
	}
}

// ListNotificationsPage returns a page of userID's notifications, newest
// first (only the unread ones when unreadOnly), and the cursor of the next
// page ("" at the end).
func (s *Store) ListNotificationsPage(ctx context.Context, userID string, unreadOnly bool, cursor string, limit int32) (page []domain.Notification, next string, err error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return []domain.Notification{}, "", nil
	}
	before, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	at, id := descendingFrom(before)
	rows, err := s.q.ListNotificationsPage(ctx, sqlc.ListNotificationsPageParams{
		UserID: uid, UnreadOnly: unreadOnly, BeforeCreatedAt: at, BeforeID: id, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.Notification) string { return encodeCursor(r.CreatedAt, r.ID) })
	page = make([]domain.Notification, len(rows))
	for i, r := range rows {
		page[i] = notificationFromRow(r)
	}
	return page, next, nil
}

// CountUnreadNotifications counts userID's unread notifications.
func (s *Store) CountUnreadNotifications(ctx context.Context, userID string) (int64, error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return 0, nil
	}
	n, err := s.q.CountUnreadNotifications(ctx, uid)
	return n, mapError(err)
}

// MarkNotificationRead marks one of userID's notifications read at at (a
// notification read before keeps its first time). Another user's
// notification, or an id that is none, is domain.ErrNotFound.
func (s *Store) MarkNotificationRead(ctx context.Context, userID, id string, at time.Time) (domain.Notification, error) {
	uid, err1 := uuid.Parse(userID)
	nid, err2 := uuid.Parse(id)
	if err1 != nil || err2 != nil {
		return domain.Notification{}, domain.ErrNotFound
	}
	row, err := s.q.MarkNotificationRead(ctx, sqlc.MarkNotificationReadParams{ID: nid, UserID: uid, ReadAt: &at})
	if err != nil {
		return domain.Notification{}, mapError(err)
	}
	return notificationFromRow(row), nil
}

// MarkAllNotificationsRead marks every unread notification of userID read
// and returns how many there were.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, userID string, at time.Time) (int64, error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return 0, nil
	}
	n, err := s.q.MarkAllNotificationsRead(ctx, sqlc.MarkAllNotificationsReadParams{UserID: uid, ReadAt: &at})
	return n, mapError(err)
}

// NotificationPreferences returns userID's delivery for every category,
// in domain.NotificationCategories order, defaults filled in.
func (s *Store) NotificationPreferences(ctx context.Context, userID string) ([]domain.NotificationPreference, error) {
	uid, err := uuid.Parse(userID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	rows, err := s.q.ListNotificationPreferences(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	chosen := make(map[domain.NotificationCategory]domain.Delivery, len(rows))
	for _, r := range rows {
		chosen[domain.NotificationCategory(r.Category)] = domain.Delivery(r.Delivery)
	}
	out := make([]domain.NotificationPreference, 0, len(domain.NotificationCategories()))
	for _, c := range domain.NotificationCategories() {
		d, ok := chosen[c]
		if !ok {
			d = c.DefaultDelivery()
		}
		out = append(out, domain.NotificationPreference{Category: c, Delivery: d, Default: !ok})
	}
	return out, nil
}

// NotificationDelivery returns userID's delivery for category, its default
// when the user never chose.
func (t *Tx) NotificationDelivery(ctx context.Context, userID string, category domain.NotificationCategory) (domain.Delivery, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return "", err
	}
	d, err := t.q.GetNotificationDelivery(ctx, sqlc.GetNotificationDeliveryParams{UserID: uid, Category: string(category)})
	if errors.Is(err, pgx.ErrNoRows) {
		return category.DefaultDelivery(), nil
	}
	if err != nil {
		return "", mapError(err)
	}
	return domain.Delivery(d), nil
}

// SetNotificationPreference records userID's delivery for category.
func (t *Tx) SetNotificationPreference(ctx context.Context, userID string, category domain.NotificationCategory, d domain.Delivery, at time.Time) error {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return err
	}
	return mapError(t.q.UpsertNotificationPreference(ctx, sqlc.UpsertNotificationPreferenceParams{
		UserID: uid, Category: string(category), Delivery: string(d), UpdatedAt: at,
	}))
}

// UsersWithPendingDigest returns up to limit ids of users with
// notifications waiting for a digest, in id order after afterUserID ("" to
// start).
func (s *Store) UsersWithPendingDigest(ctx context.Context, afterUserID string, limit int32) ([]string, error) {
	after := uuid.Nil
	if afterUserID != "" {
		var err error
		if after, err = uuid.Parse(afterUserID); err != nil {
			return nil, err
		}
	}
	ids, err := s.q.ListUsersWithPendingDigest(ctx, sqlc.ListUsersWithPendingDigestParams{AfterUserID: after, RowLimit: limit})
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out, nil
}

// LockPendingDigest returns userID's notifications waiting for a digest,
// oldest first, locked until tx ends.
func (t *Tx) LockPendingDigest(ctx context.Context, userID string) ([]domain.Notification, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return nil, err
	}
	rows, err := t.q.LockPendingDigestNotifications(ctx, uid)
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]domain.Notification, len(rows))
	for i, r := range rows {
		out[i] = notificationFromRow(r)
	}
	return out, nil
}

// ClaimNotificationDigest records that userID's digest of day (a date, its
// clock ignored) is queued with items notifications; false when that
// day's digest already was, in which case nothing is written.
func (t *Tx) ClaimNotificationDigest(ctx context.Context, userID string, day, at time.Time, items int) (bool, error) {
	uid, err := parseID("user_id", userID)
	if err != nil {
		return false, err
	}
	n, err := t.q.ClaimNotificationDigest(ctx, sqlc.ClaimNotificationDigestParams{
		UserID: uid, Day: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC), QueuedAt: at, Items: int32(items),
	})
	if err != nil {
		return false, mapError(err)
	}
	return n == 1, nil
}

// SetNotificationsEmailState moves the notifications ids to state;
// emailedAt must be set for sent and digested, nil otherwise.
func (t *Tx) SetNotificationsEmailState(ctx context.Context, ids []string, state domain.NotificationEmailState, emailedAt *time.Time) error {
	uids := make([]uuid.UUID, len(ids))
	for i, id := range ids {
		u, err := parseID("id", id)
		if err != nil {
			return err
		}
		uids[i] = u
	}
	return mapError(t.q.SetNotificationsEmailState(ctx, sqlc.SetNotificationsEmailStateParams{
		Ids: uids, EmailState: string(state), EmailedAt: emailedAt,
	}))
}

// GetUser returns one user, read in t (so a user created in the same
// transaction is seen), or domain.ErrNotFound.
func (t *Tx) GetUser(ctx context.Context, id string) (domain.User, error) {
	uid, err := parseID("id", id)
	if err != nil {
		return domain.User{}, domain.ErrNotFound
	}
	row, err := t.q.GetUser(ctx, uid)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return userFromRow(row), nil
}
