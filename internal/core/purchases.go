package core

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/ledger"
	"passerelle/internal/store"
)

// DefaultMaxLedgerSize bounds an uploaded ledger: 16 MiB holds well over
// 100,000 CSV rows.
const DefaultMaxLedgerSize = 16 << 20

// PurchaseImportJobs enqueues the job that reads an uploaded ledger.
type PurchaseImportJobs interface {
	ProcessPurchaseImport(ctx context.Context, tx *store.Tx, importID string) error
}

// Purchases are a buyer organisation's use cases on its purchase ledger:
// upload, follow the import, list and correct purchases, SSE share and
// levy offset statements. Members of the organisation only.
type Purchases struct {
	st      *store.Store
	jobs    PurchaseImportJobs
	now     Clock
	maxSize int64
}

// NewPurchases builds the purchase use cases; jobs runs the imports.
func NewPurchases(st *store.Store, jobs PurchaseImportJobs, now Clock) *Purchases {
	if now == nil {
		now = time.Now
	}
	return &Purchases{st: st, jobs: jobs, now: now, maxSize: DefaultMaxLedgerSize}
}

// MaxSize is the largest ledger accepted, in bytes.
func (s *Purchases) MaxSize() int64 {
	if s == nil {
		return DefaultMaxLedgerSize
	}
	return s.maxSize
}

// ErrLedgerTooLarge refuses a ledger larger than MaxSize.
var ErrLedgerTooLarge = errors.New("ledger too large")

func authorizePurchases(p domain.Principal, orgID string) error {
	// Ledgers are business data: members only, not moderators.
	return domain.Authorize(p, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID})
}

// Upload reads a ledger (bounded by MaxSize), checks that it is CSV or
// XLSX by its content, records the import and enqueues its job.
func (s *Purchases) Upload(ctx context.Context, actor Actor, p domain.Principal, orgID, filename string, r io.Reader) (domain.PurchaseImport, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return domain.PurchaseImport{}, err
	}
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, s.MaxSize()+1))
	if err != nil {
		return domain.PurchaseImport{}, err
	}
	if n > s.MaxSize() {
		return domain.PurchaseImport{}, ErrLedgerTooLarge
	}
	filename = cleanLedgerName(filename)
	format, err := ledger.Sniff(buf.Bytes()[:min(buf.Len(), 512)])
	if err != nil {
		var fe *ledger.FileError
		errors.As(err, &fe)
		ve := &domain.ValidationError{}
		ve.AddLocalized("file", fe.Code, fe.Message.With())
		return domain.PurchaseImport{}, ve
	}
	ext := strings.ToLower(filepath.Ext(filename))
	if (format == ledger.XLSX) != (ext == ".xlsx") && ext != "" {
		ve := &domain.ValidationError{}
		ve.AddLocalized("file", "type_mismatch", domain.Msg{
			EN: "The file's content (%s) does not match its name's extension (%s).",
			FR: "Le contenu du fichier (%s) ne correspond pas à l'extension de son nom (%s).",
			DE: "Der Inhalt der Datei (%s) passt nicht zur Endung ihres Namens (%s).",
			NL: "De inhoud van het bestand (%s) past niet bij de extensie van de naam (%s).",
		}.With(strings.ToUpper(string(format)), ext))
		return domain.PurchaseImport{}, ve
	}
	sum := sha256.Sum256(buf.Bytes())
	if err := s.sameFile(ctx, orgID, sum[:]); err != nil {
		return domain.PurchaseImport{}, err
	}
	var out domain.PurchaseImport
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		imp, err := tx.CreatePurchaseImport(ctx, orgID, actor.UserID, filename, string(format), buf.Bytes(), sum[:])
		if err != nil {
			return err
		}
		if s.jobs != nil {
			if err := s.jobs.ProcessPurchaseImport(ctx, tx, imp.ID); err != nil {
				return err
			}
		}
		out = imp
		return writeAudit(ctx, tx, actor, "purchases.import_uploaded", "purchase_import", imp.ID, orgID, nil,
			map[string]any{"filename": filename, "format": string(format), "size": n})
	})
	if errors.Is(err, domain.ErrConflict) {
		// The same file uploaded twice at once: the unique index decided.
		if same := s.sameFile(ctx, orgID, sum[:]); same != nil {
			return domain.PurchaseImport{}, same
		}
	}
	return out, err
}

// msgSameFile refuses a ledger the organisation already imported.
var msgSameFile = domain.Msg{
	EN: "this file was already uploaded on %s as “%s”: its purchases would count twice; delete that import first to import the file again",
	FR: "ce fichier a déjà été téléversé le %s sous le nom « %s » : ses achats compteraient deux fois ; supprimez d'abord cet import pour importer à nouveau le fichier",
	DE: "diese Datei wurde bereits am %s als „%s“ hochgeladen: ihre Einkäufe würden doppelt zählen; löschen Sie zuerst diesen Import, um die Datei erneut zu importieren",
	NL: "dit bestand is al geüpload op %s als ‘%s’: de aankopen zouden dubbel tellen; verwijder eerst die import om het bestand opnieuw te importeren",
}

// sameFile is a conflict naming orgID's import of the file whose SHA-256
// is sum (parsing or done), nil when there is none.
func (s *Purchases) sameFile(ctx context.Context, orgID string, sum []byte) error {
	prev, err := s.st.FindPurchaseImportOfFile(ctx, orgID, sum)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	return msgSameFile.Wrap(domain.ErrConflict, domain.DateMsg(prev.CreatedAt.UTC()), prev.Filename)
}

