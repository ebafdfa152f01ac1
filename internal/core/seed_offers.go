package core

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// demoOffers are the kinds of offer (demoOfferKinds) each supplier
// publishes, by its owner's demo user, in the order they are written.
var demoOffers = map[string][]string{
	"esat.saulnois":       {"packaging_assembly", "mailing", "green_maintenance", "laundry"},
	"ea.lorraine":         {"digitisation", "data_entry", "office_cleaning", "removals"},
	"aci.moselle":         {"it_refurbished", "removals", "furniture"},
	"wfbm.saar":           {"packaging_assembly", "printing", "mailing", "green_maintenance", "hedge_pruning"},
	"inklusion.pfalz":     {"canteen", "event_catering", "bakery", "vegetables"},
	"eta.ardennes":        {"laundry", "packaging_assembly", "green_maintenance", "hedge_pruning"},
	"maatwerk.brug":       {"digitisation", "mailing", "office_cleaning", "bicycles"},
	"atelier.suremoselle": {"furniture", "outdoor_furniture", "event_catering", "green_maintenance"},
	"esat.previert":       {"vegetables", "green_maintenance", "packaging_assembly", "hedge_pruning"},
	"ea.nancynum":         {"digitisation", "data_entry", "it_refurbished", "mailing"},
	"ei.tremplin":         {"office_cleaning", "window_cleaning", "painting"},
	"etti.alliance":       {"staffing", "removals", "reception"},
	"ai.coupdemain":       {"staffing", "green_maintenance", "office_cleaning"},
	"geiq.proprete":       {"office_cleaning", "window_cleaning", "staffing"},
	"scop.rempart":        {"printing", "mailing", "packaging_assembly"},
	"scic.nied":           {"vegetables", "honey_jams", "event_catering", "canteen"},
	"esus.boisvie":        {"furniture", "outdoor_furniture", "firewood"},
	"wfbm.trier":          {"packaging_assembly", "laundry", "green_maintenance", "bakery"},
	"wfbm.westpfalz":      {"furniture", "packaging_assembly", "it_refurbished", "printing"},
	"inklusion.mosel":     {"event_catering", "laundry", "reception"},
	"inklusion.saarrad":   {"bicycles", "car_wash", "removals"},
	"sozial.saarpfalz":    {"office_cleaning", "removals", "it_refurbished", "paper_recycling"},
	"ggmbh.hunsrueck":     {"workwear", "honey_jams", "firewood"},
	"eta.namur":           {"laundry", "packaging_assembly", "green_maintenance", "workwear"},
	"ei.liege":            {"office_cleaning", "window_cleaning", "removals", "paper_recycling"},
	"coop.terretable":     {"vegetables", "canteen", "event_catering"},
	"sozial.ostbelgien":   {"furniture", "firewood", "outdoor_furniture"},
	"maatwerk.haspengouw": {"packaging_assembly", "digitisation", "mailing", "paper_recycling"},
	"sis.kirchberg":       {"digitisation", "it_refurbished", "event_setup", "reception"},
	"atelier.nordstad":    {"packaging_assembly", "laundry", "bakery", "event_setup"},
	"initiative.minett":   {"green_maintenance", "removals", "office_cleaning", "hedge_pruning"},
	"fondation.jardins":   {"vegetables", "honey_jams", "event_catering"},
	"sis.mersch":          {"canteen", "event_catering", "bakery", "workwear"},
}

// demoOfferStates are the offers that do not end published, by supplier
// and position in demoOffers: drafts not yet sent, offers waiting in the
// moderators' queue, and one the moderator sent back for changes. The
// offers of suppliers without a counting status stay drafts anyway.
var demoOfferStates = map[string]map[int]domain.OfferState{
	"wfbm.saar":         {4: domain.OfferDraft},
	"ea.nancynum":       {3: domain.OfferPending},
	"geiq.proprete":     {2: domain.OfferDraft},
	"sozial.saarpfalz":  {3: domain.OfferPending},
	"eta.namur":         {3: domain.OfferChangesRequested},
	"sis.mersch":        {3: domain.OfferDraft},
	"atelier.nordstad":  {3: domain.OfferPending},
	"initiative.minett": {3: domain.OfferDraft},
}

