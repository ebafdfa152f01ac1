package domain

import "testing"

func TestMeetingWeight(t *testing.T) {
	for _, c := range []struct {
		asked, answered MeetingPriority
		want            int
	}{
		{PriorityMustMeet, PriorityOK, 3},
		{PriorityWouldLike, PriorityMustMeet, 3},
		{PriorityMustMeet, PriorityMustMeet, 3},
		{PriorityWouldLike, PriorityWouldLike, 2},
		{PriorityWouldLike, PriorityOK, 1},
	} {
		if got := MeetingWeight(c.asked, c.answered); got != c.want {
			t.Errorf("MeetingWeight(%s, %s) = %d, want %d", c.asked, c.answered, got, c.want)
		}
	}
	r := MeetingRequest{Priority: PriorityWouldLike, AnswerPriority: PriorityWouldLike, State: RequestPending}
	if r.Weight() != 0 {
		t.Errorf("a pending request weighs %d, want 0", r.Weight())
	}
	r.State = RequestAccepted
	if r.Weight() != 2 {
		t.Errorf("an accepted mutual wish weighs %d, want 2", r.Weight())
	}
}
