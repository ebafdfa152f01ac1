package core

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Notifications writes in-app notifications and emails them according to
// each user's preference per category: at once, in a daily digest, or not
// at all. Other use cases call Notify in their own transaction, so that a
// notification and its email exist exactly when the change does.
type Notifications struct {
	st     *store.Store
	mailer Mailer
	now    Clock
	cfg    NotificationsConfig
}

// NotificationsConfig holds the settings of the notifications.
type NotificationsConfig struct {
	// PublicURL prefixes the links sent by email (unsubscribe, digest).
	PublicURL string
	// SecretKey signs the unsubscribe links (PASSERELLE_SECRET_KEY). It
	// must not change, or every link sent before stops working.
	SecretKey []byte
}

// NewNotifications builds the notification use cases.
func NewNotifications(st *store.Store, mailer Mailer, now Clock, cfg NotificationsConfig) *Notifications {
	if now == nil {
		now = time.Now
	}
	return &Notifications{st: st, mailer: mailer, now: now, cfg: cfg}
}

// Link is the absolute URL of path in the web app, for a Notice.
func (s *Notifications) Link(path string) string {
	return strings.TrimRight(s.cfg.PublicURL, "/") + path
}

// Notice is one event to tell users of.
type Notice struct {
	Category domain.NotificationCategory
	// Kind is the mail template of the immediate email (internal/mail
	// Kind); the app picks its wording by it too.
	Kind string
	// Title is one line in the recipient's language (shown in the app and
	// in the digest), cut to domain.MaxNotificationTitle; Link is the
	// absolute URL it opens.
	Title string
	Link  string
	// Data is the immediate email's template data; "Name" is filled with
	// the recipient's display name.
	Data map[string]any
}

// Notify writes n, in tx, as a notification of each of userIDs and, per
// each user's delivery for n.Category, queues its email now (immediately),
// leaves it for the daily digest, or sends none (off). Callers whose text
// depends on the recipient's language call it once per recipient.
func (s *Notifications) Notify(ctx context.Context, tx *store.Tx, n Notice, userIDs ...string) error {
	if !n.Category.Valid() {
		return fmt.Errorf("core: notify: unknown category %q", n.Category)
	}
	return s.write(ctx, tx, n, n.Category, true, func(uid string) (domain.Delivery, error) {
		return tx.NotificationDelivery(ctx, uid, n.Category)
	}, userIDs)
}

