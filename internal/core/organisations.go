package core

import (
	"context"
	"errors"
	"fmt"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

// Organisations manages organisations' public profiles: creation, reading,
// editing, the logo.
type Organisations struct {
	st      *store.Store
	objects *blob.Store
	index   SearchJobs // nil: no search index updates (see WithSearch)
}

// NewOrganisations builds the organisation use cases; objects signs the
// logo download links.
func NewOrganisations(st *store.Store, objects *blob.Store) *Organisations {
	return &Organisations{st: st, objects: objects}
}

// WithSearch makes every profile change queue, in its transaction, an
// update of the organisation's search documents: its supplier document and
// its offers and tenders carry its country, region, position and names.
// It returns o.
func (o *Organisations) WithSearch(jobs SearchJobs) *Organisations {
	o.index = jobs
	return o
}

// Create makes a new organisation on behalf of actor, who becomes its
// owner, in one transaction with an audit entry. The user must be signed in
// with a verified email; only a platform admin may create a cluster.
// Descriptions, identifiers and every profile field are checked
// (domain.NormalizeOrganisation, plus the NUTS region against the stored
// list); the status is always active.
func (o *Organisations) Create(ctx context.Context, actor Actor, principal domain.Principal, in domain.Organisation) (domain.Organisation, error) {
	if principal.Anonymous() {
		return domain.Organisation{}, domain.ErrUnauthenticated
	}
	user, err := o.st.GetUser(ctx, principal.UserID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if user.EmailVerifiedAt == nil {
		return domain.Organisation{}, fmt.Errorf("%w: confirm your email address before creating an organisation", domain.ErrForbidden)
	}
	if in.Kind == domain.OrgCluster && !domain.Can(principal, domain.ActAdminister, domain.Resource{}) {
		return domain.Organisation{}, fmt.Errorf("%w: only a platform admin may create a cluster", domain.ErrForbidden)
	}
	in.ID, in.Status, in.LogoDocumentID = "", domain.OrgActive, ""
	org, err := o.validate(ctx, in)
	if err != nil {
		return domain.Organisation{}, err
	}
	var created domain.Organisation
	err = o.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if created, err = tx.CreateOrganisation(ctx, org); err != nil {
			return err
		}
		if err := tx.AddMembership(ctx, created.ID, actor.UserID, domain.RoleOwner); err != nil {
			return err
		}
		if err := indexOrganisation(ctx, tx, o.index, created.ID, time.Time{}); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "organisation.created", SubjectType: "organisation",
			SubjectID: created.ID, OrganisationID: created.ID, After: organisationAudit(created), RequestID: actor.RequestID})
	})
	return created, err
}

// Get returns an organisation's public profile. A suspended organisation
// is visible only to its members and to moderators; for anyone else it
// does not exist (domain.ErrNotFound).
func (o *Organisations) Get(ctx context.Context, principal domain.Principal, id string) (domain.Organisation, error) {
	org, err := o.st.GetOrganisation(ctx, id)
	if err != nil {
		return domain.Organisation{}, err
	}
	if org.Status != domain.OrgActive && !domain.Can(principal, domain.ActReadOrganisation, domain.Resource{OrganisationID: org.ID}) {
		return domain.Organisation{}, domain.ErrNotFound
	}
	return org, nil
}

// OrganisationPatch is a change to a profile: nil fields stay as they
// are; a non-nil slice pointer replaces the whole list (an empty list
// clears it). Location sets the position; ClearLocation removes it.
type OrganisationPatch struct {
	Country, LegalName, TradeName         *string
	Postcode, Town, NUTS3, Website, Phone *string
	StreetLines, Languages                *[]string
	Descriptions                          *[]domain.LocalizedText
	Identifiers                           *[]domain.LegalIdentifier
	Location                              *domain.GeoPoint
	ClearLocation                         bool
}

// Apply returns org with the patch applied.
func (p OrganisationPatch) Apply(org domain.Organisation) domain.Organisation {
	for _, f := range []struct{ dst, src *string }{
		{&org.Country, p.Country}, {&org.LegalName, p.LegalName}, {&org.TradeName, p.TradeName}, {&org.Postcode, p.Postcode},
		{&org.Town, p.Town}, {&org.NUTS3, p.NUTS3}, {&org.Website, p.Website}, {&org.Phone, p.Phone},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	switch {
	case p.ClearLocation:
		org.Location = nil
	case p.Location != nil:
		loc := *p.Location
		org.Location = &loc
	}
	if p.StreetLines != nil {
		org.StreetLines = *p.StreetLines
	}
	if p.Languages != nil {
		org.Languages = *p.Languages
	}
	if p.Descriptions != nil {
		org.Descriptions = *p.Descriptions
	}
	if p.Identifiers != nil {
		org.Identifiers = *p.Identifiers
	}
	return org
}

// Update changes an organisation's profile on behalf of a member
// (domain.ActEditOrganisation). The whole resulting profile is checked as
// on creation, so a change of country must come with a matching postcode,
// region and identifiers. The audit entry holds the profile before and
// after.
func (o *Organisations) Update(ctx context.Context, actor Actor, principal domain.Principal, id string, patch OrganisationPatch) (domain.Organisation, error) {
	if err := o.authorizeEdit(ctx, principal, id); err != nil {
		return domain.Organisation{}, err
	}
	var updated domain.Organisation
	err := o.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.GetOrganisationForUpdate(ctx, id)
		if err != nil {
			return err
		}
		next, err := o.validate(ctx, patch.Apply(before))
		if err != nil {
			return err
		}
		if updated, err = tx.UpdateOrganisationProfile(ctx, next); err != nil {
			return err
		}
		if err := indexOrganisation(ctx, tx, o.index, id, time.Time{}); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: "organisation.updated", SubjectType: "organisation",
			SubjectID: id, OrganisationID: id, Before: organisationAudit(before), After: organisationAudit(updated), RequestID: actor.RequestID})
	})
	return updated, err
}

