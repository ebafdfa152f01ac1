package taxonomy

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"passerelle/internal/domain"
)

// cpvWeights are the CPV's check digit weights: 3, 7, 1 repeated from the
// first digit (the Publications Office describes them as the sequence
// 7-1-3 applied level by level, which comes to the same sums).
var cpvWeights = [8]int{3, 7, 1, 3, 7, 1, 3, 7}

// CPVCheckDigit returns the check digit the CPV algorithm gives for eight
// digits: the sum of each digit times its weight (3, 7, 1, 3, 7, 1, 3, 7),
// modulo 10. ok is false when code8 is not eight digits.
func CPVCheckDigit(code8 string) (digit byte, ok bool) {
	if !isDigits(code8, 8) {
		return 0, false
	}
	sum := 0
	for i := range 8 {
		sum += int(code8[i]-'0') * cpvWeights[i]
	}
	return byte('0' + sum%10), true
}

// cpvCheckDigit is the check digit a valid CPV 2008 code carries: the
// published one for the few codes the 2008 revision left with another digit
// than the algorithm's (see publishedCheckDigits), the algorithm's
// otherwise.
func cpvCheckDigit(code8 string) (byte, bool) {
	if d, ok := publishedCheckDigits[code8]; ok {
		return d, true
	}
	return CPVCheckDigit(code8)
}

// ValidCPV reports whether code is a CPV code written in full, eight
// digits, a hyphen and the right check digit ("90911200-8"). It checks the
// shape and the check digit only: whether the code exists is the imported
// list's business (store.CPVExists).
func ValidCPV(code string) bool {
	if len(code) != 10 || code[8] != '-' {
		return false
	}
	d, ok := cpvCheckDigit(code[:8])
	return ok && code[9] == d
}

// NormalizeCPV reads a CPV code written with or without its check digit
// ("90911200-8", "909112008", " 90911200 ") and returns its eight digits.
// A check digit, when given, must be the right one.
func NormalizeCPV(code string) (code8 string, ok bool) {
	code = strings.TrimSpace(code)
	switch {
	case len(code) == 8 && isDigits(code, 8):
		_, ok := cpvCheckDigit(code)
		return code, ok
	case len(code) == 9 && isDigits(code, 9):
		code = code[:8] + "-" + code[8:]
	}
	if !ValidCPV(code) {
		return "", false
	}
	return code[:8], true
}

// FullCPV returns code8 with its hyphen and check digit ("90911200" →
// "90911200-8"), or "" when code8 is not eight digits.
func FullCPV(code8 string) string {
	d, ok := cpvCheckDigit(code8)
	if !ok {
		return ""
	}
	return code8 + "-" + string(d)
}

// CPVLevel returns the level a code's shape gives it: 1 for a division
// (XX000000), 2 for a group (XXX00000), … 7 when all eight digits count.
func CPVLevel(code8 string) int {
	return max(1, len(strings.TrimRight(code8, "0"))-1)
}

