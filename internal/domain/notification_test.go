package domain

import "testing"

// Every category has a name in every language and a valid default, and
// the list of categories and the table agree, so that a category added to
// one place only fails here rather than showing an empty label.
func TestNotificationCategories(t *testing.T) {
	seen := map[NotificationCategory]bool{}
	for _, c := range NotificationCategories() {
		if seen[c] {
			t.Errorf("%s listed twice", c)
		}
		seen[c] = true
		if !c.Valid() {
			t.Errorf("%s is listed but not valid", c)
		}
		l := c.Label()
		if l.EN == "" || l.FR == "" || l.DE == "" || l.NL == "" {
			t.Errorf("%s lacks a label in some language: %+v", c, l)
		}
		if !c.DefaultDelivery().Valid() {
			t.Errorf("%s has no valid default delivery", c)
		}
	}
	if len(seen) != len(categoryInfo) {
		t.Errorf("%d categories listed, %d described", len(seen), len(categoryInfo))
	}
	if NotificationCategory("account").Valid() || Delivery("weekly").Valid() {
		t.Error("unknown category or delivery accepted")
	}
	if NotifyNewMatchingNeed.DefaultDelivery() != DeliveryDailyDigest || NotifyListingDecisions.DefaultDelivery() != DeliveryImmediately {
		t.Error("defaults changed: update the preferences page too")
	}
}
