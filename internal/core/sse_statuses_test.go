package core_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/store/storetest"
)

// TestSSEStatusesRefuseWithoutTheRouteRule calls the use cases directly,
// as a seed or a job would: core checks the policy itself, whatever route
// (or none) leads there.
func TestSSEStatusesRefuseWithoutTheRouteRule(t *testing.T) {
	e := newDocEnv(t)
	ctx := t.Context()
	statuses := core.NewSSEStatuses(e.db.Store, time.Now)
	fields := domain.SSEStatusFields{Type: domain.SSEFrESAT, RegistrationNumber: "ESAT-57-003", ValidUntil: time.Now().AddDate(1, 0, 0)}

	if _, err := statuses.Create(ctx, core.Actor{}, domain.Principal{}, e.org.ID, fields); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("anonymous create: %v", err)
	}
	if _, err := statuses.Create(ctx, actorOf(e.outsiderP), e.outsiderP, e.org.ID, fields); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("outsider create: %v", err)
	}
	if _, err := statuses.Create(ctx, actorOf(e.moderatorP), e.moderatorP, e.org.ID, fields); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("moderators do not declare statuses for suppliers: %v", err)
	}
	st, err := statuses.Create(ctx, actorOf(e.memberP), e.memberP, e.org.ID, fields)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.docs.Upload(ctx, actorOf(e.memberP), e.memberP, e.org.ID, domain.DocSSEEvidence, "agrement.pdf", "", bytes.NewReader(minimalPDF()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := statuses.AttachEvidence(ctx, actorOf(e.memberP), e.memberP, e.org.ID, st.ID, doc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := statuses.RequestVerification(ctx, actorOf(e.memberP), e.memberP, e.org.ID, st.ID); err != nil {
		t.Fatal(err)
	}

	if _, _, err := statuses.Queue(ctx, e.memberP, domain.VerificationPending, "", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a member reads the queue: %v", err)
	}
	if _, err := statuses.Verify(ctx, actorOf(e.memberP), e.memberP, st.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a member verifies: %v", err)
	}
	if _, err := statuses.Reject(ctx, actorOf(e.outsiderP), e.outsiderP, st.ID, "no"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("an outsider rejects: %v", err)
	}
	// A status is reached only through its own organisation.
	other := e.db.Organisation(t, storetest.OrganisationOptions{})
	otherMember := principal(e.db.User(t, storetest.UserOptions{Organisation: other.ID}), other.ID)
	if err := statuses.Delete(ctx, actorOf(otherMember), otherMember, other.ID, st.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting another organisation's status through one's own: %v", err)
	}

	verified, err := statuses.Verify(ctx, actorOf(e.moderatorP), e.moderatorP, st.ID)
	if err != nil || verified.State != domain.VerificationVerified || verified.ReviewedBy != e.moderatorP.UserID {
		t.Fatalf("verify: %+v %v", verified, err)
	}
	if _, err := statuses.Verify(ctx, actorOf(e.moderatorP), e.moderatorP, st.ID); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("verifying twice: %v", err)
	}
	counting, err := statuses.VerifiedStatuses(ctx, e.org.ID, time.Now())
	if err != nil || len(counting) != 1 || !counting[0].Counts(time.Now()) {
		t.Fatalf("VerifiedStatuses: %+v %v", counting, err)
	}
	later := time.Now().AddDate(1, 0, 2)
	if counting, _ := statuses.VerifiedStatuses(ctx, e.org.ID, later); len(counting) != 0 || verified.Counts(later) {
		t.Errorf("a status past its valid-until date still counts: %+v", counting)
	}
}
