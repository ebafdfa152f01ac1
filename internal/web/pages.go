package web

import (
	"context"
	"errors"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/markdown"
	"passerelle/internal/store"
)

// Pages loads what the public pages describe, as an anonymous visitor
// sees it: a listing or profile that may not be seen is
// domain.ErrNotFound. core.PublicPages implements it.
type Pages interface {
	Offer(ctx context.Context, id string) (domain.Offer, domain.Organisation, error)
	Tender(ctx context.Context, id string) (core.TenderView, error)
	Organisation(ctx context.Context, id string) (domain.Organisation, error)
	SitemapSize(ctx context.Context) (int64, error)
	SitemapEntries(ctx context.Context, skip, limit int64) ([]store.SitemapEntry, error)
}

var _ Pages = (*core.PublicPages)(nil)

// maxDescription bounds a page's description, in characters: what search
// engines show of it.
const maxDescription = 200

// requestLanguage is the language a page is written in: ?lang= when it
// names a supported language, else Accept-Language's best, else English
// (the app makes the same choice, with the visitor's stored choice before
// the browser's, which the server cannot see).
func requestLanguage(r *http.Request) domain.Language {
	if l := domain.Language(r.URL.Query().Get("lang")); l.Valid() {
		return l
	}
	if l, ok := domain.NegotiateLanguage(r.Header.Get("Accept-Language")); ok {
		return l
	}
	return domain.LangEN
}

// describe returns the head of the page at r's path and its status.
// Paths that are not public pages get the generic head, not to be
// indexed, with status 200: the app decides what they show.
func (h *Handler) describe(r *http.Request, lang domain.Language) (head, int) {
	p := r.URL.Path
	switch p {
	case "/":
		return head{Lang: lang, Title: "Passerelle: " + text(msgSiteTagline, lang), Description: text(msgSiteDescription, lang),
			Canonical: h.base + "/", JSONLD: websiteLD(h.base)}, http.StatusOK
	case "/search":
		return h.searchHead(r, lang), http.StatusOK
	case "/login":
		return h.plainHead(lang, msgLoginTitle), http.StatusOK
	case "/signup":
		return h.plainHead(lang, msgSignupTitle), http.StatusOK
	case "/reset-password":
		return h.plainHead(lang, msgResetTitle), http.StatusOK
	case "/verify-email":
		return h.plainHead(lang, msgVerifyTitle), http.StatusOK
	case "/statistics":
		return h.openDataHead(lang, "/statistics", msgStatisticsTitle, msgStatisticsDescription), http.StatusOK
	case "/developers":
		return h.openDataHead(lang, "/developers", msgDevelopersTitle, msgDevelopersDescription), http.StatusOK
	}
	if kind, id, ok := listingPath(p); ok && h.pages != nil {
		var hd head
		var err error
		switch kind {
		case "offers":
			hd, err = h.offerHead(r.Context(), id, lang)
		case "tenders":
			hd, err = h.tenderHead(r.Context(), id, lang)
		case "organisations":
			hd, err = h.organisationHead(r.Context(), id, lang)
		}
		switch {
		case err == nil:
			return hd, http.StatusOK
		case errors.Is(err, domain.ErrNotFound):
			return h.plainHead(lang, msgNotFoundTitle), http.StatusNotFound
		default:
			h.log.Error("describing a public page", "path", p, "err", err)
			return h.plainHead(lang, msgUnavailableTitle), http.StatusServiceUnavailable
		}
	}
	return head{Lang: lang, Title: "Passerelle", Description: text(msgSiteDescription, lang), NoIndex: true}, http.StatusOK
}

// listingPath splits /offers/{id}, /tenders/{id} and /organisations/{id}.
func listingPath(p string) (kind, id string, ok bool) {
	kind, id, ok = strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", "", false
	}
	switch kind {
	case "offers", "tenders", "organisations":
		return kind, id, true
	}
	return "", "", false
}

// plainHead is the head of a page that is not to be indexed: the site's
// description under a title.
func (h *Handler) plainHead(lang domain.Language, title domain.Msg) head {
	return head{Lang: lang, Title: text(title, lang) + " · Passerelle", Description: text(msgSiteDescription, lang), NoIndex: true}
}

// searchHeadParams are left out of a search page's canonical URL: the
// language (the alternates carry it) and the page cursor.
var searchHeadParams = []string{"lang", "cursor"}

