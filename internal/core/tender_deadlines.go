package core

import (
	"context"
	"errors"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// CloseTenderAtDeadline closes a published tender whose responses
// deadline has passed at now; closed reports whether it did. It is what
// the deadline job runs: running it again, early (the deadline moved
// later) or on a tender no longer published changes nothing. The closed
// tender's search document is queued for an update through index, and
// its buyer is told through notes (nil: not) how many responses each lot
// received.
func CloseTenderAtDeadline(ctx context.Context, st *store.Store, index SearchJobs, notes *Notifications, tenderID string, now time.Time) (closed bool, err error) {
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.LockTender(ctx, tenderID)
		if errors.Is(err, domain.ErrNotFound) {
			return nil // deleted with its organisation
		}
		if err != nil {
			return err
		}
		if !before.State.Can(domain.TenderClose) || now.Before(before.ResponsesDeadline) {
			return nil // not published (any more), or the deadline moved later
		}
		to, err := before.State.Next(domain.TenderClose)
		if err != nil {
			return err
		}
		next := before
		next.State, next.ClosedAt = to, &now
		out, err := tx.SaveTender(ctx, next, now)
		if err != nil {
			return err
		}
		closed = true
		if err := tenderAudit(ctx, tx, index, Actor{}, "tender.closed", out, tenderState(before), tenderState(out)); err != nil {
			return err
		}
		return notifyResponsesReceived(ctx, tx, notes, out, now)
	})
	return closed, err
}

// RejectTendersWaitingOnChanges rejects the tenders left in
// changes_requested for domain.TenderChangesTimeout at now (the
// expire_changes event), tells their buyers (links to publicURL), and
// returns how many; each rejected tender's search document is queued for
// an update through index (nil: none). The buyers are told through notes
// (in-app notification, email per preference), or by email when nil.
func RejectTendersWaitingOnChanges(ctx context.Context, st *store.Store, mailer Mailer, notes *Notifications, index SearchJobs, publicURL string, now time.Time) (int, error) {
	ids, err := st.TendersWaitingOnChangesSince(ctx, now.Add(-domain.TenderChangesTimeout))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			before, err := tx.LockTender(ctx, id)
			if err != nil {
				return err
			}
			// Re-checked under the lock: the buyer may have resubmitted.
			if !before.State.Can(domain.TenderExpireChanges) || before.ChangesRequestedAt == nil ||
				!domain.TenderChangesExpired(*before.ChangesRequestedAt, now) {
				return nil
			}
			to, err := before.State.Next(domain.TenderExpireChanges)
			if err != nil {
				return err
			}
			next := before
			next.State, next.ChangesRequestedAt, next.DecidedAt, next.DecidedBy = to, nil, &now, ""
			next.Reason = msgTenderChangesTimeout.With()[domain.LangEN]
			out, err := tx.SaveTender(ctx, next, now)
			if err != nil {
				return err
			}
			n++
			if err := tenderAudit(ctx, tx, index, Actor{}, "tender.rejected", out, tenderState(before), tenderState(out)); err != nil {
				return err
			}
			return tellBuyer(ctx, st, mailer, notes, publicURL, tx, out, next.Reason)
		})
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return n, err
		}
	}
	return n, nil
}