// SetLogo makes documentID the organisation's logo. The document must be
// one of the organisation's own, uploaded with the purpose "logo";
// otherwise the answer is a domain.ValidationError on body.document_id
// (the same for a document that does not exist and for another
// organisation's, which must not be revealed).
func (o *Organisations) SetLogo(ctx context.Context, actor Actor, principal domain.Principal, orgID, documentID string) (domain.Organisation, error) {
	if err := o.authorizeEdit(ctx, principal, orgID); err != nil {
		return domain.Organisation{}, err
	}
	doc, err := o.st.GetDocument(ctx, documentID)
	switch {
	case errors.Is(err, domain.ErrNotFound) || (err == nil && doc.OrganisationID != orgID):
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.document_id", "not_found", domain.Msg{
			EN: "this organisation has no such document: upload the logo first",
			FR: "cette organisation n'a pas ce document : envoyez d'abord le logo",
			DE: "diese Organisation hat kein solches Dokument: Laden Sie zuerst das Logo hoch",
			NL: "deze organisatie heeft zo'n document niet: upload eerst het logo",
		}.With())
		return domain.Organisation{}, ve
	case err != nil:
		return domain.Organisation{}, err
	case doc.Purpose != domain.DocLogo:
		ve := &domain.ValidationError{}
		ve.AddLocalized("body.document_id", "wrong_purpose", domain.Msg{
			EN: "this document was uploaded as %s, not as a logo",
			FR: "ce document a été envoyé comme %s, et non comme logo",
			DE: "dieses Dokument wurde als %s hochgeladen, nicht als Logo",
			NL: "dit document is geüpload als %s, niet als logo",
		}.With(doc.Purpose.Name()))
		return domain.Organisation{}, ve
	}
	return o.setLogo(ctx, actor, orgID, doc.ID, "organisation.logo_set")
}

// ClearLogo removes the organisation's logo (the document itself stays).
// Clearing when there is none succeeds and records nothing.
func (o *Organisations) ClearLogo(ctx context.Context, actor Actor, principal domain.Principal, orgID string) (domain.Organisation, error) {
	if err := o.authorizeEdit(ctx, principal, orgID); err != nil {
		return domain.Organisation{}, err
	}
	return o.setLogo(ctx, actor, orgID, "", "organisation.logo_cleared")
}

func (o *Organisations) setLogo(ctx context.Context, actor Actor, orgID, documentID, action string) (domain.Organisation, error) {
	var org domain.Organisation
	err := o.st.WithTx(ctx, func(tx *store.Tx) error {
		before, err := tx.GetOrganisationForUpdate(ctx, orgID)
		if err != nil {
			return err
		}
		if before.LogoDocumentID == documentID {
			org = before
			return nil
		}
		if org, err = tx.SetOrganisationLogo(ctx, orgID, documentID); err != nil {
			return err
		}
		return tx.Audit(ctx, domain.AuditEntry{ActorUserID: actor.UserID, Action: action, SubjectType: "organisation",
			SubjectID: orgID, OrganisationID: orgID, Before: map[string]any{"logo_document_id": before.LogoDocumentID},
			After: map[string]any{"logo_document_id": documentID}, RequestID: actor.RequestID})
	})
	return org, err
}

// LogoURL returns a link that downloads the organisation's logo until the
// returned time (DocumentURLTTL from now). Logos are public, like the
// profile they belong to: anyone who may see the organisation may fetch
// it. An organisation without a logo gives domain.ErrNotFound.
func (o *Organisations) LogoURL(ctx context.Context, principal domain.Principal, orgID string) (string, time.Time, error) {
	org, err := o.Get(ctx, principal, orgID)
	if err != nil {
		return "", time.Time{}, err
	}
	if org.LogoDocumentID == "" {
		return "", time.Time{}, fmt.Errorf("%w: this organisation has no logo", domain.ErrNotFound)
	}
	doc, err := o.st.GetDocument(ctx, org.LogoDocumentID)
	if err != nil {
		return "", time.Time{}, err
	}
	return presignDownload(ctx, o.objects, doc)
}

