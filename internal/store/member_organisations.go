package store

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/google/uuid"

	"passerelle/internal/domain"
	"passerelle/internal/store/sqlc"
)

// A list of a user's organisations is ordered by legal name, so its cursor
// is the legal name and id of the last row of a page, opaque to clients
// like every cursor (base64url of "org|name|id"; the id has no "|", so the
// last one separates it from a name that may hold some).
const orgNameCursorTag = "org|"

func encodeOrgNameCursor(name string, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(orgNameCursorTag + name + "|" + id.String()))
}

// decodeOrgNameCursor reads a cursor; "" is before every organisation (the
// empty name sorts first and legal names are never empty).
func decodeOrgNameCursor(s string) (string, uuid.UUID, error) {
	if s == "" {
		return "", uuid.Nil, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	rest, tagged := strings.CutPrefix(string(raw), orgNameCursorTag)
	i := strings.LastIndexByte(rest, '|')
	if err != nil || !tagged || i < 0 {
		return "", uuid.Nil, badCursor()
	}
	id, err := uuid.Parse(rest[i+1:])
	if err != nil || !storableText(rest[:i]) {
		return "", uuid.Nil, badCursor()
	}
	return rest[:i], id, nil
}

// badCursor is the field error of a cursor that no list returned; its
// English text is in the API's catalogue, which translates it.
func badCursor() error {
	ve := &domain.ValidationError{}
	ve.Add("query.cursor", "invalid", "this cursor was not returned by this list: start again without it")
	return ve
}

// ListOrganisationsByMemberPage returns up to limit of the organisations
// userID belongs to, with their role, by legal name then id, after cursor
// (from a previous page; "" for the first). next is the cursor of the
// following page, "" after the last one.
func (s *Store) ListOrganisationsByMemberPage(ctx context.Context, userID, cursor string, limit int32) (
	page []domain.MemberOrganisation, next string, err error) {
	afterName, afterID, err := decodeOrgNameCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	uid, err := uuid.Parse(userID)
	if err != nil {
		return []domain.MemberOrganisation{}, "", nil
	}
	rows, err := s.q.ListOrganisationsByMemberPage(ctx, sqlc.ListOrganisationsByMemberPageParams{
		UserID: uid, AfterLegalName: afterName, AfterID: afterID, RowLimit: limit + 1,
	})
	if err != nil {
		return nil, "", mapError(err)
	}
	rows, next = pageAfter(rows, limit, func(r sqlc.ListOrganisationsByMemberPageRow) string {
		return encodeOrgNameCursor(r.Organisation.LegalName, r.Organisation.ID)
	})
	page = make([]domain.MemberOrganisation, len(rows))
	for i, r := range rows {
		page[i] = domain.MemberOrganisation{Organisation: organisationFromRow(r.Organisation), Role: domain.MembershipRole(r.Role)}
	}
	return page, next, nil
}
