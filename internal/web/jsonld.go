package web

import (
	"strings"
	"time"

	"passerelle/internal/core"
	"passerelle/internal/domain"
)

// The schema.org descriptions of the public pages, as JSON-LD objects.
// Maps keep them short; encoding/json sorts their keys, which puts
// @context and @type first.

type ld = map[string]any

const schemaOrg = "https://schema.org"

// websiteLD describes the site and its search, for the home page.
func websiteLD(base string) ld {
	return ld{
		"@context":   schemaOrg,
		"@type":      "WebSite",
		"name":       "Passerelle",
		"url":        base + "/",
		"inLanguage": []string{"fr", "de", "en", "nl"},
		"potentialAction": ld{
			"@type":       "SearchAction",
			"target":      ld{"@type": "EntryPoint", "urlTemplate": base + "/search?q={search_term_string}"},
			"query-input": "required name=search_term_string",
		},
	}
}

// tenderLD describes a tender as a schema.org Demand (an announcement
// that an organisation seeks goods or services): its lots are the
// services sought, its buyer, unless anonymous, the organisation that
// seeks it (schema.org's seeks, written in reverse from the Demand).
func tenderLD(base, url string, v core.TenderView, txt domain.TenderText, description string) ld {
	t := v.Tender
	out := ld{
		"@context":     schemaOrg,
		"@type":        "Demand",
		"@id":          url,
		"url":          url,
		"name":         txt.Title,
		"description":  description,
		"validThrough": t.ResponsesDeadline.UTC().Format(time.RFC3339),
		"areaServed":   placeLD(t.PlaceTown, t.PlaceNUTS),
	}
	if t.PublishedAt != nil {
		out["validFrom"] = t.PublishedAt.UTC().Format(time.RFC3339)
	}
	lots := make([]ld, 0, len(t.Lots))
	for _, l := range t.Lots {
		lot := ld{"@type": "Service", "name": l.Title}
		if len(l.CPV) > 0 {
			lot["category"] = l.CPV
		}
		lots = append(lots, lot)
	}
	if len(lots) > 0 {
		out["itemOffered"] = lots
	}
	if v.Buyer != nil {
		out["@reverse"] = ld{"seeks": organisationRefLD(base, *v.Buyer)}
	}
	return out
}

// offerLD describes an offer as a schema.org Service provided by its
// supplier, with its indicative price as an Offer.
func offerLD(base, url string, o domain.Offer, org domain.Organisation, txt domain.OfferText, description string) ld {
	out := ld{
		"@context":    schemaOrg,
		"@type":       "Service",
		"@id":         url,
		"url":         url,
		"name":        txt.Title,
		"description": description,
		"serviceType": string(o.Type),
		"provider":    organisationRefLD(base, org),
	}
	if area := offerAreaLD(o.Area, org); area != nil {
		out["areaServed"] = area
	}
	offer := ld{"@type": "Offer", "url": url}
	if o.Price.Text != "" {
		offer["description"] = o.Price.Text
	}
	if o.Price.AmountCents != nil {
		spec := ld{"@type": "UnitPriceSpecification", "price": float64(*o.Price.AmountCents) / 100, "priceCurrency": o.Price.Currency}
		if o.Price.Unit != "" {
			spec["unitText"] = o.Price.Unit
		}
		offer["priceSpecification"] = spec
	}
	out["offers"] = offer
	if len(o.Labels) > 0 {
		out["award"] = o.Labels
	}
	return out
}

// offerAreaLD is where a supplier works: its country, a circle around it,
// or NUTS regions.
func offerAreaLD(a domain.OfferArea, org domain.Organisation) any {
	switch a.Mode {
	case domain.AreaCountry:
		return ld{"@type": "Country", "identifier": org.Country}
	case domain.AreaRadius:
		if org.Location == nil {
			return nil
		}
		return ld{"@type": "GeoCircle", "geoMidpoint": geoLD(*org.Location), "geoRadius": a.RadiusKM * 1000}
	case domain.AreaRegions:
		out := make([]ld, len(a.Regions))
		for i, r := range a.Regions {
			out[i] = ld{"@type": "AdministrativeArea", "identifier": r}
		}
		return out
	}
	return nil
}

// organisationLD describes an organisation's profile: its names, address,
// region, position, languages and website.
func organisationLD(base, url string, org domain.Organisation, description string) ld {
	out := organisationRefLD(base, org)
	out["@context"] = schemaOrg
	out["legalName"] = org.LegalName
	if description != "" {
		out["description"] = description
	}
	addr := ld{"@type": "PostalAddress", "addressCountry": org.Country}
	if len(org.StreetLines) > 0 {
		addr["streetAddress"] = strings.Join(org.StreetLines, ", ")
	}
	if org.Postcode != "" {
		addr["postalCode"] = org.Postcode
	}
	if org.Town != "" {
		addr["addressLocality"] = org.Town
	}
	if org.NUTS3 != "" {
		addr["addressRegion"] = org.NUTS3
		out["areaServed"] = ld{"@type": "AdministrativeArea", "identifier": org.NUTS3}
	}
	out["address"] = addr
	if org.Location != nil {
		out["geo"] = geoLD(*org.Location)
	}
	if org.Website != "" {
		out["sameAs"] = org.Website
	}
	if len(org.Languages) > 0 {
		out["knowsLanguage"] = org.Languages
	}
	if org.LogoDocumentID != "" {
		out["logo"] = base + "/api/v1/organisations/" + org.ID + "/logo"
	}
	return out
}

// organisationRefLD names an organisation and links to its profile.
func organisationRefLD(base string, org domain.Organisation) ld {
	url := base + "/organisations/" + org.ID
	return ld{"@type": "Organization", "@id": url, "url": url, "name": organisationName(org)}
}

func placeLD(town, nuts string) ld {
	addr := ld{"@type": "PostalAddress"}
	if town != "" {
		addr["addressLocality"] = town
	}
	if nuts != "" {
		addr["addressRegion"] = nuts
	}
	if len(nuts) >= 2 {
		addr["addressCountry"] = nuts[:2]
	}
	p := ld{"@type": "Place", "address": addr}
	if town != "" {
		p["name"] = town
	}
	return p
}

func geoLD(g domain.GeoPoint) ld {
	return ld{"@type": "GeoCoordinates", "latitude": g.Latitude, "longitude": g.Longitude}
}

// organisationName is the name an organisation is known by.
func organisationName(org domain.Organisation) string {
	if org.TradeName != "" {
		return org.TradeName
	}
	return org.LegalName
}