// demoChangesReason is the moderator's request on the offer sent back.
const demoChangesReason = "Merci de préciser la taille minimale des séries et d'ajouter une photo des vêtements brodés avant publication."

// demoNeighbours are NUTS 3 regions next to a supplier's own, for offers
// whose area is a list of regions.
var demoNeighbours = map[string][]string{
	"FRF31": {"FRF33", "FRF34"}, "FRF32": {"FRF31", "FRF33"}, "FRF33": {"FRF31", "DEC01", "LU000"}, "FRF34": {"FRF31"},
	"DEB21": {"DEB22", "DEB25", "LU000"}, "DEB22": {"DEB21", "DEB25"}, "DEB32": {"DEB3F", "DEB3G", "DEC05"}, "DEB15": {"DEB14", "DEC03"},
	"DEB34": {"DEB38", "DEB3I"}, "DEC01": {"DEC04", "DEC05", "FRF33"}, "DEC03": {"DEC01", "DEC05"}, "DEC05": {"DEC01", "DEC03", "DEB3K"},
	"BE332": {"BE331", "BE335", "BE336"}, "BE334": {"BE332", "BE331"}, "BE336": {"BE335", "BE342"}, "BE341": {"BE342", "BE345", "LU000"},
	"BE343": {"BE342", "BE344", "BE352"}, "BE352": {"BE351", "BE353"},
	"LU000": {"BE341", "DEB21", "FRF33"},
}

// demoOffer composes the index-th offer of supplier o from kind k: the
// text in the organisation's language, translated by the author into its
// second language for every other offer; the area alternates between a
// radius, a list of regions (when the regions are loaded) and the whole
// country; prices vary a little from one supplier to the next.
func demoOffer(o seededOrg, k demoOfferKind, index int, withNUTS bool, status domain.SSEStatusType) domain.OfferFields {
	lang := o.demo.lang
	text := func(l domain.Language) domain.OfferText {
		i := demoLangIndex(l)
		t := k.texts[i]
		var b strings.Builder
		b.WriteString(t.intro + "\n\n")
		for _, bullet := range t.bullets {
			b.WriteString("- " + bullet + "\n")
		}
		b.WriteString("\n" + fmt.Sprintf(demoClosings[demoClosingFamily(status)][i], o.org.Town))
		return domain.OfferText{Lang: l, Title: t.title, Description: b.String()}
	}
	original := text(lang)
	f := domain.OfferFields{Type: k.typ, Language: lang, Title: original.Title, Description: original.Description,
		Sectors: k.sectors, Labels: k.labels}
	if index%2 == 0 {
		for _, l := range o.org.Languages {
			if tl := domain.Language(l); tl != lang && demoLangIndex(tl) >= 0 {
				f.Translations = []domain.OfferText{text(tl)}
				break
			}
		}
	}
	switch {
	case k.radiusKM > 0 && index%3 == 0:
		f.Area = domain.OfferArea{Mode: domain.AreaRadius, RadiusKM: k.radiusKM, AcceptsCrossBorder: o.org.Country != "FR" || index%2 == 0}
	case withNUTS && index%3 == 1 && o.org.NUTS3 != "":
		f.Area = domain.OfferArea{Mode: domain.AreaRegions, Regions: append([]string{o.org.NUTS3}, demoNeighbours[o.org.NUTS3]...),
			AcceptsCrossBorder: true}
	default:
		f.Area = domain.OfferArea{Mode: domain.AreaCountry, AcceptsCrossBorder: o.org.Country == "LU" || index%2 == 1}
	}
	// −5 % to +5 % from one supplier to the next; prices of a euro or more
	// are rounded to 5 cents, smaller ones (per page, per item) kept exact.
	cents := k.cents * int64(95+len(o.demo.name)%11) / 100
	if cents >= 100 {
		cents = cents / 5 * 5
	}
	f.Price = domain.OfferPrice{Text: demoPriceTexts[demoLangIndex(lang)], AmountCents: &cents, Currency: "EUR", Unit: k.texts[demoLangIndex(lang)].unit}
	lead := k.leadDays
	f.LeadTimeDays = &lead
	// From 70 % to 130 % of the typical capacity, by supplier.
	size := max(k.capacity.typical*(70+len(o.demo.user)%7*10)/100, 1)
	f.Capacity = fmt.Sprintf(k.capacity.text[demoLangIndex(lang)], demoNumber(size, lang))
	return f
}