// cpvStem is the part of code8 that its descendants share: its first
// level+1 digits ("90911200" → "909112").
func cpvStem(code8 string) string {
	return code8[:CPVLevel(code8)+1]
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxCPVLabel bounds a label (the longest official one has 226 characters).
const maxCPVLabel = 400

// ReadCPV reads the CPV main vocabulary from a CSV file with a header row
// naming at least the columns code, level, parent, type, fr, de, en and nl,
// in any order, as in the EU's multilingual list
// (cpv_2008_multilingual.csv); code8 is checked when present, other
// columns are ignored.
//
// Every row is checked (code shape and check digit, level matching the
// code, type, the four labels, no code twice) and so is every parent (a
// code of the file, of a lower level, whose digits begin the child's); the
// first wrong row fails the whole read, naming its line.
func ReadCPV(r io.Reader) ([]domain.CPVCode, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("cpv: read the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range []string{"code", "level", "parent", "type", "fr", "de", "en", "nl"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("cpv: the header has no %q column (it has: %s)", c, strings.Join(header, ", "))
		}
	}

	var out []domain.CPVCode
	lines := map[string]int{} // code8 → line, for duplicates and parents
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// The error names its line; FieldPos would panic here, the
			// record having no fields.
			return nil, fmt.Errorf("cpv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) == 1 && field("code") == "" {
			continue // a blank line
		}
		c, err := cpvRow(field)
		if err == nil && lines[c.Code8] != 0 {
			err = fmt.Errorf("%s is listed twice (first on line %d)", c.Code, lines[c.Code8])
		}
		if err != nil {
			return nil, fmt.Errorf("cpv: line %d: %w", line, err)
		}
		lines[c.Code8] = line
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("cpv: the file has no codes")
	}
	// Parents may come after their children: checked once all are read.
	levels := make(map[string]int, len(out))
	for _, c := range out {
		levels[c.Code8] = c.Level
	}
	for _, c := range out {
		if c.Parent == "" {
			continue
		}
		pl, ok := levels[c.Parent]
		switch {
		case !ok:
			return nil, fmt.Errorf("cpv: line %d: the parent %s of %s is not in the file", lines[c.Code8], FullCPV(c.Parent), c.Code)
		case pl >= c.Level || !strings.HasPrefix(c.Code8, cpvStem(c.Parent)):
			return nil, fmt.Errorf("cpv: line %d: %s cannot have %s as its parent", lines[c.Code8], c.Code, FullCPV(c.Parent))
		}
	}
	return out, nil
}

// cpvRow reads and checks one row, but not its parent's existence.
func cpvRow(field func(string) string) (domain.CPVCode, error) {
	code := field("code")
	c := domain.CPVCode{Code: code, Type: domain.CPVType(strings.ToLower(field("type"))),
		Labels: domain.Labels{FR: field("fr"), DE: field("de"), EN: field("en"), NL: field("nl")}}
	if len(code) != 10 || code[8] != '-' || !isDigits(code[:8], 8) || !isDigits(code[9:], 1) {
		return c, fmt.Errorf("%q is not a CPV code (8 digits, a hyphen, a check digit)", code)
	}
	c.Code8 = code[:8]
	if want, _ := cpvCheckDigit(c.Code8); code[9] != want {
		return c, fmt.Errorf("%s has a wrong check digit (%s-%c is right)", code, c.Code8, want)
	}
	if c8 := field("code8"); c8 != "" && c8 != c.Code8 {
		return c, fmt.Errorf("code8 %q does not match the code %s", c8, code)
	}
	level, err := strconv.Atoi(field("level"))
	if err != nil {
		return c, fmt.Errorf("level %q is not a number", field("level"))
	}
	if c.Level = level; level != CPVLevel(c.Code8) {
		return c, fmt.Errorf("%s cannot be of level %d (its digits make it level %d)", code, level, CPVLevel(c.Code8))
	}
	if p := field("parent"); p != "" {
		p8, ok := NormalizeCPV(p)
		if !ok {
			return c, fmt.Errorf("the parent %q of %s is not a CPV code with its right check digit", p, code)
		}
		c.Parent = p8
	}
	switch {
	case level == 1 && c.Parent != "":
		return c, fmt.Errorf("%s is a division and has no parent", code)
	case level > 1 && c.Parent == "":
		return c, fmt.Errorf("%s needs a parent", code)
	case !c.Type.Valid():
		return c, fmt.Errorf("%s: type %q is not supplies, services or works", code, field("type"))
	}
	for _, l := range domain.Languages {
		if n := len([]rune(c.Labels.In(l))); field(string(l)) == "" || n > maxCPVLabel {
			return c, fmt.Errorf("%s needs a %s label of 1 to %d characters", code, l, maxCPVLabel)
		}
	}
	return c, nil
}
