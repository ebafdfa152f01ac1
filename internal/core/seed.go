package core

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/auth"
	"passerelle/internal/blob"
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
	"passerelle/internal/store"
)

// DemoPassword is the password of every demonstration account.
const DemoPassword = "Passerelle-Demo-2026"

// DemoLogin is one demonstration account.
type DemoLogin struct {
	Email, Role, Organisation string
}

type demoOrg struct {
	kind          domain.OrganisationKind
	country, name string
	user, person  string
	lang          domain.Language
	platformRole  domain.PlatformRole
	profile       demoProfile
}

// demoProfile is the public profile of a demonstration organisation. Legal
// identifiers are fictional but pass their scheme's check.
type demoProfile struct {
	street, postcode, town, nuts3 string
	lat, lon                      float64
	phone                         string
	languages                     []string
	// descriptions alternate language and text.
	descriptions []string
	// identifiers alternate kind and value.
	identifiers []string
}

// organisation builds d's organisation in canonical form; the NUTS 3
// region is kept only when the regions are loaded (import-nuts).
func (d demoOrg) organisation(withNUTS bool) (domain.Organisation, error) {
	p := d.profile
	o := domain.Organisation{Kind: d.kind, Country: d.country, LegalName: d.name,
		StreetLines: []string{p.street}, Postcode: p.postcode, Town: p.town, Location: &domain.GeoPoint{Latitude: p.lat, Longitude: p.lon},
		Website: "https://" + strings.ReplaceAll(d.user, ".", "-") + ".demo.passerelle.example", Phone: p.phone, Languages: p.languages}
	if withNUTS {
		o.NUTS3 = p.nuts3
	}
	for i := 0; i+1 < len(p.descriptions); i += 2 {
		o.Descriptions = append(o.Descriptions, domain.LocalizedText{Lang: p.descriptions[i], Text: p.descriptions[i+1]})
	}
	for i := 0; i+1 < len(p.identifiers); i += 2 {
		o.Identifiers = append(o.Identifiers, domain.LegalIdentifier{Kind: legalid.Kind(p.identifiers[i]), Value: p.identifiers[i+1]})
	}
	o, ve := domain.NormalizeOrganisation(o)
	if err := ve.Err(); err != nil {
		return domain.Organisation{}, fmt.Errorf("demo organisation %s: %w", d.name, err)
	}
	return o, nil
}

// DemoFigure is one count of what the seed created ("offers published": 104).
type DemoFigure struct {
	What  string
	Count int
}

// DemoSummary is what Seed created: the logins, and figures to print.
// Logins is empty when the database already had accounts.
type DemoSummary struct {
	Logins  []DemoLogin
	Figures []DemoFigure
}

// seededOrg is a demonstration organisation once created.
type seededOrg struct {
	demo    demoOrg
	org     domain.Organisation
	ownerID string
	// memberID is the second member (role member), if any (demoMembers).
	memberID string
}

// owner returns the actor and principal of the organisation's owner, acting
// for it, as the API would build them from a session.
func (o seededOrg) owner() (Actor, domain.Principal) {
	return Actor{UserID: o.ownerID, PlatformRole: domain.PlatformUser},
		domain.Principal{UserID: o.ownerID, PlatformRole: domain.PlatformUser,
			Memberships: map[string]domain.MembershipRole{o.org.ID: domain.RoleOwner}, ActiveOrganisationID: o.org.ID}
}

// member returns the actor and principal of the organisation's second
// member, acting for it; the owner's when it has none.
func (o seededOrg) member() (Actor, domain.Principal) {
	if o.memberID == "" {
		return o.owner()
	}
	return Actor{UserID: o.memberID, PlatformRole: domain.PlatformUser},
		domain.Principal{UserID: o.memberID, PlatformRole: domain.PlatformUser,
			Memberships: map[string]domain.MembershipRole{o.org.ID: domain.RoleMember}, ActiveOrganisationID: o.org.ID}
}

// demoWorld is what the seed's steps share once the organisations and
// their users exist.
type demoWorld struct {
	st      *store.Store
	objects *blob.Store
	// cpv says the CPV list is imported: only then may offers and tenders
	// carry CPV codes.
	cpv bool
	// orgs are the organisations by their owner's demo user (demoOrg.user).
	orgs      map[string]seededOrg
	moderator domain.Principal
	modActor  Actor
	// jobs schedules the closing of published tenders at their deadline.
	jobs    TenderJobs
	figures []DemoFigure
	// convention is the demonstration convention event, once seeded
	// (seed_convention.go).
	convention *demoConvention
}

// count records a figure for the summary.
func (w *demoWorld) count(what string, n int) {
	w.figures = append(w.figures, DemoFigure{What: what, Count: n})
}

