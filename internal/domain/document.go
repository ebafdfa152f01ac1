package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DocumentPurpose says what an uploaded document is for; it decides which
// file types are accepted.
type DocumentPurpose string

// The document purposes.
const (
	DocSSEEvidence      DocumentPurpose = "sse_evidence"
	DocLogo             DocumentPurpose = "logo"
	DocTenderDocument   DocumentPurpose = "tender_document"
	DocResponseDocument DocumentPurpose = "response_document"
	DocOfferPhoto       DocumentPurpose = "offer_photo"
	DocOther            DocumentPurpose = "other"
)

// Valid reports whether p is a known purpose.
func (p DocumentPurpose) Valid() bool {
	_, ok := purposeRules[p]
	return ok
}

// Name names the purpose in every language, for messages ("accepted for
// evidence", "acceptés comme justificatif"); an unknown purpose has no name.
func (p DocumentPurpose) Name() Msg { return purposeRules[p].name }

// AcceptedTypes lists the file types accepted for p, in the order messages
// name them; nil for an unknown purpose.
func (p DocumentPurpose) AcceptedTypes() []FileType {
	rule, ok := purposeRules[p]
	if !ok {
		return nil
	}
	out := make([]FileType, len(rule.types))
	for i, ct := range rule.types {
		out[i], _ = FileTypeByContentType(ct)
	}
	return out
}

// Accepts reports whether a file of contentType may be uploaded for p.
func (p DocumentPurpose) Accepts(contentType string) bool {
	for _, ct := range purposeRules[p].types {
		if ct == contentType {
			return true
		}
	}
	return false
}

// AcceptedLabels lists the labels of the accepted types ("PDF, PNG, JPEG, WebP").
func (p DocumentPurpose) AcceptedLabels() string {
	types := p.AcceptedTypes()
	labels := make([]string, len(types))
	for i, t := range types {
		labels[i] = t.Label
	}
	return strings.Join(labels, ", ")
}

// FileType is a file format Passerelle accepts in some upload.
type FileType struct {
	// ContentType is the canonical media type, stored with the document.
	ContentType string
	// Label is the short name users know ("PDF", "DOCX").
	Label string
	// Description names a file of the type in a sentence, in every
	// language ("a PDF document", "un document PDF").
	Description Msg
	// Extensions are the lower-case file name extensions of the type, with
	// the dot; the first is the canonical one.
	Extensions []string
}

// The accepted media types.
const (
	TypePDF  = "application/pdf"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
	TypeWebP = "image/webp"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypeODT  = "application/vnd.oasis.opendocument.text"
	TypeODS  = "application/vnd.oasis.opendocument.spreadsheet"
)

var fileTypes = []FileType{
	{TypePDF, "PDF", Msg{EN: "a PDF document", FR: "un document PDF", DE: "ein PDF-Dokument", NL: "een pdf-document"}, []string{".pdf"}},
	{TypePNG, "PNG", Msg{EN: "a PNG image", FR: "une image PNG", DE: "ein PNG-Bild", NL: "een png-afbeelding"}, []string{".png"}},
	{TypeJPEG, "JPEG", Msg{EN: "a JPEG image", FR: "une image JPEG", DE: "ein JPEG-Bild", NL: "een jpeg-afbeelding"},
		[]string{".jpg", ".jpeg", ".jpe", ".jfif"}},
	{TypeWebP, "WebP", Msg{EN: "a WebP image", FR: "une image WebP", DE: "ein WebP-Bild", NL: "een webp-afbeelding"}, []string{".webp"}},
	{TypeDOCX, "DOCX", Msg{EN: "a Word document (DOCX)", FR: "un document Word (DOCX)", DE: "ein Word-Dokument (DOCX)",
		NL: "een Word-document (DOCX)"}, []string{".docx"}},
	{TypeXLSX, "XLSX", Msg{EN: "an Excel spreadsheet (XLSX)", FR: "un classeur Excel (XLSX)", DE: "eine Excel-Tabelle (XLSX)",
		NL: "een Excel-werkblad (XLSX)"}, []string{".xlsx"}},
	{TypeODT, "ODT", Msg{EN: "an OpenDocument text (ODT)", FR: "un texte OpenDocument (ODT)", DE: "ein OpenDocument-Text (ODT)",
		NL: "een OpenDocument-tekst (ODT)"}, []string{".odt"}},
	{TypeODS, "ODS", Msg{EN: "an OpenDocument spreadsheet (ODS)", FR: "un classeur OpenDocument (ODS)", DE: "eine OpenDocument-Tabelle (ODS)",
		NL: "een OpenDocument-werkblad (ODS)"}, []string{".ods"}},
}

// Not SVG anywhere: an SVG is a document that can carry scripts.
var (
	imageTypes    = []string{TypePNG, TypeJPEG, TypeWebP}
	evidenceTypes = []string{TypePDF, TypePNG, TypeJPEG, TypeWebP}
	officeTypes   = []string{TypePDF, TypePNG, TypeJPEG, TypeWebP, TypeDOCX, TypeXLSX, TypeODT, TypeODS}
)

