package core

import (
	"context"
	"errors"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
	"passerelle/internal/store"
)

// SavedSearches keeps users' saved searches (any query of the search,
// checked by the same parser and the same database checks) and sends
// their daily alerts of new listings (SendAlerts).
type SavedSearches struct {
	st     *store.Store
	search *Search
	now    Clock
	// notes and backlog are set by WithAlerts, in the process that sends
	// alerts.
	notes   *Notifications
	backlog IndexBacklog
}

// IndexBacklog tells how far the search index is behind PostgreSQL: the
// age of the oldest index job waiting to be worked (0 when none).
// *jobs.Runner implements it.
type IndexBacklog interface {
	OldestPendingIndexJob(ctx context.Context) (time.Duration, error)
}

// NewSavedSearches builds the saved-search use cases over search.
func NewSavedSearches(st *store.Store, search *Search, now Clock) *SavedSearches {
	if now == nil {
		now = time.Now
	}
	return &SavedSearches{st: st, search: search, now: now}
}

// WithAlerts lets s send alerts through notes; backlog (nil: none) keeps
// an alert's window out of what the index has not caught up with yet.
func (s *SavedSearches) WithAlerts(notes *Notifications, backlog IndexBacklog) *SavedSearches {
	s.notes, s.backlog = notes, backlog
	return s
}

// SavedSearchInput is what a user gives to create or change a saved
// search; a nil field is left as it is (on creation: Alerts defaults to
// on, Lang to the request's language).
type SavedSearchInput struct {
	Name   *string
	Query  *string
	Lang   *string
	Alerts *bool
}

// SearchURL is the path of the search API running s's query.
func SearchURL(s domain.SavedSearch) string {
	return "/api/v1/search?" + s.Query
}

// DefaultSavedSearchPageSize and MaxSavedSearchPageSize bound a page.
const (
	DefaultSavedSearchPageSize = 20
	MaxSavedSearchPageSize     = 100
)

var (
	msgSavedSearchExists = domain.Msg{
		EN: "you already have a saved search named %q", FR: "vous avez déjà une recherche enregistrée nommée %q",
		DE: "Sie haben bereits eine gespeicherte Suche namens %q", NL: "u hebt al een bewaarde zoekopdracht met de naam %q",
	}
	msgSavedSearchLimit = domain.Msg{
		EN: "you already have %d saved searches, the most allowed: delete one first",
		FR: "vous avez déjà %d recherches enregistrées, le maximum : supprimez-en une d’abord",
		DE: "Sie haben bereits %d gespeicherte Suchen, das Maximum: löschen Sie zuerst eine",
		NL: "u hebt al %d bewaarde zoekopdrachten, het maximum: verwijder er eerst een",
	}
	msgSavedSearchLang = domain.Msg{
		EN: "%q is not a language: use fr, de, en or nl", FR: "%q n’est pas une langue : utilisez fr, de, en ou nl",
		DE: "%q ist keine Sprache: verwenden Sie fr, de, en oder nl", NL: "%q is geen taal: gebruik fr, de, en of nl",
	}
	msgSavedSearchQueryRequired = domain.Msg{
		EN: "is required: the query string of the search, e.g. q=Reinigung&kind=offer",
		FR: "est obligatoire : la chaîne de requête de la recherche, par exemple q=Reinigung&kind=offer",
		DE: "ist erforderlich: die Abfragezeichenfolge der Suche, z. B. q=Reinigung&kind=offer",
		NL: "is verplicht: de querystring van de zoekopdracht, bijv. q=Reinigung&kind=offer",
	}
)

// List returns a page of the signed-in user's saved searches, oldest first.
func (s *SavedSearches) List(ctx context.Context, p domain.Principal, cursor string, limit int) ([]domain.SavedSearch, string, error) {
	if p.Anonymous() {
		return nil, "", domain.ErrUnauthenticated
	}
	if limit == 0 {
		limit = DefaultSavedSearchPageSize
	}
	if limit < 1 || limit > MaxSavedSearchPageSize {
		ve := &domain.ValidationError{}
		ve.AddLocalized("query.limit", "out_of_range", msgNotificationLimit.With(MaxSavedSearchPageSize))
		return nil, "", ve
	}
	return s.st.ListSavedSearchesPage(ctx, p.UserID, cursor, int32(limit))
}

