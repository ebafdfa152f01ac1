package ledger

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"passerelle/internal/domain/legalid"
)

// parseAmount reads a non-negative amount in cents, with a decimal comma or
// point and optional thousands separators (space, no-break space,
// apostrophe, or the other of comma and point): "1 234,56", "1.234,56",
// "1,234.56", "1234.5", "€ 12". At most two decimals.
func parseAmount(s string) (int64, bool) {
	s = strings.NewReplacer("€", "", "EUR", "", " ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(s)
	if s == "" {
		return 0, false
	}
	lastComma, lastDot := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
	dec := -1
	switch {
	case lastComma >= 0 && lastDot >= 0:
		dec = max(lastComma, lastDot)
	case lastComma >= 0 || lastDot >= 0:
		sep := byte(',')
		if lastDot >= 0 {
			sep = '.'
		}
		pos := max(lastComma, lastDot)
		// One separator followed by 1 or 2 digits is decimal; several, or
		// one followed by 3 digits, group thousands.
		if strings.Count(s, string(sep)) == 1 && len(s)-pos-1 <= 2 {
			dec = pos
		}
	}
	intPart, frac := s, ""
	if dec >= 0 {
		intPart, frac = s[:dec], s[dec+1:]
	}
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	if intPart == "" {
		intPart = "0"
	}
	if len(frac) > 2 || !digits(intPart) || (frac != "" && !digits(frac)) || len(intPart) > 12 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	n, err := strconv.ParseInt(intPart+frac, 10, 64)
	return n, err == nil
}

// parsePercent reads a percentage between 0 and 100 ("30", "30 %", "12,5%").
func parsePercent(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 100 {
		return 0, false
	}
	return f, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var dateLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02.01.2006", "2.1.2006", "02-01-2006", "2006/01/02", "2006-01-02T15:04:05"}

// excelEpoch is day 0 of spreadsheet serial dates (1900 system, with its
// fictitious 29 February 1900 accounted for by starting on 30 December 1899).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excel1904Epoch is day 0 of the 1904 date system (a workbook setting of
// Excel for Mac): the same serial number is 1,462 days later.
var excel1904Epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// parseDate reads an invoice date: ISO (2026-03-31), day first
// (31/03/2026, 31.03.2026, 31-03-2026) or, from a spreadsheet, a serial
// number (counted from 1904 when date1904). Years before 1990 or after
// 2100 are refused as typos.
func parseDate(s string, spreadsheet, date1904 bool) (time.Time, bool) {
	var t time.Time
	ok := false
	if spreadsheet && digits(strings.SplitN(s, ".", 2)[0]) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 100000 {
			epoch := excelEpoch
			if date1904 {
				epoch = excel1904Epoch
			}
			t, ok = epoch.AddDate(0, 0, int(f)), true
		}
	}
	for _, layout := range dateLayouts {
		if ok {
			break
		}
		if p, err := time.Parse(layout, s); err == nil {
			t, ok = p, true
		}
	}
	if !ok || t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

var (
	hrMarker = regexp.MustCompile(`(?i)\b(HRA|HRB|GnR|PR|VR)\b`)
	luRCS    = regexp.MustCompile(`^[A-Z][0-9]{1,7}$`)
)

// identifierKind guesses the scheme of a supplier identifier from its
// shape: a VAT number by its country prefix, a German register entry by
// its register type, SIRET (14 digits), SIREN (9), Belgian enterprise
// number (10), Luxembourg RCS (a section letter and digits).
func identifierKind(s string) (legalid.Kind, bool) {
	if hrMarker.MatchString(s) {
		return legalid.DEHandelsregister, true
	}
	c := strings.ToUpper(strings.NewReplacer(" ", "", ".", "", "-", "", "\u00a0", "", "/", "").Replace(s))
	if len(c) > 2 {
		switch c[:2] {
		case "FR":
			return legalid.FRVAT, true
		case "BE":
			return legalid.BEVAT, true
		case "LU":
			return legalid.LUVAT, true
		case "DE":
			return legalid.DEVAT, true
		}
	}
	if digits(c) {
		switch len(c) {
		case 14:
			return legalid.FRSIRET, true
		case 9:
			return legalid.FRSIREN, true
		case 10:
			return legalid.BEEnterprise, true
		}
		return "", false
	}
	if luRCS.MatchString(c) {
		return legalid.LURCS, true
	}
	return "", false
}

var cpvCode = regexp.MustCompile(`^([0-9]{8})(-[0-9])?\b`)

// cpvOf returns the 8-digit CPV code a category starts with, or "".
func cpvOf(category string) string {
	if m := cpvCode.FindStringSubmatch(category); m != nil {
		return m[1]
	}
	return ""
}