// purposeRules name each purpose and list its accepted types. The English
// names are those of "accepted for …"; the others are singular, as in
// "acceptés comme justificatif", "als Nachweis", "als bewijsstuk".
var purposeRules = map[DocumentPurpose]struct {
	name  Msg
	types []string
}{
	DocSSEEvidence: {Msg{EN: "evidence", FR: "justificatif", DE: "Nachweis", NL: "bewijsstuk"}, evidenceTypes},
	DocLogo:        {Msg{EN: "logos", FR: "logo", DE: "Logo", NL: "logo"}, imageTypes},
	DocTenderDocument: {Msg{EN: "tender documents", FR: "document d'appel d'offres", DE: "Ausschreibungsunterlage",
		NL: "aanbestedingsdocument"}, officeTypes},
	DocResponseDocument: {Msg{EN: "response documents", FR: "document de réponse à un appel d'offres", DE: "Angebotsunterlage",
		NL: "document bij een inschrijving"}, officeTypes},
	DocOfferPhoto: {Msg{EN: "offer photos", FR: "photo d'offre", DE: "Angebotsfoto", NL: "foto bij een aanbod"}, imageTypes},
	DocOther:      {Msg{EN: "documents", FR: "autre document", DE: "sonstiges Dokument", NL: "ander document"}, officeTypes},
}

// FileSize writes a size for people: "25 MiB" ("25 Mio" in French),
// "512 KiB", "1000 bytes".
func FileSize(n int64) Msg {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return Msg{EN: "%d MiB", FR: "%d Mio", DE: "%d MiB", NL: "%d MiB"}.Fill(n >> 20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return Msg{EN: "%d KiB", FR: "%d Kio", DE: "%d KiB", NL: "%d KiB"}.Fill(n >> 10)
	}
	return Msg{EN: "%d bytes", FR: "%d octets", DE: "%d Byte", NL: "%d bytes"}.Fill(n)
}

// FileTooLarge refuses a file larger than limit bytes, in every language.
func FileTooLarge(limit int64) map[Language]string {
	return Msg{
		EN: "the file is larger than %s", FR: "le fichier dépasse %s",
		DE: "die Datei ist größer als %s", NL: "het bestand is groter dan %s",
	}.With(FileSize(limit))
}

// FileTypeByContentType returns the accepted file type of a media type.
func FileTypeByContentType(contentType string) (FileType, bool) {
	for _, t := range fileTypes {
		if t.ContentType == contentType {
			return t, true
		}
	}
	return FileType{}, false
}

// FileTypeByExtension returns the accepted file type an extension (".pdf",
// any case) announces.
func FileTypeByExtension(ext string) (FileType, bool) {
	ext = strings.ToLower(ext)
	for _, t := range fileTypes {
		for _, e := range t.Extensions {
			if e == ext {
				return t, true
			}
		}
	}
	return FileType{}, false
}

// HasExtension reports whether ext (any case) is one of t's extensions.
func (t FileType) HasExtension(ext string) bool {
	ext = strings.ToLower(ext)
	for _, e := range t.Extensions {
		if e == ext {
			return true
		}
	}
	return false
}

// maxExtensionLength bounds what counts as an extension: "Rapport v1.2
// final" has none, so ".2 final" is not mistaken for one.
const maxExtensionLength = 10

// FileExtension returns name's extension with its dot (".pdf", case kept),
// or "" when the name has none: an extension is 1 to 10 ASCII letters or
// digits after the last dot, and a name that is only an extension
// (".htaccess") has none.
func FileExtension(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || len(name)-i-1 < 1 || len(name)-i-1 > maxExtensionLength {
		return ""
	}
	for _, r := range name[i+1:] {
		if !isASCIIAlnum(r) {
			return ""
		}
	}
	return name[i:]
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// MaxFilenameLength is the longest sanitized file name, in bytes.
const MaxFilenameLength = 255

// fallbackFilename replaces a name with nothing left after sanitizing.
const fallbackFilename = "document"

// SanitizeFilename turns a name a user's browser sent into one safe to
// store and to offer back in a Content-Disposition header: the base name
// only (whatever the path separator), without control or invisible
// formatting characters (a right-to-left override can disguise
// "cod.exe" as "exe.doc"), without the characters Windows reserves
// (<>:"/\|?*), without leading dots (no hidden files) nor trailing dots
// and spaces (which Windows drops), with runs of white space collapsed to
// one space, and at most 255 bytes long, cut between runes and keeping the
// extension. An empty result becomes "document". Names are not
// normalized to NFC: the standard library cannot.
func SanitizeFilename(name string) string {
	name = strings.ToValidUTF8(name, "")
	// Base name: the last non-empty part after '/' or '\'.
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' })
	if len(parts) == 0 {
		return fallbackFilename
	}
	name = parts[len(parts)-1]

	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), strings.ContainsRune(`<>:"/\|?*`, r), r == utf8.RuneError:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	name = strings.TrimLeft(b.String(), ". ")
	name = strings.TrimRight(name, ". ")

	if len(name) > MaxFilenameLength {
		ext := FileExtension(name)
		stem := truncateUTF8(name[:len(name)-len(ext)], MaxFilenameLength-len(ext))
		name = strings.TrimRight(stem, ". ") + ext
	}
	if name == "" || strings.TrimLeft(name, ".") == "" {
		return fallbackFilename
	}
	return name
}

// truncateUTF8 cuts s to at most n bytes without splitting a rune.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Document is a file an organisation uploaded. Its bytes are in object
// storage under ObjectKey; its type was sniffed from the content.
type Document struct {
	ID             string
	OrganisationID string
	// UploadedBy is the user who uploaded it; empty once that user is deleted.
	UploadedBy  string
	Purpose     DocumentPurpose
	Filename    string
	ContentType string
	SizeBytes   int64
	// SHA256 is the hex SHA-256 of the content.
	SHA256    string
	ObjectKey string
	CreatedAt time.Time
}