// DeleteImport deletes one of orgID's imports and its purchases, in one
// transaction with its audit entry: the SSE share and the levy offsets no
// longer count them, and the same file may be imported again.
func (s *Purchases) DeleteImport(ctx context.Context, actor Actor, p domain.Principal, orgID, id string) error {
	if err := authorizePurchases(p, orgID); err != nil {
		return err
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		d, err := tx.DeletePurchaseImport(ctx, orgID, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "purchases.import_deleted", "purchase_import", id, orgID,
			map[string]any{"filename": d.Filename, "state": d.State, "rows_imported": d.RowsImported}, nil)
	})
}

func cleanLedgerName(name string) string {
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	if name == "." || name == "/" || name == "" {
		return "ledger"
	}
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	return name
}

// GetImport returns one of orgID's imports with its errors and progress,
// and once done the count of its rows identical to another import's.
func (s *Purchases) GetImport(ctx context.Context, p domain.Principal, orgID, id string) (domain.PurchaseImport, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return domain.PurchaseImport{}, err
	}
	imp, err := s.st.GetPurchaseImport(ctx, orgID, id)
	if err != nil || imp.State != domain.ImportDone {
		return imp, err
	}
	imp.DuplicateRows, err = s.st.CountDuplicatePurchases(ctx, imp.ID)
	return imp, err
}

// DefaultPageSize and MaxPageSize bound the pages of purchases and imports.
const (
	defaultPurchasePage = 20
	maxPurchasePage     = 100
)

func purchasePage(limit int) int {
	if limit <= 0 {
		return defaultPurchasePage
	}
	return min(limit, maxPurchasePage)
}

// ListImports returns a page of orgID's imports, newest first.
func (s *Purchases) ListImports(ctx context.Context, p domain.Principal, orgID, cursor string, limit int) ([]domain.PurchaseImport, string, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return nil, "", err
	}
	return s.st.ListPurchaseImports(ctx, orgID, cursor, purchasePage(limit))
}

// List returns a page of orgID's purchases, latest invoice first.
func (s *Purchases) List(ctx context.Context, p domain.Principal, orgID string, f domain.PurchaseFilter, cursor string, limit int) ([]domain.Purchase, string, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return nil, "", err
	}
	if f.Year != 0 && (f.Year < 1990 || f.Year > 2100) {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.year", "out_of_range", domain.Msg{EN: "a year from 1990 to 2100", FR: "une année de 1990 à 2100",
			DE: "ein Jahr von 1990 bis 2100", NL: "een jaar van 1990 tot 2100"}.With())
		return nil, "", ve
	}
	return s.st.ListPurchases(ctx, orgID, f, cursor, purchasePage(limit))
}

// LabourCostPatch sets a purchase's labour cost: an amount in cents or a
// percent of the invoice amount, or neither to clear it.
type LabourCostPatch struct {
	Cents   *int64
	Percent *float64
}

// SetLabourCost records the labour cost of one of orgID's purchases.
func (s *Purchases) SetLabourCost(ctx context.Context, actor Actor, p domain.Principal, orgID, id string, patch LabourCostPatch) error {
	if err := authorizePurchases(p, orgID); err != nil {
		return err
	}
	amount, err := s.st.PurchaseAmount(ctx, orgID, id)
	if err != nil {
		return err
	}
	ve := &domain.ValidationError{}
	var cents *int64
	switch {
	case patch.Cents != nil && patch.Percent != nil:
		ve.AddLocalized("body.labour_cost_percent", "exclusive", domain.Msg{
			EN: "give the labour cost as an amount or as a percentage, not both", FR: "indiquez le coût de la main-d'œuvre en montant ou en pourcentage, pas les deux",
			DE: "geben Sie die Lohnkosten als Betrag oder als Prozentsatz an, nicht beides", NL: "geef de arbeidskosten als bedrag of als percentage, niet beide"}.With())
	case patch.Cents != nil:
		if *patch.Cents < 0 || *patch.Cents > amount {
			ve.AddLocalized("body.labour_cost_cents", "out_of_range", domain.Msg{
				EN: "between 0 and the invoice amount", FR: "entre 0 et le montant de la facture",
				DE: "zwischen 0 und dem Rechnungsbetrag", NL: "tussen 0 en het factuurbedrag"}.With())
		}
		cents = patch.Cents
	case patch.Percent != nil:
		if *patch.Percent < 0 || *patch.Percent > 100 {
			ve.AddLocalized("body.labour_cost_percent", "out_of_range", domain.Msg{
				EN: "between 0 and 100", FR: "entre 0 et 100", DE: "zwischen 0 und 100", NL: "tussen 0 en 100"}.With())
		}
		c := int64(float64(amount)**patch.Percent/100 + 0.5)
		cents = &c
	}
	if len(ve.Fields) > 0 {
		return ve
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetPurchaseLabourCost(ctx, orgID, id, cents); err != nil {
			return err
		}
		var after map[string]any
		if cents != nil {
			after = map[string]any{"labour_cost_cents": *cents}
		}
		return writeAudit(ctx, tx, actor, "purchases.labour_cost_set", "purchase", id, orgID, nil, after)
	})
}

// SSEShare returns what orgID bought by year, in all and from SSE
// suppliers; importID "" covers every import.
func (s *Purchases) SSEShare(ctx context.Context, p domain.Principal, orgID, importID string) ([]domain.SSEShare, error) {
	if err := authorizePurchases(p, orgID); err != nil {
		return nil, err
	}
	if importID != "" {
		if _, err := s.st.GetPurchaseImport(ctx, orgID, importID); err != nil {
			return nil, err
		}
	}
	return s.st.PurchaseSSEShare(ctx, orgID, importID)
}