// write writes n as a notification of category to each of userIDs and
// delivers its email as delivery says for each; optional emails (those the
// user chose) carry the category's one-click unsubscribe.
func (s *Notifications) write(ctx context.Context, tx *store.Tx, n Notice, category domain.NotificationCategory, optional bool,
	delivery func(userID string) (domain.Delivery, error), userIDs []string) error {
	now := s.now()
	title := truncateRunes(strings.TrimSpace(n.Title), domain.MaxNotificationTitle)
	for _, uid := range userIDs {
		u, err := tx.GetUser(ctx, uid)
		if err != nil {
			return err
		}
		d, err := delivery(uid)
		if err != nil {
			return err
		}
		data := make(map[string]any, len(n.Data)+1)
		for k, v := range n.Data {
			data[k] = v
		}
		data["Name"] = u.DisplayName
		rec := domain.Notification{UserID: uid, Category: category, Kind: n.Kind, Title: title, Link: n.Link, Data: data, CreatedAt: now}
		switch d {
		case domain.DeliveryImmediately:
			rec.EmailState, rec.EmailedAt = domain.EmailSent, &now
		case domain.DeliveryDailyDigest:
			rec.EmailState = domain.EmailDigestPending
		default:
			rec.EmailState = domain.EmailNone
		}
		if _, err := tx.InsertNotification(ctx, rec); err != nil {
			return err
		}
		if d != domain.DeliveryImmediately {
			continue
		}
		e := Email{To: u.Email, Name: u.DisplayName, Kind: n.Kind, Lang: u.Language, Data: data}
		if optional {
			e.Unsubscribe = s.unsubscribe(uid, string(category), category.Label(), u.Language)
		}
		if err := s.mailer.EnqueueEmail(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

// noticeExcerpt bounds a free text (a question, an answer) quoted in a
// notification: its data is at most 16 KiB of JSON, where a character
// may take six bytes (\u003c), and the email links to the whole text.
const noticeExcerpt = 1000

// NotifyMembers writes, in tx, a notification to each member of orgIDs
// who can receive one (store.Tx.NotifiableMembers: one query), each built
// for that member by notice (its language).
func (s *Notifications) NotifyMembers(ctx context.Context, tx *store.Tx, notice func(store.Recipient) Notice, orgIDs ...string) error {
	members, err := tx.NotifiableMembers(ctx, orgIDs...)
	if err != nil {
		return err
	}
	for _, r := range members {
		if err := s.Notify(ctx, tx, notice(r), r.UserID); err != nil {
			return err
		}
	}
	return nil
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// DefaultNotificationPageSize and MaxNotificationPageSize bound a page.
const (
	DefaultNotificationPageSize = 20
	MaxNotificationPageSize     = 100
)

var msgNotificationLimit = domain.Msg{
	EN: "must be between 1 and %d", FR: "doit être compris entre 1 et %d",
	DE: "muss zwischen 1 und %d liegen", NL: "moet tussen 1 en %d liggen",
}

// List returns a page of the signed-in user's notifications, newest first.
func (s *Notifications) List(ctx context.Context, p domain.Principal, unreadOnly bool, cursor string, limit int) ([]domain.Notification, string, error) {
	if p.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if limit == 0 {
		limit = DefaultNotificationPageSize
	}
	if limit < 1 || limit > MaxNotificationPageSize {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.limit", "out_of_range", msgNotificationLimit.With(MaxNotificationPageSize))
		return nil, "", ve
	}
	return s.st.ListNotificationsPage(ctx, p.UserID, unreadOnly, cursor, int32(limit))
}

// UnreadCount counts the signed-in user's unread notifications.
func (s *Notifications) UnreadCount(ctx context.Context, p domain.Principal) (int64, error) {
	if p.Anonymous() {
		return 0, domain.ErrUnauthenticated
	}
	return s.st.CountUnreadNotifications(ctx, p.UserID)
}

// MarkRead marks one of the signed-in user's notifications read; another
// user's is domain.ErrNotFound.
func (s *Notifications) MarkRead(ctx context.Context, p domain.Principal, id string) (domain.Notification, error) {
	if p.Anonymous() {
		return domain.Notification{}, domain.ErrUnauthenticated
	}
	return s.st.MarkNotificationRead(ctx, p.UserID, id, s.now())
}

// MarkAllRead marks every notification of the signed-in user read and
// returns how many were unread.
func (s *Notifications) MarkAllRead(ctx context.Context, p domain.Principal) (int64, error) {
	if p.Anonymous() {
		return 0, domain.ErrUnauthenticated
	}
	return s.st.MarkAllNotificationsRead(ctx, p.UserID, s.now())
}

// Preferences returns the signed-in user's delivery for every category.
func (s *Notifications) Preferences(ctx context.Context, p domain.Principal) ([]domain.NotificationPreference, error) {
	if p.Anonymous() {
		return nil, domain.ErrUnauthenticated
	}
	return s.st.NotificationPreferences(ctx, p.UserID)
}

var (
	msgUnknownCategory = domain.Msg{
		EN: "%q is not a notification category", FR: "%q n’est pas une catégorie de notification",
		DE: "%q ist keine Benachrichtigungskategorie", NL: "%q is geen meldingscategorie",
	}
	msgUnknownDelivery = domain.Msg{
		EN: "%q is not a delivery: use immediately, daily_digest or off", FR: "%q n’est pas un mode d’envoi : utilisez immediately, daily_digest ou off",
		DE: "%q ist keine Zustellart: verwenden Sie immediately, daily_digest oder off", NL: "%q is geen bezorgwijze: gebruik immediately, daily_digest of off",
	}
)

// SetPreferences records the signed-in user's delivery for the categories
// given (the others keep theirs) and returns them all. An unknown category
// or delivery is a field error under body.preferences.<category>; nothing
// is written then.
func (s *Notifications) SetPreferences(ctx context.Context, actor Actor, p domain.Principal, prefs map[string]string) ([]domain.NotificationPreference, error) {
	if p.Anonymous() {
		return nil, domain.ErrUnauthenticated
	}
	ve := &domain.ValidationError{}
	for c, d := range prefs {
		field := "body.preferences." + c
		if !domain.NotificationCategory(c).Valid() {
			ve.AddLocalized(field, "invalid", msgUnknownCategory.With(c))
		} else if !domain.Delivery(d).Valid() {
			ve.AddLocalized(field, "invalid", msgUnknownDelivery.With(d))
		}
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		for _, c := range domain.NotificationCategories() { // a fixed order: no deadlock between two requests
			d, ok := prefs[string(c)]
			if !ok {
				continue
			}
			if err := tx.SetNotificationPreference(ctx, p.UserID, c, domain.Delivery(d), now); err != nil {
				return err
			}
		}
		after := make(map[string]any, len(prefs))
		for c, d := range prefs {
			after[c] = d
		}
		return writeAudit(ctx, tx, actor, "notification_preferences.updated", "user", p.UserID, "", nil, after)
	})
	if err != nil {
		return nil, err
	}
	return s.st.NotificationPreferences(ctx, p.UserID)
}

// digestScope is what a digest email's unsubscribe link switches off:
// every category the user receives as a digest.
const digestScope = "daily_digest"

var msgDigestLabel = domain.Msg{EN: "Daily summary", FR: "Récapitulatif quotidien", DE: "Tägliche Zusammenfassung", NL: "Dagelijks overzicht"}

// unsubscribe builds the one-click unsubscribe of an email to userID about
// scope (a category, or digestScope).
func (s *Notifications) unsubscribe(userID, scope string, label domain.Msg, lang domain.Language) *EmailUnsubscribe {
	return &EmailUnsubscribe{
		Link:     strings.TrimRight(s.cfg.PublicURL, "/") + "/api/v1/unsubscribe?token=" + url.QueryEscape(s.UnsubscribeToken(userID, scope)),
		Category: label.With()[lang],
	}
}

// UnsubscribeToken signs (userID, scope) with the secret key. The token
// does not expire: RFC 8058 expects an unsubscribe link to keep working,
// and all it can do is turn emails off. It is "payload.mac", both base64url.
func (s *Notifications) UnsubscribeToken(userID, scope string) string {
	payload := userID + "|" + scope
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + base64.RawURLEncoding.EncodeToString(s.mac(payload))
}

func (s *Notifications) mac(payload string) []byte {
	m := hmac.New(sha256.New, s.cfg.SecretKey)
	m.Write([]byte("passerelle unsubscribe v1\x00" + payload)) // a purpose prefix: the key may sign other things later
	return m.Sum(nil)
}

var msgUnsubscribeInvalid = domain.Msg{
	EN: "this unsubscribe link is not valid: open the notification settings instead",
	FR: "ce lien de désinscription n’est pas valide : ouvrez plutôt vos préférences de notification",
	DE: "dieser Abmeldelink ist ungültig: öffnen Sie stattdessen Ihre Benachrichtigungseinstellungen",
	NL: "deze afmeldlink is niet geldig: open in plaats daarvan uw meldingsinstellingen",
}

// UnsubscribeTarget is what an unsubscribe token names.
type UnsubscribeTarget struct {
	UserID string
	// Categories are those the token switches off: one, or for a digest
	// every category the user receives as a digest.
	Categories []domain.NotificationCategory
	// Label is the category's (or the digest's) name in every language.
	Label domain.Msg
	// Digest tells that the token came from a digest email.
	Digest bool
}

// CheckUnsubscribe verifies token and tells what it would switch off; a
// forged, altered or malformed token is a field error on query.token.
func (s *Notifications) CheckUnsubscribe(ctx context.Context, token string) (UnsubscribeTarget, error) {
	invalid := func() (UnsubscribeTarget, error) {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.token", "invalid", msgUnsubscribeInvalid.With())
		return UnsubscribeTarget{}, ve
	}
	if len(s.cfg.SecretKey) == 0 || len(token) > 512 {
		return invalid()
	}
	rawPayload, rawMAC, ok := strings.Cut(token, ".")
	payload, err1 := base64.RawURLEncoding.DecodeString(rawPayload)
	mac, err2 := base64.RawURLEncoding.DecodeString(rawMAC)
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, s.mac(string(payload))) {
		return invalid()
	}
	userID, scope, _ := strings.Cut(string(payload), "|")
	if _, err := s.st.GetUser(ctx, userID); err != nil {
		return invalid() // the account was deleted since
	}
	if scope == digestScope {
		prefs, err := s.st.NotificationPreferences(ctx, userID)
		if err != nil {
			return UnsubscribeTarget{}, err
		}
		t := UnsubscribeTarget{UserID: userID, Label: msgDigestLabel, Digest: true}
		for _, p := range prefs {
			if p.Delivery == domain.DeliveryDailyDigest {
				t.Categories = append(t.Categories, p.Category)
			}
		}
		return t, nil
	}
	c := domain.NotificationCategory(scope)
	if !c.Valid() {
		return invalid() // signed by us for a category since removed
	}
	return UnsubscribeTarget{UserID: userID, Categories: []domain.NotificationCategory{c}, Label: c.Label()}, nil
}

// Unsubscribe switches off, without sign-in, what token names. Doing it
// twice is harmless.
func (s *Notifications) Unsubscribe(ctx context.Context, actor Actor, token string) (UnsubscribeTarget, error) {
	t, err := s.CheckUnsubscribe(ctx, token)
	if err != nil {
		return t, err
	}
	now := s.now()
	actor.UserID = t.UserID // the link's owner: the only one who could have received it
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		after := map[string]any{}
		for _, c := range t.Categories {
			if err := tx.SetNotificationPreference(ctx, t.UserID, c, domain.DeliveryOff, now); err != nil {
				return err
			}
			after[string(c)] = string(domain.DeliveryOff)
		}
		return writeAudit(ctx, tx, actor, "notification_preferences.unsubscribed", "user", t.UserID, "", nil, after)
	})
	return t, err
}