// Get returns one of the signed-in user's saved searches; another user's
// is domain.ErrNotFound.
func (s *SavedSearches) Get(ctx context.Context, p domain.Principal, id string) (domain.SavedSearch, error) {
	if p.Anonymous() {
		return domain.SavedSearch{}, domain.ErrUnauthenticated
	}
	return s.st.GetSavedSearch(ctx, p.UserID, id)
}

// Create saves a search for the signed-in user. The query is checked as
// GET /api/v1/search checks it, every wrong parameter a field error under
// body.query.<parameter>; with eligible=true it acts, in its alerts too,
// for the organisation p acts for now. A user has at most
// domain.MaxSavedSearchesPerUser (409 beyond), each name once (409).
func (s *SavedSearches) Create(ctx context.Context, actor Actor, p domain.Principal, in SavedSearchInput, lang domain.Language) (domain.SavedSearch, error) {
	if p.Anonymous() {
		return domain.SavedSearch{}, domain.ErrUnauthenticated
	}
	saved := domain.SavedSearch{UserID: p.UserID, Lang: lang, Alerts: true}
	if in.Alerts != nil {
		saved.Alerts = *in.Alerts
	}
	if in.Name == nil {
		in.Name = new(string)
	}
	if in.Query == nil {
		in.Query = new(string)
	}
	if err := s.apply(ctx, p, &saved, in); err != nil {
		return domain.SavedSearch{}, err
	}
	var out domain.SavedSearch
	err := s.st.WithTx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountSavedSearchesLocked(ctx, p.UserID)
		if err != nil {
			return err
		}
		if n >= domain.MaxSavedSearchesPerUser {
			return msgSavedSearchLimit.Wrap(domain.ErrConflict, domain.MaxSavedSearchesPerUser)
		}
		out, err = tx.InsertSavedSearch(ctx, saved, s.now())
		if errors.Is(err, domain.ErrConflict) {
			return msgSavedSearchExists.Wrap(domain.ErrConflict, saved.Name)
		}
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "saved_search.created", "saved_search", out.ID, out.OrganisationID, nil, savedSearchAudit(out))
	})
	return out, err
}

// Update changes the fields given of one of the signed-in user's saved
// searches, checked as on creation. A new query, or alerts switched back
// on, restart its alerts from now.
func (s *SavedSearches) Update(ctx context.Context, actor Actor, p domain.Principal, id string, in SavedSearchInput) (domain.SavedSearch, error) {
	if p.Anonymous() {
		return domain.SavedSearch{}, domain.ErrUnauthenticated
	}
	before, err := s.st.GetSavedSearch(ctx, p.UserID, id)
	if err != nil {
		return domain.SavedSearch{}, err
	}
	saved := before
	if in.Alerts != nil {
		saved.Alerts = *in.Alerts
	}
	if in.Query == nil && saved.Alerts && !before.Alerts {
		// Alerts switched back on: the kept query is checked again, as
		// the job will run it (they may have been switched off because
		// it stopped passing), and eligibility acts for the organisation
		// the user acts for now.
		q := before.Query
		in.Query = &q
	}
	if err := s.apply(ctx, p, &saved, in); err != nil {
		return domain.SavedSearch{}, err
	}
	var out domain.SavedSearch
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.UpdateSavedSearch(ctx, saved, s.now())
		if errors.Is(err, domain.ErrConflict) {
			return msgSavedSearchExists.Wrap(domain.ErrConflict, saved.Name)
		}
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "saved_search.updated", "saved_search", out.ID, out.OrganisationID,
			savedSearchAudit(before), savedSearchAudit(out))
	})
	return out, err
}

// Delete deletes one of the signed-in user's saved searches.
func (s *SavedSearches) Delete(ctx context.Context, actor Actor, p domain.Principal, id string) error {
	if p.Anonymous() {
		return domain.ErrUnauthenticated
	}
	return s.st.WithTx(ctx, func(tx *store.Tx) error {
		gone, err := tx.DeleteSavedSearch(ctx, p.UserID, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, actor, "saved_search.deleted", "saved_search", gone.ID, gone.OrganisationID, savedSearchAudit(gone), nil)
	})
}

