package domain

import "testing"

func TestQueueKindValid(t *testing.T) {
	for _, k := range QueueKinds() {
		if !k.Valid() {
			t.Errorf("%q is listed but not valid", k)
		}
	}
	for _, k := range []QueueKind{"", "Offer", "offers", "sse-status", "response"} {
		if k.Valid() {
			t.Errorf("%q is valid", k)
		}
	}
}