// Seed fills an empty database with demonstration organisations and their
// users (all with DemoPassword and a verified email), a cluster moderator
// and a platform admin, then runs the steps that use the real use cases:
// the suppliers' SSE statuses with evidence stored in objects (verified by
// the moderator, one pending, one rejected, one about to expire), then
// their offers (most published by the moderator, a few drafts, pending or
// waiting for changes), then the buyers' tenders (most published, with
// questions and responses), whose closing at the deadline is scheduled
// in jobs, the queue. With ifEmpty it does nothing when any account exists.
func Seed(ctx context.Context, st *store.Store, objects *blob.Store, jobs TenderJobs, ifEmpty bool) (DemoSummary, error) {
	if ifEmpty {
		n, err := st.CountUsers(ctx)
		if err != nil || n > 0 {
			return DemoSummary{}, err
		}
	}
	if jobs == nil {
		// Published tenders would never close at their deadline.
		return DemoSummary{}, errors.New("seed: a job queue is required to schedule the tenders' closing")
	}
	w, logins, err := seedOrganisations(ctx, st)
	if err != nil {
		return DemoSummary{}, err
	}
	w.objects, w.jobs = objects, jobs
	cpv, err := st.CountCPVCodes(ctx)
	if err != nil {
		return DemoSummary{}, err
	}
	w.cpv = cpv > 0
	// The steps run in order, each through the use cases of the API, so
	// that the demonstration data obeys the same rules as real data. A new
	// kind of listing adds its step here, in a file of its own. Tenders
	// come last: suppliers respond to them with their verified statuses.
	steps := []func(context.Context, *demoWorld) error{seedStatuses, seedOffers, seedTenders, seedRouting}
	// The business convention comes after the listings: delegates' event
	// profiles are prefilled from them.
	steps = append(steps, seedConvention)
	// The past purchases the impact figures count (seed_impact.go).
	steps = append(steps, seedImpact)
	for _, step := range steps {
		if err := step(ctx, w); err != nil {
			return DemoSummary{}, err
		}
	}
	return DemoSummary{Logins: logins, Figures: w.figures}, nil
}

// seedOrganisations creates the organisations, their owners and second
// members, and the admin, in one transaction.
func seedOrganisations(ctx context.Context, st *store.Store) (*demoWorld, []DemoLogin, error) {
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		return nil, nil, err
	}
	nuts, err := st.CountNUTSRegions(ctx, "", 3)
	if err != nil {
		return nil, nil, err
	}
	w := &demoWorld{st: st, orgs: map[string]seededOrg{}}
	var logins []DemoLogin
	now := time.Now()
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		addUser := func(email, name string, lang domain.Language, role domain.PlatformRole) (domain.User, error) {
			u, err := tx.CreateUser(ctx, domain.User{Email: email, DisplayName: name, Language: lang, PlatformRole: role}, hash)
			if err != nil {
				return domain.User{}, err
			}
			_, err = tx.MarkEmailVerified(ctx, u.ID, now)
			return u, err
		}
		for _, d := range demoOrgs {
			o, err := d.organisation(nuts > 0)
			if err != nil {
				return err
			}
			org, err := tx.CreateOrganisation(ctx, o)
			if err != nil {
				return err
			}
			u, err := addUser(d.user+"@demo.passerelle.example", d.person, d.lang, d.platformRole)
			if err != nil {
				return err
			}
			if err := tx.AddMembership(ctx, org.ID, u.ID, domain.RoleOwner); err != nil {
				return err
			}
			seeded := seededOrg{demo: d, org: org, ownerID: u.ID}
			if d.platformRole == domain.PlatformModerator {
				w.moderator = domain.Principal{UserID: u.ID, PlatformRole: d.platformRole,
					Memberships: map[string]domain.MembershipRole{org.ID: domain.RoleOwner}}
				w.modActor = Actor{UserID: u.ID, PlatformRole: d.platformRole}
			}
			role := fmt.Sprintf("owner of a %s (%s)", d.kind, d.country)
			if d.platformRole != "" {
				role += ", " + string(d.platformRole)
			}
			logins = append(logins, DemoLogin{Email: u.Email, Role: role, Organisation: d.name})
			if m, ok := demoMembers[d.user]; ok {
				mu, err := addUser(m.user+"@demo.passerelle.example", m.person, m.lang, "")
				if err != nil {
					return err
				}
				if err := tx.AddMembership(ctx, org.ID, mu.ID, domain.RoleMember); err != nil {
					return err
				}
				seeded.memberID = mu.ID
				logins = append(logins, DemoLogin{Email: mu.Email, Role: fmt.Sprintf("member of a %s (%s)", d.kind, d.country), Organisation: d.name})
			}
			w.orgs[d.user] = seeded
		}
		u, err := addUser("admin@demo.passerelle.example", "Admin Passerelle", domain.LangEN, domain.PlatformAdmin)
		if err != nil {
			return err
		}
		logins = append(logins, DemoLogin{Email: u.Email, Role: "platform admin"})
		return tx.Audit(ctx, domain.AuditEntry{Action: "demo.seeded", SubjectType: "database", SubjectID: "demo",
			After: map[string]any{"organisations": len(demoOrgs), "users": len(logins)}})
	})
	if err != nil {
		return nil, nil, err
	}
	w.count("organisations", len(demoOrgs))
	w.count("users", len(logins))
	return w, logins, nil
}