// DigestBatch is how many users one query of SendDigests fetches.
const DigestBatch = 200

// SendDigests queues, for each user with notifications waiting for the
// digest, one email gathering them, and marks them digested in the same
// transaction. A user gets at most one digest per day (UTC): one already
// queued today leaves the new notifications for tomorrow's. Notifications
// of a category switched off since they were written are dropped from
// email (they stay in the app). It returns how many digests were queued.
func (s *Notifications) SendDigests(ctx context.Context) (int, error) {
	sent, after := 0, ""
	for {
		users, err := s.st.UsersWithPendingDigest(ctx, after, DigestBatch)
		if err != nil {
			return sent, err
		}
		for _, uid := range users {
			ok, err := s.digestOne(ctx, uid)
			if err != nil {
				return sent, fmt.Errorf("digest of user %s: %w", uid, err)
			}
			if ok {
				sent++
			}
		}
		if len(users) < DigestBatch {
			return sent, nil
		}
		after = users[len(users)-1]
	}
}

func (s *Notifications) digestOne(ctx context.Context, userID string) (bool, error) {
	now := s.now()
	queued := false
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		pending, err := tx.LockPendingDigest(ctx, userID)
		if err != nil || len(pending) == 0 {
			return err // another run took them meanwhile
		}
		u, err := tx.GetUser(ctx, userID)
		if err != nil {
			return err
		}
		var keep, drop []string
		var items []map[string]any
		for _, n := range pending {
			d, err := tx.NotificationDelivery(ctx, userID, n.Category)
			if err != nil {
				return err
			}
			if d == domain.DeliveryOff {
				drop = append(drop, n.ID)
				continue
			}
			keep = append(keep, n.ID)
			items = append(items, map[string]any{"Category": n.Category.Label().With()[u.Language], "Title": n.Title, "Link": n.Link})
		}
		if len(drop) > 0 {
			if err := tx.SetNotificationsEmailState(ctx, drop, domain.EmailNone, nil); err != nil {
				return err
			}
		}
		if len(keep) == 0 {
			return nil
		}
		claimed, err := tx.ClaimNotificationDigest(ctx, userID, now.UTC(), now, len(keep))
		if err != nil || !claimed {
			return err // today's digest went out already: these wait for tomorrow's
		}
		if err := tx.SetNotificationsEmailState(ctx, keep, domain.EmailDigested, &now); err != nil {
			return err
		}
		queued = true
		return s.mailer.EnqueueEmail(ctx, tx, Email{To: u.Email, Name: u.DisplayName, Kind: "notification_digest", Lang: u.Language,
			Data:        map[string]any{"Name": u.DisplayName, "Items": items, "Link": strings.TrimRight(s.cfg.PublicURL, "/") + "/workspace/account/notifications"},
			Unsubscribe: s.unsubscribe(userID, digestScope, msgDigestLabel, u.Language)})
	})
	return queued && err == nil, err
}
