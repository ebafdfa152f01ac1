package core

import (
	"errors"
	"strings"
	"testing"

	"github.com/gabriel-vasile/mimetype"

	"passerelle/internal/domain"
)

var documentPurposes = []domain.DocumentPurpose{domain.DocSSEEvidence, domain.DocLogo, domain.DocTenderDocument,
	domain.DocResponseDocument, domain.DocOfferPhoto, domain.DocOther}

// FuzzCheckUploadType sniffs arbitrary first bytes of an upload, with any
// file name and declared type, as Documents.Upload does: the type comes
// from the content only, so an accepted file is of a type its purpose
// accepts, named with one of that type's extensions (or none), never a
// web page, an SVG or a program whatever it claims; a refusal is a field
// error on "file" explained in the four languages.
func FuzzCheckUploadType(f *testing.F) {
	for _, s := range []struct{ head, name, declared string }{
		{"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "attestation.pdf", "application/pdf"},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.PNG", "image/png"},
		{"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.jpg", "image/jpeg"},
		{"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "logo.png", "image/png"},
		{"<!DOCTYPE html><html><script>alert(1)</script>", "cv.pdf", "application/pdf"},
		{"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "facture.pdf.exe", ""},
		{"\x7fELF\x02\x01\x01", "x", "application/octet-stream"},
		{"#!/bin/sh\nrm -rf /", "run.sh", "text/x-shellscript"},
		{"PK\x03\x04\x14\x00\x06\x00", "offre.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"plain text", "notes", "text/plain; charset=utf-8"},
		{"", ".pdf", ""},
	} {
		for i := range documentPurposes {
			f.Add([]byte(s.head), uint8(i), s.name, s.declared)
		}
	}
	f.Fuzz(func(t *testing.T, head []byte, which uint8, name, declared string) {
		if len(head) > sniffSize {
			head = head[:sniffSize]
		}
		purpose := documentPurposes[int(which)%len(documentPurposes)]
		sniffed := mimetype.Detect(head)
		ft, err := checkType(sniffed, purpose, name, declared)
		if err != nil {
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "file" {
				t.Fatalf("refusal %v is not a field error on file", err)
			}
			for _, l := range domain.Languages {
				if m := ve.Fields[0].Messages[l]; m == "" || strings.Contains(m, "%!") {
					t.Fatalf("%s message %q", l, m)
				}
			}
			return
		}
		if !purpose.Accepts(ft.ContentType) {
			t.Fatalf("%s accepted for %s, which does not take it", ft.ContentType, purpose)
		}
		if ext := domain.FileExtension(name); ext != "" && !ft.HasExtension(ext) {
			t.Fatalf("%s accepted under the name %q", ft.ContentType, name)
		}
		for a := sniffed; a != nil; a = a.Parent() {
			for _, bad := range []string{"text/html", "image/svg+xml", "application/x-elf", "application/vnd.microsoft.portable-executable",
				"text/x-shellscript", "application/javascript"} {
				if a.Is(bad) {
					t.Fatalf("content sniffed as %s accepted as %s", sniffed, ft.ContentType)
				}
			}
		}
	})
}