// apply checks the fields of in that are set and writes them to saved,
// naming every wrong one in a single ValidationError. A query (new or
// kept) with eligible=true binds saved to the organisation p acts for.
func (s *SavedSearches) apply(ctx context.Context, p domain.Principal, saved *domain.SavedSearch, in SavedSearchInput) error {
	ve := &domain.ValidationError{}
	if in.Name != nil {
		saved.Name = domain.NormalizeSavedSearchName(*in.Name)
		domain.ValidateSavedSearchName(ve, saved.Name)
	}
	if in.Lang != nil {
		if l := domain.Language(strings.ToLower(strings.TrimSpace(*in.Lang))); l.Valid() {
			saved.Lang = l
		} else {
			ve.AddLocalized("body.lang", "invalid", msgSavedSearchLang.With(*in.Lang))
		}
	}
	if in.Query != nil {
		query := strings.TrimPrefix(strings.TrimSpace(*in.Query), "?")
		req, qve, readable := ParseSearchQuery(query, "body.query")
		ve.Fields = append(ve.Fields, qve.Fields...)
		switch {
		case query == "":
			// An empty query lists everything public: a feed of every new
			// listing is what the alert would be. Refused as a mistake.
			ve.AddLocalized("body.query", "required", msgSavedSearchQueryRequired.With())
		case readable:
			if req.Cursor != "" {
				ve.AddLocalized("body.query.cursor", "invalid", msgSavedSearchCursor.With())
			}
			ps, sve, err := s.search.prepare(ctx, p, req, s.now())
			if err != nil {
				return err
			}
			for _, f := range sve.Fields {
				f.Field = "body." + f.Field // query.<parameter> → body.query.<parameter>
				ve.Fields = append(ve.Fields, f)
			}
			saved.OrganisationID = ""
			if ps.eligible {
				saved.OrganisationID = p.ActiveOrganisationID
			}
			saved.Query = query
		}
	}
	return ve.Err()
}

func savedSearchAudit(s domain.SavedSearch) map[string]any {
	return map[string]any{"name": s.Name, "query": s.Query, "lang": string(s.Lang), "alerts": s.Alerts}
}

// Alert bounds.
const (
	// SavedSearchAlertBatch is how many saved searches one query of
	// SendAlerts fetches.
	SavedSearchAlertBatch = 200
	// SavedSearchAlertTitles is how many hits an alert names.
	SavedSearchAlertTitles = 5
	// savedSearchAlertHits is how many hits an alert loads to count them
	// (beyond it, the engine's total is the count).
	savedSearchAlertHits = 100
	// SavedSearchIndexMargin keeps the last minutes out of an alert's
	// window: a listing published then may not be in the index yet (its
	// index job, inserted with the publication, runs a moment later). It
	// is in the next day's window instead.
	SavedSearchIndexMargin = 5 * time.Minute
)

// SendAlerts runs every saved search whose alerts are on over the
// listings published since its last alert, and writes one notification
// to its user for each that found any, in the user's language. The
// window ends SavedSearchIndexMargin ago, or where the index's backlog
// begins when it is further behind, so that a listing the index has not
// caught up with waits for the next run instead of being skipped; each
// search's last_alert_at moves to the window's end in the transaction of
// its notification, so that a re-run, a retry or a second instance never
// repeats a hit. A search engine error stops the run with an error (the
// job is retried); the searches not yet done keep their window. It
// returns how many notifications were written.
func (s *SavedSearches) SendAlerts(ctx context.Context) (int, error) {
	if s.notes == nil {
		return 0, errors.New("core: saved-search alerts need notifications (WithAlerts)")
	}
	now := s.now()
	end := now.Add(-SavedSearchIndexMargin)
	if s.backlog != nil {
		age, err := s.backlog.OldestPendingIndexJob(ctx)
		if err != nil {
			return 0, err
		}
		if behind := now.Add(-age - SavedSearchIndexMargin); age > 0 && behind.Before(end) {
			end = behind
		}
	}
	// Engines keep publication times in whole seconds: windows ending on
	// a second meet exactly.
	end = end.Truncate(time.Second)
	sent, after := 0, ""
	for {
		ids, err := s.st.SavedSearchesDue(ctx, end, after, SavedSearchAlertBatch)
		if err != nil {
			return sent, err
		}
		for _, id := range ids {
			ok, err := s.alertOne(ctx, id, end, now)
			if err != nil {
				return sent, err
			}
			if ok {
				sent++
			}
		}
		if len(ids) < SavedSearchAlertBatch {
			return sent, nil
		}
		after = ids[len(ids)-1]
	}
}

