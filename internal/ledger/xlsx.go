package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Bounds of an XLSX ledger, against zip bombs: a workbook is a ZIP of XML
// parts, and XML compresses a thousandfold. The upload limit (16 MiB)
// bounds the compressed file; these bound what it unpacks to.
const (
	// MaxUnzippedSize bounds the parts' uncompressed sizes, all together:
	// a 100,000-row ledger's sheet takes about 30 MiB.
	MaxUnzippedSize = 64 << 20
	// MaxXMLPartSize bounds each part held in memory (the workbook, its
	// relationships, the styles, the shared strings); the sheet itself is
	// streamed.
	MaxXMLPartSize = 16 << 20
	// MaxColumns is the number of columns read: cells further right are
	// ignored, so that a row cannot claim 16,384 cells.
	MaxColumns = 64
)

// xlsxRecords streams the first sheet's rows. The sheet XML is read as it
// is decompressed (never held whole), with each cell's type: a number cell
// keeps its raw value (parsed with strconv, never through the text
// heuristics) and says whether its number format is a percentage; a text
// cell (shared, inline or a formula's text result) keeps its text.
func xlsxRecords(data []byte) ([]record, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	parts := map[string]*zip.File{}
	var unzipped uint64
	for _, f := range zr.File {
		// The sizes declared in the ZIP directory are enforced by
		// archive/zip as it reads (ErrFormat past them).
		// Compared before adding: a ZIP64 size near 2^64 must not wrap
		// the total back under the bound.
		if f.UncompressedSize64 > MaxUnzippedSize-unzipped {
			return nil, &FileError{Code: "too_large_unzipped", Message: msgUnzippedTooLarge.Fill(MaxUnzippedSize >> 20)}
		}
		unzipped += f.UncompressedSize64
		parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	sheet, date1904, err := firstSheetPath(parts)
	if err != nil {
		return nil, err
	}
	strs, err := sharedStrings(parts["xl/sharedstrings.xml"])
	if err != nil {
		return nil, err
	}
	percent, err := percentStyles(parts["xl/styles.xml"])
	if err != nil {
		return nil, err
	}
	f := parts[sheet]
	if f == nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	defer func() { _ = rc.Close() }()
	// archive/zip stops at the declared size; the limit also holds if
	// that ever changes.
	recs, err := sheetRecords(xml.NewDecoder(io.LimitReader(rc, MaxUnzippedSize)), strs, percent)
	for i := range recs {
		recs[i].date1904 = date1904
	}
	return recs, err
}

// openPart returns a decoder over one XML part of the package.
func openPart(f *zip.File) (*xml.Decoder, func(), error) {
	if f.UncompressedSize64 > MaxXMLPartSize {
		return nil, nil, &FileError{Code: "too_large_unzipped", Message: msgUnzippedTooLarge.Fill(MaxXMLPartSize >> 20)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	return xml.NewDecoder(io.LimitReader(rc, MaxXMLPartSize)), func() { _ = rc.Close() }, nil
}

// firstSheetPath finds the part of the workbook's first visible sheet (in
// the workbook's order: the tab a spreadsheet program opens on, hidden and
// very hidden sheets skipped) through the workbook's relationships, and
// whether the workbook counts dates from 1904 (Excel for Mac's date system)
// instead of 1900.
func firstSheetPath(parts map[string]*zip.File) (string, bool, error) {
	malformed := &FileError{Code: "malformed", Message: msgMalformedXLSX}
	wb, rels := parts["xl/workbook.xml"], parts["xl/_rels/workbook.xml.rels"]
	if wb == nil || rels == nil {
		return "", false, malformed
	}
	var workbook struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			State string     `xml:"state,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var relations struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		f *zip.File
		v any
	}{{wb, &workbook}, {rels, &relations}} {
		d, done, err := openPart(p.f)
		if err != nil {
			return "", false, err
		}
		err = d.Decode(p.v)
		done()
		if err != nil {
			return "", false, malformed
		}
	}
	// An xsd:boolean: "1" or "true", blanks around allowed.
	v := strings.TrimSpace(workbook.Pr.Date1904)
	date1904 := v == "1" || strings.EqualFold(v, "true")
	id := ""
	for _, sh := range workbook.Sheets {
		if sh.State == "hidden" || sh.State == "veryHidden" {
			continue
		}
		for _, a := range sh.Attrs {
			if a.Name.Local == "id" {
				id = a.Value
			}
		}
		break
	}
	for _, r := range relations.Rel {
		if r.ID == id && id != "" {
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("xl", target)
			}
			return strings.ToLower(path.Clean(target)), date1904, nil
		}
	}
	return "", false, malformed
}

// unescapeXString decodes the _xHHHH_ escapes of an OOXML string
// (ST_Xstring): spreadsheet programs write a character XML cannot hold as
// its UTF-16 code unit, a carriage return as _x000D_, and a literal "_x"
// sequence with its underscore escaped, _x005F_. A character beyond the
// BMP comes as two escapes (a surrogate pair); a lone surrogate becomes
// U+FFFD, so the text stays valid UTF-8.
func unescapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		u, ok := xEscape(s[i:])
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += xEscapeLen
		if utf16.IsSurrogate(u) {
			if low, ok := xEscape(s[i:]); ok {
				if r := utf16.DecodeRune(u, low); r != utf8.RuneError {
					b.WriteRune(r)
					i += xEscapeLen
					continue
				}
			}
		}
		b.WriteRune(u) // utf8 writes a surrogate as U+FFFD
	}
	return b.String()
}

// xEscapeLen is the length of an escape: _xHHHH_.
const xEscapeLen = 7

// xEscape reads the UTF-16 code unit of an _xHHHH_ escape at the start of
// s.
func xEscape(s string) (rune, bool) {
	if len(s) < xEscapeLen || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[2:6], 16, 16)
	return rune(v), err == nil
}

// sharedStrings reads the workbook's string table (absent in a workbook
// without text).
func sharedStrings(f *zip.File) ([]string, error) {
	if f == nil {
		return nil, nil
	}
	d, done, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer done()
	var out []string
	// Each <t> (the text of one run) is an ST_Xstring of its own: decoded
	// alone, so that two runs cannot join into an escape neither holds.
	var b, text strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "t":
				inT = inSI && phonetic == 0
				text.Reset()
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				out = append(out, b.String())
			case "t":
				if inT {
					b.WriteString(unescapeXString(text.String()))
				}
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT {
				text.Write(t)
			}
		}
	}
}

// percentStyles tells, for each cell style index, whether its number format
// shows a percentage (built-in formats 9 and 10, or a custom format with a
// % outside quotes).
func percentStyles(f *zip.File) ([]bool, error) {
	if f == nil {
		return nil, nil
	}
	d, done, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer done()
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := d.Decode(&styles); err != nil {
		return nil, &FileError{Code: "malformed", Message: msgMalformedXLSX}
	}
	custom := map[int]bool{}
	for _, n := range styles.NumFmts {
		custom[n.ID] = percentFormat(n.Code)
	}
	out := make([]bool, len(styles.Xfs))
	for i, x := range styles.Xfs {
		out[i] = x.NumFmtID == 9 || x.NumFmtID == 10 || custom[x.NumFmtID]
	}
	return out, nil
}

// percentFormat tells a number format code that multiplies by 100 and
// shows %: a % that is not quoted or escaped.
func percentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case c == '\\' && !quoted:
			i++
		case c == '%' && !quoted:
			return true
		}
	}
	return false
}

// xmlCell is a <c> element of a sheet.
type xmlCell struct {
	V  string    `xml:"v"`
	F  *struct{} `xml:"f"`
	IS *struct {
		T string `xml:"t"`
		R []struct {
			T string `xml:"t"`
		} `xml:"r"`
	} `xml:"is"`
}

// sheetRecords reads the rows of a sheet's XML.
func sheetRecords(d *xml.Decoder, strs []string, percent []bool) ([]record, error) {
	malformed := &FileError{Code: "malformed", Message: msgMalformedXLSX}
	var out []record
	var cur *record
	line, col := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, malformed
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := line + 1
				if v := attr(t, "r"); v != "" {
					if n, err = strconv.Atoi(v); err != nil || n <= line {
						return nil, malformed
					}
				}
				// Blank rows count: a sheet whose rows go past the limit is
				// refused at the first such row, never walked.
				if n > MaxRows+1 {
					return nil, &FileError{Code: "too_many_rows", Message: msgRowsBeyondLimit.Fill(MaxRows + 1)}
				}
				line, col = n, 0
				cur = &record{line: line}
			case "c":
				if cur == nil {
					return nil, malformed
				}
				col++
				if ref := attr(t, "r"); ref != "" {
					if col, err = columnOf(ref); err != nil {
						return nil, malformed
					}
				}
				var c xmlCell
				if err := d.DecodeElement(&c, &t); err != nil {
					return nil, malformed
				}
				text, kind, err := cellValue(c, attr(t, "t"), attr(t, "s"), strs, percent)
				if err != nil {
					return nil, malformed
				}
				if text == "" || col > MaxColumns {
					continue
				}
				for len(cur.cells) < col-1 {
					cur.cells = append(cur.cells, "")
					cur.kinds = append(cur.kinds, kindText)
				}
				if len(cur.cells) >= col {
					return nil, malformed // cells out of order
				}
				cur.cells = append(cur.cells, text)
				cur.kinds = append(cur.kinds, kind)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				if cur != nil && !blank(cur.cells) {
					if len(out) > MaxRows {
						return nil, &FileError{Code: "too_many_rows", Message: msgTooManyRows.Fill(MaxRows)}
					}
					out = append(out, *cur)
				}
				cur = nil
			case "sheetData":
				return out, nil
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// columnOf is the 1-based column of a cell reference ("C12" → 3).
func columnOf(ref string) (int, error) {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			if i == 0 {
				return 0, errors.New("no column")
			}
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > 16384 {
			return 0, errors.New("column out of range")
		}
	}
	return col, nil
}

// cellValue is a cell's value and kind, from its type attribute t and style
// index s.
func cellValue(c xmlCell, t, s string, strs []string, percent []bool) (string, cellKind, error) {
	switch t {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.V))
		if err != nil || i < 0 || i >= len(strs) {
			return "", kindText, errors.New("shared string out of range")
		}
		return strs[i], kindText, nil
	case "inlineStr":
		if c.IS == nil {
			return "", kindText, nil
		}
		// Each run decoded alone, as in the shared strings.
		var b strings.Builder
		b.WriteString(unescapeXString(c.IS.T))
		for _, r := range c.IS.R {
			b.WriteString(unescapeXString(r.T))
		}
		return b.String(), kindText, nil
	case "d":
		// An ISO 8601 date: its day is enough.
		if len(c.V) >= 10 {
			return c.V[:10], kindText, nil
		}
		return c.V, kindText, nil
	case "", "n":
		v := strings.TrimSpace(c.V)
		if v == "" {
			return "", kindText, nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return "", kindText, err
		}
		kind := kindNumber
		if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(percent) && percent[i] {
			kind = kindPercent
		}
		return strconv.FormatFloat(f, 'f', -1, 64), kind, nil
	default:
		// "str" (a formula's text result), "b", "e": the text as stored.
		return c.V, kindText, nil
	}
}