// NUTSRegions lists the current NUTS regions of country ("" for every
// country) at level (negative for every level), by code.
func (o *Organisations) NUTSRegions(ctx context.Context, country string, level int) ([]domain.NUTSRegion, error) {
	return o.st.ListNUTSRegions(ctx, country, level, false)
}

// ListMine returns a page of the organisations the signed-in user belongs
// to, with their role in each, by legal name, and the cursor of the next
// page ("" after the last). limit <= 0 means DefaultMemberPageSize.
func (o *Organisations) ListMine(ctx context.Context, principal domain.Principal, cursor string, limit int) ([]domain.MemberOrganisation, string, error) {
	if principal.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	return o.st.ListOrganisationsByMemberPage(ctx, principal.UserID, cursor, memberPageSize(limit))
}

// authorizeEdit applies the policy for changing an organisation: members
// may; anyone else is refused.
func (o *Organisations) authorizeEdit(ctx context.Context, principal domain.Principal, orgID string) error {
	if principal.Anonymous() {
		return domain.ErrUnauthenticated
	}
	if !domain.Can(principal, domain.ActEditOrganisation, domain.Resource{OrganisationID: orgID}) {
		return domain.ErrForbidden
	}
	return nil
}

// validate normalizes org and checks its NUTS region against the stored
// list: it must be a current level-3 region of the organisation's country,
// and it is required in FR, DE, BE and LU once regions of that country are
// loaded (`passerelle import-nuts`); without them it stays optional, so
// that a fresh installation works before any import.
func (o *Organisations) validate(ctx context.Context, in domain.Organisation) (domain.Organisation, error) {
	org, ve := domain.NormalizeOrganisation(in)
	if org.NUTS3 != "" {
		region, err := o.st.GetNUTSRegion(ctx, org.NUTS3)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			ve.AddLocalized("body.nuts3", "unknown_region", domain.Msg{
				EN: "%q is not a known NUTS region",
				FR: "%q n'est pas une région NUTS connue",
				DE: "%q ist keine bekannte NUTS-Region",
				NL: "%q is geen bekende NUTS-regio",
			}.With(org.NUTS3))
		case err != nil:
			return domain.Organisation{}, err
		case region.Country != org.Country:
			ve.AddLocalized("body.nuts3", "wrong_country", domain.Msg{
				EN: "%s (%s) is a region of %s, not of %s",
				FR: "%s (%s) est une région du pays %s, et non du pays %s",
				DE: "%s (%s) ist eine Region des Landes %s, nicht des Landes %s",
				NL: "%s (%s) is een regio van het land %s, niet van het land %s",
			}.With(region.Code, region.Name, region.Country, org.Country))
		case !region.Assignable():
			ve.AddLocalized("body.nuts3", "not_assignable", domain.Msg{
				EN: "%s (%s) is not a current NUTS 3 region",
				FR: "%s (%s) n'est pas une région NUTS 3 en vigueur",
				DE: "%s (%s) ist keine aktuelle NUTS-3-Region",
				NL: "%s (%s) is geen actuele NUTS 3-regio",
			}.With(region.Code, region.Name))
		}
	} else if domain.IsGrandeRegionCountry(org.Country) {
		n, err := o.st.CountNUTSRegions(ctx, org.Country, 3)
		if err != nil {
			return domain.Organisation{}, err
		}
		if n > 0 {
			ve.AddLocalized("body.nuts3", "required", domain.Msg{
				EN: "the NUTS 3 region is required for an organisation of %s",
				FR: "la région NUTS 3 est obligatoire pour une organisation de ce pays (%s)",
				DE: "die NUTS-3-Region ist für eine Organisation aus diesem Land (%s) erforderlich",
				NL: "de NUTS 3-regio is verplicht voor een organisatie uit dit land (%s)",
			}.With(org.Country))
		}
	}
	if err := ve.Err(); err != nil {
		return domain.Organisation{}, err
	}
	return org, nil
}

// organisationAudit is what the audit log keeps of a profile.
func organisationAudit(o domain.Organisation) map[string]any {
	ids := make(map[string]string, len(o.Identifiers))
	for _, i := range o.Identifiers {
		ids[string(i.Kind)] = i.Value
	}
	descs := make(map[string]string, len(o.Descriptions))
	for _, d := range o.Descriptions {
		descs[d.Lang] = d.Text
	}
	a := map[string]any{
		"kind": o.Kind, "country": o.Country, "legal_name": o.LegalName, "trade_name": o.TradeName, "status": o.Status,
		"street_lines": o.StreetLines, "postcode": o.Postcode, "town": o.Town, "nuts3": o.NUTS3, "website": o.Website,
		"phone": o.Phone, "languages": o.Languages, "descriptions": descs, "identifiers": ids, "logo_document_id": o.LogoDocumentID,
	}
	if o.Location != nil {
		a["latitude"], a["longitude"] = o.Location.Latitude, o.Location.Longitude
	}
	return a
}
