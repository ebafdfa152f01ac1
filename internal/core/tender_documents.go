package core

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"passerelle/internal/domain"
)

// TenderDownload is how a tender document reaches its reader: a
// short-lived link (URL), or, when the link would name an anonymous buyer
// (object keys carry the organisation's id), the content itself (Body,
// which the caller closes).
type TenderDownload struct {
	URL      string
	Document domain.Document
	Body     io.ReadCloser
}

// TenderDocument gives a document attached to a tender to whoever may see
// the tender (tenderVisible: everyone once it is published, unless its
// buyer is suspended). A document not attached to
// it does not exist here.
func (d *Documents) TenderDocument(ctx context.Context, p domain.Principal, tenderID, documentID string) (TenderDownload, error) {
	t, err := d.st.GetTender(ctx, tenderID)
	if err != nil {
		return TenderDownload{}, err
	}
	if ok, err := tenderVisible(ctx, d.st, p, t); err != nil || !ok {
		return TenderDownload{}, notVisible(err)
	}
	if !slices.Contains(t.DocumentIDs, documentID) {
		return TenderDownload{}, domain.ErrNotFound
	}
	doc, err := d.st.GetDocument(ctx, documentID)
	if err != nil {
		return TenderDownload{}, err
	}
	if _, member := p.Memberships[t.OrganisationID]; t.BuyerAnonymous && !member && !domain.Can(p, domain.ActModerate, domain.Resource{}) {
		body, _, err := d.objects.Get(ctx, doc.ObjectKey)
		if err != nil {
			return TenderDownload{}, fmt.Errorf("documents: %w", err)
		}
		return TenderDownload{Document: doc, Body: body}, nil
	}
	url, _, err := presignDownload(ctx, d.objects, doc)
	return TenderDownload{URL: url, Document: doc}, err
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
