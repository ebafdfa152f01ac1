package searchtest

import (
	"fmt"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/search"
)

// Fixture ids: one listing per language and kind, spread over the Grande
// Région, with distances from Metz of 0 (offerFR), 47.5 (tenderFR), 54.8
// (supplierLU), 61.2 (tenderDE) and 67.9 km (tenderEN); offerNL has no
// position.
const (
	offerFR    = "offer-fr-nettoyage"
	tenderDE   = "tender-de-reinigung"
	supplierLU = "supplier-lu-menuiserie"
	tenderEN   = "tender-en-catering"
	offerNL    = "offer-nl-groen"
	tenderFR   = "tender-fr-eclairage"
)

var (
	metz = search.GeoPoint{Lat: 49.1193, Lon: 6.1757}
	t0   = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

func day(n int) time.Time { return t0.AddDate(0, 0, n) }

func ptr[T any](v T) *T { return &v }

func codes(f func(string) []string, cs ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		for _, a := range f(c) {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	return out
}

func cleaningConcepts() map[domain.Language][]string {
	return map[domain.Language][]string{
		domain.LangFR: {"Services de nettoyage"},
		domain.LangDE: {"Reinigungsdienste"},
		domain.LangEN: {"Cleaning services"},
		domain.LangNL: {"Schoonmaakdiensten"},
	}
}

// fixtures is the small hand-made corpus most checks run on.
func fixtures() []search.Document {
	return []search.Document{
		{
			ID: offerFR, Kind: search.KindOffer, OrganisationID: "org-ei-metz", Country: "FR",
			NUTS: search.NUTSAncestors("FRF33"), Sectors: []string{"cleaning"},
			CPV: codes(search.CPVAncestors, "90910000"), StatusTypes: []string{"EI"},
			ReservedBases: []string{"FR_L2113_13"}, PublishedAt: day(9), AcceptsCrossBorder: true,
			Geo: &metz,
			Text: map[domain.Language]search.Text{domain.LangFR: {
				Title:       "Nettoyage de bureaux",
				Description: "Entreprise d'insertion assurant le nettoyage écologique des locaux à Metz.",
			}},
			Concepts: cleaningConcepts(),
		},
		{
			ID: tenderDE, Kind: search.KindTender, OrganisationID: "org-saarbruecken", Country: "DE",
			NUTS: search.NUTSAncestors("DEC01"), Sectors: []string{"cleaning"},
			CPV: codes(search.CPVAncestors, "90911200"), ReservedBases: []string{"DE_GWB_118"},
			Deadline: ptr(day(59)), PublishedAt: day(19), AcceptsCrossBorder: false,
			Geo: &search.GeoPoint{Lat: 49.2402, Lon: 6.9969},
			Text: map[domain.Language]search.Text{domain.LangDE: {
				Title:       "Gebäudereinigung für das Rathaus",
				Description: "Unterhaltsreinigung der Büros und Sitzungssäle.",
			}},
			Concepts: cleaningConcepts(),
		},
		{
			ID: supplierLU, Kind: search.KindSupplier, OrganisationID: supplierLU, Country: "LU",
			NUTS: search.NUTSAncestors("LU000"), Sectors: []string{"woodwork"},
			CPV: codes(search.CPVAncestors, "45421000"), StatusTypes: []string{"ESAT", "EA"},
			PublishedAt: day(4), AcceptsCrossBorder: true,
			Geo: &search.GeoPoint{Lat: 49.6116, Lon: 6.1319},
			Text: map[domain.Language]search.Text{
				domain.LangFR: {Title: "Atelier protégé de menuiserie", Description: "Menuiseries sur mesure et ébénisterie."},
				domain.LangDE: {Title: "Geschützte Schreinerwerkstatt", Description: "Maßgefertigte Tischlerarbeiten."},
			},
		},
		{
			ID: tenderEN, Kind: search.KindTender, OrganisationID: "org-arlon", Country: "BE",
			NUTS: search.NUTSAncestors("BE341"), Sectors: []string{"catering"},
			CPV: codes(search.CPVAncestors, "55524000"), StatusTypes: nil,
			Deadline: ptr(day(45)), PublishedAt: day(14), AcceptsCrossBorder: true,
			Geo: &search.GeoPoint{Lat: 49.6833, Lon: 5.8167},
			Text: map[domain.Language]search.Text{domain.LangEN: {
				Title:       "Catering services for school canteens",
				Description: "Daily meals for three primary schools and their café, organic produce preferred.",
			}},
		},
		{
			ID: offerNL, Kind: search.KindOffer, OrganisationID: "org-groen", Country: "BE",
			NUTS: search.NUTSAncestors("BE221"), Sectors: []string{"green"},
			CPV: codes(search.CPVAncestors, "77310000"), StatusTypes: []string{"EI"},
			PublishedAt: day(24), AcceptsCrossBorder: false,
			Text: map[domain.Language]search.Text{domain.LangNL: {
				Title:       "Groenonderhoud en tuinaanleg",
				Description: "Maaien, snoeien en onderhoud van parken door een sociale onderneming.",
			}},
		},
		{
			ID: tenderFR, Kind: search.KindTender, OrganisationID: "org-nancy", Country: "FR",
			NUTS: search.NUTSAncestors("FRF31"), Sectors: []string{"building"},
			CPV: codes(search.CPVAncestors, "45310000"), ReservedBases: []string{"FR_L2113_13"},
			Deadline: ptr(day(90)), PublishedAt: day(31), AcceptsCrossBorder: true,
			Geo: &search.GeoPoint{Lat: 48.6921, Lon: 6.1844},
			Text: map[domain.Language]search.Text{domain.LangFR: {
				Title:       "Électricité : rénovation de l'éclairage du gymnase",
				Description: "Remplacement des luminaires par des LED, main-d'œuvre comprise.",
			}},
		},
	}
}

// synthetic returns n generated documents for pagination checks: every
// one matches the word "marché", with scores, dates and deadlines that
// collide on purpose so that ties must be broken by id.
func synthetic(n int) []search.Document {
	out := make([]search.Document, n)
	for i := range out {
		d := search.Document{
			ID: fmt.Sprintf("syn-%04d", i), Kind: search.Kinds[i%3], Country: []string{"FR", "DE", "LU", "BE"}[i%4],
			PublishedAt: day(i % 7),
			Geo:         &search.GeoPoint{Lat: metz.Lat + float64(i%5)*0.1, Lon: metz.Lon},
			Text: map[domain.Language]search.Text{domain.LangFR: {
				Title: "Marché de services " + []string{"alpha", "bravo", "charlie"}[i%3],
			}},
		}
		if i%2 == 0 {
			d.Deadline = ptr(day(30 + i%4))
		}
		out[i] = d
	}
	return out
}