func (h *Handler) searchHead(r *http.Request, lang domain.Language) head {
	q := r.URL.Query()
	for _, k := range searchHeadParams {
		q.Del(k)
	}
	hd := head{Lang: lang, Title: text(msgSearchTitle, lang) + " · Passerelle", Description: text(msgSiteDescription, lang),
		Canonical: h.base + "/search"}
	if len(q) > 0 {
		hd.Canonical += "?" + q.Encode()
		// Result lists change all the time: the listings are what to index.
		hd.NoIndex = true
	}
	if s := strings.TrimSpace(q.Get("q")); s != "" {
		hd.Title = text(msgSearchQueryTitle, lang, truncate(s, 80)) + " · Passerelle"
	}
	return hd
}

func (h *Handler) tenderHead(ctx context.Context, id string, lang domain.Language) (head, error) {
	v, err := h.pages.Tender(ctx, id)
	if err != nil {
		return head{}, err
	}
	t := v.Tender
	txt := t.Original()
	if i := slices.IndexFunc(t.Texts, func(x domain.TenderText) bool { return x.Language == lang }); i >= 0 {
		txt = t.Texts[i]
	}
	place := t.PlaceTown
	if place == "" {
		place = t.PlaceNUTS
	}
	summary := text(msgTenderSummary, lang, place, domain.DateMsg(t.ResponsesDeadline.UTC()))
	desc := truncate(strings.TrimSpace(summary+" "+plainText(txt.Description)), maxDescription)
	u := h.base + "/tenders/" + url.PathEscape(t.ID)
	return head{Lang: lang, Title: txt.Title + " · Passerelle", Description: desc, Canonical: u,
		JSONLD: tenderLD(h.base, u, v, txt, desc)}, nil
}

func (h *Handler) offerHead(ctx context.Context, id string, lang domain.Language) (head, error) {
	o, org, err := h.pages.Offer(ctx, id)
	if err != nil {
		return head{}, err
	}
	txt := domain.OfferText{Lang: o.Language, Title: o.Title, Description: o.Description}
	if i := slices.IndexFunc(o.Translations, func(x domain.OfferText) bool { return x.Lang == lang }); i >= 0 && lang != o.Language {
		txt = o.Translations[i]
	}
	summary := text(msgOfferSummary, lang, organisationName(org))
	desc := truncate(strings.TrimSpace(summary+" "+plainText(txt.Description)), maxDescription)
	u := h.base + "/offers/" + url.PathEscape(o.ID)
	return head{Lang: lang, Title: txt.Title + " · Passerelle", Description: desc, Canonical: u,
		JSONLD: offerLD(h.base, u, o, org, txt, desc)}, nil
}

func (h *Handler) organisationHead(ctx context.Context, id string, lang domain.Language) (head, error) {
	org, err := h.pages.Organisation(ctx, id)
	if err != nil {
		return head{}, err
	}
	about := organisationDescription(org, lang)
	place := org.Town
	if place == "" {
		place = org.Country
	}
	summary := text(msgBuyerSummary, lang, place)
	if org.Kind == domain.OrgSSESupplier {
		summary = text(msgSupplierSummary, lang, place)
	}
	desc := truncate(strings.TrimSpace(summary+" "+plainText(about)), maxDescription)
	u := h.base + "/organisations/" + url.PathEscape(org.ID)
	return head{Lang: lang, Title: organisationName(org) + " · Passerelle", Description: desc, Canonical: u,
		JSONLD: organisationLD(h.base, u, org, plainText(about))}, nil
}

// organisationDescription is what org says about itself in lang, else
// in the first of its working languages it wrote one in, else its first.
func organisationDescription(org domain.Organisation, lang domain.Language) string {
	for _, l := range append([]string{string(lang)}, org.Languages...) {
		if i := slices.IndexFunc(org.Descriptions, func(x domain.LocalizedText) bool { return x.Lang == l }); i >= 0 {
			return org.Descriptions[i].Text
		}
	}
	if len(org.Descriptions) > 0 {
		return org.Descriptions[0].Text
	}
	return ""
}

var (
	blockEnd = regexp.MustCompile(`</(p|li|h[1-6]|td|th|blockquote|pre)>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

// plainText is the text of Markdown, on one line: rendered by the
// platform's safe renderer, then stripped of its tags, each paragraph,
// heading or list item ending as a sentence.
func plainText(md string) string {
	if md == "" {
		return ""
	}
	s := blockEnd.ReplaceAllString(markdown.Render(md), "\x00")
	var out []string
	for _, block := range strings.Split(s, "\x00") {
		t := strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(block, " "))), " ")
		if t == "" {
			continue
		}
		if last, _ := utf8.DecodeLastRuneInString(t); !strings.ContainsRune(".!?:;…", last) {
			t += "."
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// truncate cuts s to at most n characters, at a word boundary when
// there is one, with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return strings.TrimRight(string(r)[:i], " ,;:.") + "…"
	}
	return string(r) + "…"
}
