package core

import (
	"context"
	"fmt"
	"time"

	"passerelle/internal/domain"
)

// seedRouting routes every published demo tender to its first batch of
// suppliers, as the routing job would after publication, and has a few
// suppliers answer: the demonstration shows routed needs in the
// suppliers' notifications and lists, "not interested" answers, and
// the buyers' first interest milestones. The notifications are written in
// the app (links relative to the site); their emails are dropped, like
// the seed's others.
func seedRouting(ctx context.Context, w *demoWorld) error {
	notes := NewNotifications(w.st, demoTenderJobs{w.jobs}, time.Now, NotificationsConfig{})
	r := NewRouting(w.st, notes, time.Now, RoutingConfig{})
	owners := map[string]seededOrg{}
	for _, o := range w.orgs {
		owners[o.org.ID] = o
	}
	var published []domain.Tender
	for cursor := ""; ; {
		page, next, err := w.st.ListPublishedTenders(ctx, "", cursor, MaxPageSize)
		if err != nil {
			return err
		}
		published = append(published, page...)
		if next == "" {
			break
		}
		cursor = next
	}
	routed, interested, declined := 0, 0, 0
	for i, t := range published {
		n, err := r.RouteTender(ctx, t.ID)
		if err != nil {
			return fmt.Errorf("route demo tender %q: %w", t.Original().Title, err)
		}
		routed += n
		// Every other tender gets answers: the first two suppliers routed
		// its first lot are interested, the third is not.
		if i%2 == 1 || len(t.Lots) == 0 {
			continue
		}
		routes, _, err := w.st.ListLotRoutesPage(ctx, t.Lots[0].ID, "", 3)
		if err != nil {
			return err
		}
		for j, route := range routes {
			s, ok := owners[route.OrganisationID]
			if !ok {
				continue
			}
			actor, p := s.owner()
			a := domain.RouteAnswer{Interest: domain.Interested}
			if j == 2 {
				a = domain.RouteAnswer{Interest: domain.NotInterested, Reason: domain.DeclineNoCapacity}
			}
			if _, err := r.Answer(ctx, actor, p, s.org.ID, route.LotID, a); err != nil {
				return fmt.Errorf("demo answer of %s: %w", s.org.LegalName, err)
			}
			if j == 2 {
				declined++
			} else {
				interested++
			}
		}
	}
	w.count("needs routed", routed)
	w.count("needs answered interested", interested)
	w.count("needs answered not interested", declined)
	return nil
}
