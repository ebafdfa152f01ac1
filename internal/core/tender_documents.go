package core

import (
	"context"
	"slices"
	"time"

	"passerelle/internal/domain"
)

// TenderDocumentURL returns a download link for a document attached to a
// tender, to whoever may see the tender (everyone once it is published).
// A document not attached to it does not exist here.
func (d *Documents) TenderDocumentURL(ctx context.Context, p domain.Principal, tenderID, documentID string) (string, time.Time, error) {
	t, err := d.st.GetTender(ctx, tenderID)
	if err != nil {
		return "", time.Time{}, err
	}
	if !tenderVisible(p, t) || !slices.Contains(t.DocumentIDs, documentID) {
		return "", time.Time{}, domain.ErrNotFound
	}
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return "", time.Time{}, err
	}
	return presignDownload(ctx, d.objects, doc)
}

// ResponseDocumentURL returns a download link for a document attached to
// a response, to whoever may see the response: sealed like it (see
// Responses).
func (d *Documents) ResponseDocumentURL(ctx context.Context, p domain.Principal, responseID, documentID string) (string, time.Time, error) {
	r, err := d.st.GetResponse(ctx, responseID)
	if err != nil {
		return "", time.Time{}, err
	}
	t, err := d.st.GetTender(ctx, r.TenderID)
	if err != nil {
		return "", time.Time{}, err
	}
	if !ResponseVisible(p, r, t, d.now()) || !slices.Contains(r.DocumentIDs, documentID) {
		return "", time.Time{}, domain.ErrNotFound
	}
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return "", time.Time{}, err
	}
	return presignDownload(ctx, d.objects, doc)
}

// sealedFromModerators reports whether doc is a response document, which
// moderators may not read through the generic document routes: responses
// are sealed from them too.
func sealedFromModerators(p domain.Principal, doc domain.Document) bool {
	if doc.Purpose != domain.DocResponseDocument {
		return false
	}
	_, member := p.Memberships[doc.OrganisationID]
	return !member
}