// demoNumber writes n with the thousands separator of lang.
func demoNumber(n int, lang domain.Language) string {
	s := fmt.Sprint(n)
	sep := map[domain.Language]string{domain.LangFR: " ", domain.LangDE: ".", domain.LangEN: ",", domain.LangNL: "."}[lang]
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// demoLangIndex is the position of l in demoLanguages, or -1.
func demoLangIndex(l domain.Language) int {
	for i, dl := range demoLanguages {
		if dl == l {
			return i
		}
	}
	return -1
}

// seedOffers writes the suppliers' offers through core.Offers, as their
// members would, and has the cluster's moderator approve those that should
// be published. Decisions are not emailed: nobody reads the demonstration
// inboxes, and the seed must not depend on the job queue.
func seedOffers(ctx context.Context, w *demoWorld) error {
	offers := NewOffers(w.st, demoNoMail{}, time.Now, OffersConfig{})
	nuts, err := w.st.CountNUTSRegions(ctx, "", 3)
	if err != nil {
		return err
	}
	states := map[domain.OfferState]int{}
	for _, d := range demoOrgs {
		kinds, ok := demoOffers[d.user]
		if !ok {
			continue
		}
		o := w.orgs[d.user]
		spec := demoStatuses[d.user]
		counts := spec.outcome == domain.VerificationVerified
		for i, name := range kinds {
			// In a team of two, the second member writes every other offer.
			actor, p := o.owner()
			if i%2 == 1 {
				actor, p = o.member()
			}
			k, ok := demoOfferKinds[name]
			if !ok {
				return fmt.Errorf("demo offer of %s: no kind %q", d.name, name)
			}
			f := demoOffer(o, k, i, nuts > 0, spec.typ)
			if w.cpv {
				if f.CPVCodes, err = demoCPV(ctx, w, k.sectors); err != nil {
					return err
				}
			}
			offer, err := offers.Create(ctx, actor, p, o.org.ID, f)
			if err != nil {
				return fmt.Errorf("demo offer %q of %s: %w", f.Title, d.name, err)
			}
			want, ok := demoOfferStates[d.user][i]
			if !ok {
				want = domain.OfferPublished
			}
			if !counts {
				want = domain.OfferDraft
			}
			if want != domain.OfferDraft {
				if offer, err = offers.Submit(ctx, actor, p, offer.ID); err != nil {
					return fmt.Errorf("submit demo offer %q of %s: %w", f.Title, d.name, err)
				}
			}
			switch want {
			case domain.OfferPublished:
				offer, err = offers.Decide(ctx, w.modActor, w.moderator, offer.ID, DecisionApprove, "")
			case domain.OfferChangesRequested:
				offer, err = offers.Decide(ctx, w.modActor, w.moderator, offer.ID, DecisionRequestChanges, demoChangesReason)
			}
			if err != nil {
				return fmt.Errorf("decide on demo offer %q of %s: %w", f.Title, d.name, err)
			}
			states[offer.State]++
		}
	}
	for _, s := range []domain.OfferState{domain.OfferPublished, domain.OfferPending, domain.OfferChangesRequested, domain.OfferDraft} {
		w.count("offers "+string(s), states[s])
	}
	return nil
}

// demoCPV returns the catalogue's CPV codes of the sectors that the
// imported list holds: an official list older or newer than the catalogue
// may lack some.
func demoCPV(ctx context.Context, w *demoWorld, sectors []string) ([]string, error) {
	var codes []string
	for _, code := range sectors {
		s, _ := taxonomy.Sector(code)
		for _, c := range s.CPV {
			if code8, ok := taxonomy.NormalizeCPV(c); ok {
				codes = append(codes, taxonomy.FullCPV(code8))
			}
		}
	}
	missing, err := w.st.CPVExists(ctx, codes)
	if err != nil {
		return nil, err
	}
	out := codes[:0]
	for _, c := range codes {
		if !slices.Contains(missing, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// demoNoMail drops the emails of the seed's moderation decisions.
type demoNoMail struct{}

// EnqueueEmail does nothing: see seedOffers.
func (demoNoMail) EnqueueEmail(context.Context, *store.Tx, Email) error { return nil }
