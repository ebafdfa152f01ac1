package domain

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeFilename(t *testing.T) {
	long := strings.Repeat("é", 200) // 400 bytes
	tests := []struct {
		name, in, want string
	}{
		{"plain", "devis.pdf", "devis.pdf"},
		{"unix path traversal", "../../etc/passwd", "passwd"},
		{"windows path", "C:\\x\\évaluation finale.pdf", "évaluation finale.pdf"},
		{"nul byte", "\x00evil.pdf", "evil.pdf"},
		{"control characters", "a\x07b\x1b.pdf", "ab.pdf"},
		{"hidden file", ".htaccess", "htaccess"},
		{"only dots", "...", "document"},
		{"empty", "", "document"},
		{"only separators", "/\\//", "document"},
		{"trailing separator", "dossier/", "dossier"},
		{"reserved characters", `a<b>c:d"e|f?g*h.pdf`, "abcdefgh.pdf"},
		{"spaces collapsed", "  rapport \t annuel\n2025 .pdf  ", "rapport annuel 2025 .pdf"},
		{"trailing dots and spaces", "facture.pdf. . ", "facture.pdf"},
		{"right-to-left override", "facture\u202Efdp.exe", "facturefdp.exe"},
		{"zero width space", "fac\u200Bture.pdf", "facture.pdf"},
		{"invalid UTF-8", "ab\xffc.pdf", "abc.pdf"},
		{"unicode kept", "Übersicht 2025 – Köln.xlsx", "Übersicht 2025 – Köln.xlsx"},
		{"long ascii keeps extension", strings.Repeat("a", 300) + ".pdf", strings.Repeat("a", 251) + ".pdf"},
		{"long multibyte not cut inside a rune", long + ".pdf", strings.Repeat("é", 125) + ".pdf"},
		{"long without extension", strings.Repeat("b", 400), strings.Repeat("b", 255)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SanitizeFilename(tt.in)
			if got != tt.want {
				t.Errorf("SanitizeFilename(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) > MaxFilenameLength || !utf8.ValidString(got) || got == "" {
				t.Errorf("SanitizeFilename(%q) = %q: not a valid stored name", tt.in, got)
			}
			if again := SanitizeFilename(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestFileExtension(t *testing.T) {
	tests := map[string]string{
		"a.pdf":               ".pdf",
		"a.PDF":               ".PDF",
		"archive.tar.gz":      ".gz",
		"htaccess":            "",
		".htaccess":           "",
		"Rapport v1.2 final":  "",
		"a.":                  "",
		"a.verylongextension": "",
		"photo.jpeg":          ".jpeg",
	}
	for in, want := range tests {
		if got := FileExtension(in); got != want {
			t.Errorf("FileExtension(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocumentPurposeAccepts(t *testing.T) {
	all := []string{TypePDF, TypePNG, TypeJPEG, TypeWebP, TypeDOCX, TypeXLSX, TypeODT, TypeODS, "image/svg+xml", "application/zip", "text/html"}
	want := map[DocumentPurpose][]string{
		DocSSEEvidence:      {TypePDF, TypePNG, TypeJPEG, TypeWebP},
		DocLogo:             {TypePNG, TypeJPEG, TypeWebP},
		DocOfferPhoto:       {TypePNG, TypeJPEG, TypeWebP},
		DocTenderDocument:   {TypePDF, TypePNG, TypeJPEG, TypeWebP, TypeDOCX, TypeXLSX, TypeODT, TypeODS},
		DocResponseDocument: {TypePDF, TypePNG, TypeJPEG, TypeWebP, TypeDOCX, TypeXLSX, TypeODT, TypeODS},
		DocOther:            {TypePDF, TypePNG, TypeJPEG, TypeWebP, TypeDOCX, TypeXLSX, TypeODT, TypeODS},
	}
	for p, accepted := range want {
		if !p.Valid() {
			t.Errorf("%s must be valid", p)
		}
		if n := p.Name(); n.EN == "" || n.FR == "" || n.DE == "" || n.NL == "" {
			t.Errorf("%s is not named in every language: %+v", p, n)
		}
		for _, ft := range p.AcceptedTypes() {
			if d := ft.Description; d.EN == "" || d.FR == "" || d.DE == "" || d.NL == "" {
				t.Errorf("%s is not described in every language: %+v", ft.Label, d)
			}
		}
		for _, ct := range all {
			wantOK := false
			for _, a := range accepted {
				wantOK = wantOK || a == ct
			}
			if got := p.Accepts(ct); got != wantOK {
				t.Errorf("%s accepts %s = %v, want %v", p, ct, got, wantOK)
			}
		}
		if got := len(p.AcceptedTypes()); got != len(accepted) {
			t.Errorf("%s: %d accepted types, want %d", p, got, len(accepted))
		}
	}
	if got := DocSSEEvidence.AcceptedLabels(); got != "PDF, PNG, JPEG, WebP" {
		t.Errorf("evidence labels = %q", got)
	}
	for _, p := range []DocumentPurpose{"", "svg", "Logo"} {
		if p.Valid() || p.Accepts(TypePNG) || p.AcceptedTypes() != nil {
			t.Errorf("%q must be invalid and accept nothing", p)
		}
	}
}

func TestFileTypeByExtension(t *testing.T) {
	for ext, want := range map[string]string{".pdf": TypePDF, ".PDF": TypePDF, ".jpeg": TypeJPEG, ".JPG": TypeJPEG, ".docx": TypeDOCX, ".ods": TypeODS} {
		ft, ok := FileTypeByExtension(ext)
		if !ok || ft.ContentType != want {
			t.Errorf("FileTypeByExtension(%q) = %v, %v; want %s", ext, ft.ContentType, ok, want)
		}
		if !ft.HasExtension(ext) {
			t.Errorf("%s must have extension %s", ft.Label, ext)
		}
	}
	for _, ext := range []string{".svg", ".exe", "", ".html"} {
		if _, ok := FileTypeByExtension(ext); ok {
			t.Errorf("FileTypeByExtension(%q) must find nothing", ext)
		}
	}
	for _, ft := range fileTypes {
		if got, ok := FileTypeByContentType(ft.ContentType); !ok || got.Label != ft.Label {
			t.Errorf("FileTypeByContentType(%s) = %v, %v", ft.ContentType, got, ok)
		}
	}
}

func TestFileTooLarge(t *testing.T) {
	for limit, want := range map[int64]map[Language]string{
		25 << 20: {LangEN: "the file is larger than 25 MiB", LangFR: "le fichier dépasse 25 Mio",
			LangDE: "die Datei ist größer als 25 MiB", LangNL: "het bestand is groter dan 25 MiB"},
		512 << 10: {LangEN: "the file is larger than 512 KiB", LangFR: "le fichier dépasse 512 Kio",
			LangDE: "die Datei ist größer als 512 KiB", LangNL: "het bestand is groter dan 512 KiB"},
		1000: {LangEN: "the file is larger than 1000 bytes", LangFR: "le fichier dépasse 1000 octets",
			LangDE: "die Datei ist größer als 1000 Byte", LangNL: "het bestand is groter dan 1000 bytes"},
	} {
		if got := FileTooLarge(limit); !reflect.DeepEqual(got, want) {
			t.Errorf("FileTooLarge(%d) = %q", limit, got)
		}
	}
}
