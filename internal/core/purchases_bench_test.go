package core_test

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store/storetest"
)

// luhnSIRET completes a 13-digit prefix into a SIRET whose Luhn sum is 0.
func luhnSIRET(prefix int64) string {
	base := fmt.Sprintf("%013d", prefix)
	for d := 0; d < 10; d++ {
		s := base + strconv.Itoa(d)
		sum := 0
		for i := range len(s) {
			n := int(s[len(s)-1-i] - '0')
			if i%2 == 1 {
				if n *= 2; n > 9 {
					n -= 9
				}
			}
			sum += n
		}
		if sum%10 == 0 {
			return s
		}
	}
	panic("unreachable")
}

// benchLedger is a CSV ledger of n invoices from 500 establishments (one
// SIREN, 500 SIRETs), the first
// 20 of them registered on Passerelle.
func benchLedger(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Identifiant fournisseur;Montant HT;Devise;Date facture;Catégorie;N° facture;Part main-d'œuvre (%)\n")
	for i := range n {
		fmt.Fprintf(&b, "%s;%d,%02d;EUR;%02d/%02d/2026;90911200 Nettoyage;F-%06d;%d\n",
			luhnSIRET(7328293200000+int64(i%500)), 100+i%9000, i%100, 1+i%28, 1+i%12, i, i%80)
	}
	return b.Bytes()
}

// BenchmarkPurchaseImport10000 uploads and processes a 10,000-row ledger
// (issue 10: at most 10 s on the reference machine). `make bench-import`
// runs it and prints the time per import.
func BenchmarkPurchaseImport10000(b *testing.B) {
	db := storetest.New(b)
	ps := core.NewPurchases(db.Store, nil, time.Now)
	buyer := db.Organisation(b, storetest.OrganisationOptions{Kind: domain.OrgPrivateBuyer})
	p := principal(db.User(b, storetest.UserOptions{Organisation: buyer.ID}), buyer.ID)
	for i := range 20 {
		s := supplierWith(b, db, "FR", domain.LegalIdentifier{Kind: legalid.FRSIRET, Value: luhnSIRET(7328293200000 + int64(i))})
		db.SSEStatus(b, s.ID, storetest.StatusOptions{Type: domain.SSEFrESAT})
	}
	data := benchLedger(10_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		imp, err := ps.Upload(b.Context(), actorOf(p), p, buyer.ID, "ledger.csv", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := core.ProcessPurchaseImport(b.Context(), db.Store, imp.ID); err != nil {
			b.Fatal(err)
		}
		got, err := db.Store.GetPurchaseImport(b.Context(), buyer.ID, imp.ID)
		if err != nil || got.State != domain.ImportDone || got.RowsImported != 10_000 || got.RowsMatched != 400 {
			b.Fatalf("import %s: %d imported, %d matched, %d errors, %v", got.State, got.RowsImported, got.RowsMatched, got.ErrorCount, err)
		}
		// The same file is refused while an import of it stands: delete
		// it (untimed) so the next round imports it again.
		b.StopTimer()
		if err := ps.DeleteImport(b.Context(), actorOf(p), p, buyer.ID, imp.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