// alertOne sends the alert of saved search id for the window ending at
// end, if it is still due; it reports whether a notification was written.
//
// The search runs first, outside any transaction: it reads through the
// pool and may call the engine, which must not happen while a row is
// locked. The transaction then locks the saved search only if it is as
// the search saw it, and skips it otherwise (another run alerted it, or
// its owner edited it: the next run searches again).
func (s *SavedSearches) alertOne(ctx context.Context, id string, end, now time.Time) (bool, error) {
	saved, ok, err := s.st.SavedSearchDue(ctx, id, end)
	if err != nil || !ok {
		return false, err // done meanwhile by another run, or changed
	}
	req, qve, _ := ParseSearchQuery(saved.Query, "query")
	p := domain.Principal{UserID: saved.UserID}
	if req.Eligible != "" && qve.Err() == nil {
		roles, err := s.st.Memberships(ctx, saved.UserID)
		if err != nil {
			return false, err
		}
		if _, member := roles[saved.OrganisationID]; saved.OrganisationID != "" && member {
			p.Memberships, p.ActiveOrganisationID = roles, saved.OrganisationID
		}
	}
	ps, ve, err := s.search.prepare(ctx, p, req, now)
	if err != nil {
		return false, err
	}
	// The query cannot run as it was saved any more: the user left the
	// organisation eligibility acted for, or it stopped being a supplier,
	// or a town it names is gone. Alerts stop, and the user is told why
	// rather than left waiting for news.
	stopped := len(qve.Fields) > 0 || len(ve.Fields) > 0
	var page SearchPage
	if !stopped {
		from := saved.LastAlertAt
		ps.q.Filters.PublishedFrom, ps.q.Filters.PublishedBefore = &from, &end
		ps.q.Facets, ps.q.Cursor, ps.q.Highlight, ps.q.Limit = nil, "", false, savedSearchAlertHits
		if page, err = s.search.run(ctx, ps, now, saved.Lang); err != nil {
			return false, err // the engine is down: the job retries, the window stays
		}
	}
	notified := false
	err = s.st.WithTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.LockSavedSearchUnchanged(ctx, saved)
		if err != nil || !ok {
			return err
		}
		u, err := tx.GetUser(ctx, saved.UserID)
		if err != nil {
			return err
		}
		if stopped {
			reason := msgSavedSearchStoppedQuery
			if ps.eligible && p.ActiveOrganisationID == "" {
				reason = msgSavedSearchStoppedMember
			}
			if err := tx.DisableSavedSearchAlerts(ctx, saved.ID, now); err != nil {
				return err
			}
			// The system's own change: no actor.
			if err := writeAudit(ctx, tx, Actor{}, "saved_search.alerts_stopped", "saved_search", saved.ID, saved.OrganisationID,
				map[string]any{"alerts": true}, map[string]any{"alerts": false, "reason": reason.EN}); err != nil {
				return err
			}
			notified = true
			return s.notifyStopped(ctx, tx, saved, u.Language, reason)
		}
		if len(page.Hits) > 0 {
			count := len(page.Hits)
			if page.NextCursor != "" {
				count = max(count, page.Total)
			}
			notified = true
			if err := s.notifyHits(ctx, tx, saved, u.Language, page.Hits, count); err != nil {
				return err
			}
		}
		return tx.SetSavedSearchAlerted(ctx, saved.ID, end)
	})
	return notified && err == nil, err
}

