package ledger

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// headerNames are the column titles recognised, in English, French, German
// and Dutch, as normalizeHeader leaves them (lower case, no accents, words
// separated by one space).
var headerNames = map[Column][]string{
	ColSupplier: {
		"supplier identifier", "supplier id", "supplier", "supplier legal identifier", "supplier vat number", "vat number", "identifier",
		"siret", "siren", "identifiant fournisseur", "identifiant", "fournisseur", "siret fournisseur", "numero tva", "numero de tva",
		"lieferant", "lieferantenkennung", "lieferanten id", "kennung", "ust idnr", "ust id", "handelsregister",
		"leverancier", "leverancier id", "identificatienummer leverancier", "ondernemingsnummer", "btw nummer",
	},
	ColAmount: {
		"amount", "amount excl vat", "net amount", "total", "montant", "montant ht", "montant hors taxes",
		"betrag", "nettobetrag", "rechnungsbetrag", "bedrag", "bedrag excl btw", "nettobedrag",
	},
	ColCurrency: {"currency", "devise", "monnaie", "wahrung", "waehrung", "munt", "valuta"},
	ColDate: {
		"date", "invoice date", "date facture", "date de facture", "date de la facture",
		"datum", "rechnungsdatum", "factuurdatum",
	},
	ColCategory: {
		"category", "cpv", "cpv code", "code cpv", "categorie", "kategorie", "warengruppe", "cpv kode",
	},
	ColInvoiceRef: {
		"invoice reference", "invoice", "invoice number", "reference", "numero facture", "numero de facture", "n facture",
		"reference facture", "facture", "rechnungsnummer", "rechnung", "referenz", "factuurnummer", "factuur", "referentie",
	},
	ColLabourCost: {
		"labour cost", "labor cost", "labour share", "labor share", "labour cost share", "labour",
		"cout main d oeuvre", "cout de la main d oeuvre", "part main d oeuvre", "main d oeuvre",
		"lohnkosten", "lohnanteil", "arbeitsleistung", "anteil arbeitsleistung",
		"arbeidskosten", "loonkosten", "aandeel arbeid", "aandeel arbeidskosten",
	},
}

var headerIndex = func() map[string]Column {
	m := map[string]Column{}
	for col, names := range headerNames {
		m[string(col)] = col
		m[strings.ReplaceAll(string(col), "_", " ")] = col
		for _, n := range names {
			m[n] = col
		}
	}
	return m
}()

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// normalizeHeader folds a column title: lower case, accents removed,
// anything but letters and digits turned into single spaces; units in
// parentheses ("Montant (EUR)", "Lohnanteil (%)") dropped.
func normalizeHeader(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s, _, _ = transform.String(stripMarks, strings.ToLower(s))
	s = strings.NewReplacer("ß", "ss", "œ", "oe", "æ", "ae").Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// isPercentHeader tells a labour column given in percent of the amount.
func isPercentHeader(raw string) bool {
	l := strings.ToLower(raw)
	for _, w := range []string{"%", "percent", "pourcentage", "prozent", "procent", "share", "part ", "anteil", "aandeel"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// layout maps each recognised column to its cell index.
type layout struct {
	index map[Column]int
	// columns lists the recognised columns in the order of the file.
	columns       []Column
	labourPercent bool
}

func readHeader(cells []string) (layout, []Column) {
	l := layout{index: map[Column]int{}}
	for i, c := range cells {
		col, ok := headerIndex[normalizeHeader(c)]
		if !ok {
			continue
		}
		if _, dup := l.index[col]; dup {
			continue
		}
		l.index[col] = i
		l.columns = append(l.columns, col)
		if col == ColLabourCost {
			l.labourPercent = isPercentHeader(c)
		}
	}
	var missing []Column
	for _, col := range RequiredColumns {
		if _, ok := l.index[col]; !ok {
			missing = append(missing, col)
		}
	}
	return l, missing
}

func (l layout) cell(cells []string, col Column) (string, bool) {
	i, ok := l.index[col]
	if !ok || i >= len(cells) {
		return "", false
	}
	return strings.TrimSpace(strings.Trim(cells[i], "\u00a0")), true
}

// raw is a record's cell in col as read, blanks kept; "" when absent.
func (l layout) raw(cells []string, col Column) string {
	if i, ok := l.index[col]; ok && i < len(cells) {
		return cells[i]
	}
	return ""
}

// kind is the kind of a record's cell in col: text for CSV.
func (l layout) kind(rec record, col Column) cellKind {
	i, ok := l.index[col]
	if !ok || i >= len(rec.kinds) {
		return kindText
	}
	return rec.kinds[i]
}
