package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"passerelle/internal/core"
	"passerelle/internal/store"
)

// ProcessPurchaseImportArgs asks for an uploaded ledger to be read.
type ProcessPurchaseImportArgs struct {
	ImportID string `json:"import_id"`
}

// Kind is the job's name in River.
func (ProcessPurchaseImportArgs) Kind() string { return "process_purchase_import" }

// InsertOpts allows a few attempts; a finished import is left alone.
func (ProcessPurchaseImportArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3}
}

// ProcessPurchaseImportWorker runs core.ProcessPurchaseImport.
type ProcessPurchaseImportWorker struct {
	river.WorkerDefaults[ProcessPurchaseImportArgs]
	Store *store.Store
	Log   *slog.Logger
}

// Timeout bounds one run: 100,000 rows take seconds.
func (w *ProcessPurchaseImportWorker) Timeout(*river.Job[ProcessPurchaseImportArgs]) time.Duration {
	return 5 * time.Minute
}

// Work reads the ledger and ends the import. When the last attempt fails
// (a database error at the insertion, a timeout), the import is marked
// failed with a localized reason, so that it does not stay "parsing".
func (w *ProcessPurchaseImportWorker) Work(ctx context.Context, job *river.Job[ProcessPurchaseImportArgs]) error {
	start := time.Now()
	if err := core.ProcessPurchaseImport(ctx, w.Store, job.Args.ImportID); err != nil {
		if job.Attempt < job.MaxAttempts {
			return err
		}
		// The run's context may be what ended it (its timeout).
		failCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		w.Log.ErrorContext(ctx, "purchase import failed for good", "import", job.Args.ImportID, "attempt", job.Attempt, "err", err)
		if ferr := core.FailPurchaseImport(failCtx, w.Store, job.Args.ImportID); ferr != nil {
			return errors.Join(err, ferr)
		}
		return err
	}
	w.Log.InfoContext(ctx, "purchase import processed", "import", job.Args.ImportID, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// ProcessPurchaseImport enqueues, in tx, the job that reads an import.
func (r *Runner) ProcessPurchaseImport(ctx context.Context, tx *store.Tx, importID string) error {
	_, err := r.client.InsertTx(ctx, tx.Raw(), ProcessPurchaseImportArgs{ImportID: importID}, nil)
	return err
}

var _ core.PurchaseImportJobs = (*Runner)(nil)

func addPurchaseWorkers(workers *river.Workers, st *store.Store, log *slog.Logger) error {
	return river.AddWorkerSafely(workers, &ProcessPurchaseImportWorker{Store: st, Log: log})
}
