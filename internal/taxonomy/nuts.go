// Package taxonomy holds Passerelle's sector catalogue (sectors grouped
// the way buyers look for suppliers, labelled in fr, de, en and nl, each
// with its CPV codes) and reads the official classifications Passerelle
// imports (NUTS regions, the CPV) from the files the EU publishes, checking
// them (CPV check digits included). It is pure: storing is for core and
// store.
package taxonomy

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"passerelle/internal/domain"
)

var nutsCode = regexp.MustCompile(`^[A-Z]{2}[0-9A-Z]{0,3}$`)

// ReadNUTS reads NUTS regions from a CSV file with a header row naming at
// least the columns code, level, name_native (or name), country and
// parent, in any order, as in the reference file nuts_grande_region.csv.
// When the file has the column in_eforms_sdk_lvl3_list, a level-3 region
// marked "no" there is retired: it left the classification (Hainaut's
// arrondissements were redrawn in NUTS 2021) and eForms no longer accepts
// it. Other columns are ignored. Greece's NUTS prefix EL is stored under its
// ISO country code GR, the one organisations use.
//
// Every row is checked (code shape, level matching the code's length,
// parent one level up and a prefix of the code, country matching the code);
// the first wrong row fails the whole read, naming its line.
func ReadNUTS(r io.Reader) ([]domain.NUTSRegion, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("nuts: read the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["name_native"]; !ok {
		if i, ok := col["name"]; ok {
			col["name_native"] = i
		}
	}
	for _, c := range []string{"code", "level", "name_native", "country", "parent"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("nuts: the header has no %q column (it has: %s)", c, strings.Join(header, ", "))
		}
	}
	eforms, hasEforms := col["in_eforms_sdk_lvl3_list"]

	var out []domain.NUTSRegion
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// The error names its line; FieldPos would panic here, the
			// record having no fields.
			return nil, fmt.Errorf("nuts: %w", err)
		}
		line, _ := cr.FieldPos(0)
		field := func(name string) string {
			if i := col[name]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		reg := domain.NUTSRegion{Code: strings.ToUpper(field("code")), Name: field("name_native"),
			Country: strings.ToUpper(field("country")), Parent: strings.ToUpper(field("parent"))}
		if reg.Code == "" && len(rec) == 1 {
			continue // a blank line
		}
		reg.Level, err = strconv.Atoi(field("level"))
		if err != nil {
			return nil, fmt.Errorf("nuts: line %d: level %q is not a number", line, field("level"))
		}
		if hasEforms && eforms < len(rec) && reg.Level == 3 {
			reg.Retired = strings.HasPrefix(strings.ToLower(strings.TrimSpace(rec[eforms])), "no")
		}
		if err := checkNUTS(reg, seen); err != nil {
			return nil, fmt.Errorf("nuts: line %d: %w", line, err)
		}
		seen[reg.Code] = true
		if reg.Country == "EL" {
			reg.Country = "GR"
		}
		out = append(out, reg)
	}
	if len(out) == 0 {
		return nil, errors.New("nuts: the file has no regions")
	}
	return out, nil
}

func checkNUTS(r domain.NUTSRegion, seen map[string]bool) error {
	switch {
	case !nutsCode.MatchString(r.Code):
		return fmt.Errorf("%q is not a NUTS code", r.Code)
	case seen[r.Code]:
		return fmt.Errorf("%s is listed twice", r.Code)
	case r.Level < 0 || r.Level > 3 || len(r.Code) != r.Level+2:
		return fmt.Errorf("%s cannot be of level %d (a level-n code has n+2 characters)", r.Code, r.Level)
	case r.Name == "" || len([]rune(r.Name)) > 200:
		return fmt.Errorf("%s needs a name of 1 to 200 characters", r.Code)
	case r.Country != r.Code[:2]:
		// The code begins with its country's (EL for Greece); an empty
		// country is a prefix of every code, and no country at all.
		return fmt.Errorf("%s is not a code of country %q", r.Code, r.Country)
	case r.Level == 0 && r.Parent != "":
		return fmt.Errorf("%s is a country and has no parent", r.Code)
	case r.Level > 0 && (len(r.Parent) != len(r.Code)-1 || !strings.HasPrefix(r.Code, r.Parent)):
		return fmt.Errorf("%s cannot have %q as its parent", r.Code, r.Parent)
	}
	return nil
}