var (
	msgSavedSearchAlertOne = domain.Msg{
		EN: "Saved search “%s”: 1 new listing: %s", FR: "Recherche enregistrée « %s » : 1 nouvelle annonce : %s",
		DE: "Gespeicherte Suche „%s“: 1 neuer Eintrag: %s", NL: "Bewaarde zoekopdracht ‘%s’: 1 nieuwe publicatie: %s",
	}
	msgSavedSearchAlertMany = domain.Msg{
		EN: "Saved search “%s”: %d new listings: %s", FR: "Recherche enregistrée « %s » : %d nouvelles annonces : %s",
		DE: "Gespeicherte Suche „%s“: %d neue Einträge: %s", NL: "Bewaarde zoekopdracht ‘%s’: %d nieuwe publicaties: %s",
	}
	msgSavedSearchStoppedTitle = domain.Msg{
		EN: "Alerts of your saved search “%s” are off: %s", FR: "Les alertes de votre recherche enregistrée « %s » sont arrêtées : %s",
		DE: "Die Benachrichtigungen Ihrer gespeicherten Suche „%s“ sind ausgeschaltet: %s", NL: "De meldingen van uw bewaarde zoekopdracht ‘%s’ staan uit: %s",
	}
	msgSavedSearchStoppedMember = domain.Msg{
		EN: "it looks for tenders your organisation is eligible for, and you are no longer a member of that organisation",
		FR: "elle cherche les appels d’offres auxquels votre organisation est éligible, et vous n’êtes plus membre de cette organisation",
		DE: "sie sucht Ausschreibungen, für die Ihre Organisation teilnahmeberechtigt ist, und Sie sind nicht mehr Mitglied dieser Organisation",
		NL: "ze zoekt aanbestedingen waarvoor uw organisatie in aanmerking komt, en u bent geen lid meer van die organisatie",
	}
	msgSavedSearchStoppedQuery = domain.Msg{
		EN: "its query can no longer run as it was saved; open it, correct it and switch its alerts back on",
		FR: "sa requête ne peut plus s’exécuter telle qu’elle a été enregistrée ; ouvrez-la, corrigez-la et réactivez ses alertes",
		DE: "ihre Abfrage lässt sich so, wie sie gespeichert wurde, nicht mehr ausführen; öffnen Sie sie, korrigieren Sie sie und schalten Sie die Benachrichtigungen wieder ein",
		NL: "de zoekvraag kan niet meer worden uitgevoerd zoals ze werd bewaard; open ze, verbeter ze en zet de meldingen weer aan",
	}
)

// notifyHits writes the alert of saved's new hits (count in all, the
// first ones named) to its user, in lang.
func (s *SavedSearches) notifyHits(ctx context.Context, tx *store.Tx, saved domain.SavedSearch, lang domain.Language, hits []SearchHit, count int) error {
	shown := hits[:min(len(hits), SavedSearchAlertTitles)]
	titles := make([]string, len(shown))
	items := make([]map[string]any, len(shown))
	for i, h := range shown {
		titles[i] = h.Title
		items[i] = map[string]any{"Title": h.Title, "Kind": string(h.Kind), "Organisation": h.OrganisationName,
			"Link": s.notes.Link(listingPath(h))}
	}
	list := strings.Join(titles, " · ")
	if count > len(shown) {
		list += " …"
	}
	title := msgSavedSearchAlertMany.With(saved.Name, count, list)[lang]
	if count == 1 {
		title = msgSavedSearchAlertOne.With(saved.Name, list)[lang]
	}
	link := s.notes.Link("/search?" + saved.Query)
	return s.notes.Notify(ctx, tx, Notice{Category: domain.NotifySavedSearchAlerts, Kind: "saved_search_alert", Title: title, Link: link,
		Data: map[string]any{"SearchName": saved.Name, "Count": count, "Items": items, "More": count - len(shown), "Link": link,
			"Stopped": ""}}, saved.UserID)
}

// notifyStopped tells saved's user, in lang, that its alerts are off and why.
func (s *SavedSearches) notifyStopped(ctx context.Context, tx *store.Tx, saved domain.SavedSearch, lang domain.Language, reason domain.Msg) error {
	why := reason.With()[lang]
	link := s.notes.Link("/workspace/account/saved-searches")
	return s.notes.Notify(ctx, tx, Notice{Category: domain.NotifySavedSearchAlerts, Kind: "saved_search_alert",
		Title: msgSavedSearchStoppedTitle.With(saved.Name, why)[lang], Link: link,
		Data: map[string]any{"SearchName": saved.Name, "Count": 0, "Items": []map[string]any{}, "More": 0, "Link": link,
			"Stopped": why}}, saved.UserID)
}

// listingPath is the web app's page of a hit.
func listingPath(h SearchHit) string {
	switch h.Kind {
	case search.KindOffer:
		return "/offers/" + h.ID
	case search.KindTender:
		return "/tenders/" + h.ID
	}
	return "/organisations/" + h.ID
}
