package domain

// NotifyModerationNotices is the category of the notices moderation sends
// about one's account or reports: an organisation suspended or reinstated
// (in the app and by email, always), the outcome of a report one filed (in
// the app). Like account and security emails, they cannot be switched off:
// the category is deliberately left out of NotificationCategories and of
// categoryInfo, so that Valid is false for it and neither the preferences
// nor an unsubscribe link can name it; core.Notifications.NotifyAlways
// writes these notices.
const NotifyModerationNotices NotificationCategory = "moderation_notices"
