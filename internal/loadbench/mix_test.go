package loadbench

import (
	"encoding/json"
	"strings"
	"testing"

	"passerelle/internal/domain"
	"passerelle/internal/taxonomy"
)

// smallVocabulary is a vocabulary without the shared files: enough words
// for the mix.
func smallVocabulary() *Vocabulary {
	v := &Vocabulary{titles: map[domain.Language][]string{}, sentences: map[domain.Language][]string{},
		regions: map[string][]domain.NUTSRegion{}}
	v.cpv = []domain.CPVCode{{Code: "90911200-8", Code8: "90911200", Level: 5,
		Labels: domain.Labels{FR: "Services de nettoyage de bâtiments", DE: "Gebäudereinigung", EN: "Building-cleaning services", NL: "Schoonmaken van gebouwen"}}}
	for _, l := range domain.Languages {
		v.titles[l] = []string{"Titre " + string(l)}
		v.sentences[l] = []string{"Une phrase assez longue pour un texte de description en " + string(l) + "."}
	}
	for _, c := range countries {
		v.regions[c.code] = []domain.NUTSRegion{{Code: c.code + "X01", Level: 3, Name: "Région " + c.code, Country: c.code}}
	}
	for _, g := range taxonomy.SectorGroups() {
		v.sectors = append(v.sectors, g.Sectors...)
	}
	return v
}

// TestMixShares: 70 % searches, 20 % listing pages, 10 % writes, every
// write signed in and sent as JSON, and no organisation drafting two
// responses to one lot.
func TestMixShares(t *testing.T) {
	targets := Targets{Offers: []string{"o1", "o2"}, Organisations: []string{"g1"}}
	for _, id := range []string{"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12"} {
		targets.Tenders = append(targets.Tenders, TenderLot{Tender: id, Lot: "lot-" + id})
	}
	sessions := []*Session{{Email: "s@x", OrganisationID: "sup", Supplier: true}, {Email: "b@x", OrganisationID: "buy"}}
	m := NewMix(smallVocabulary(), targets, sessions, 1)
	counts := map[string]int{}
	lots := map[string]bool{}
	responses := 0
	const n = 20000
	for range n {
		r := m.Next()
		counts[r.Kind]++
		switch r.Kind {
		case "search":
			if !strings.HasPrefix(r.Path, "/api/v1/search?") || r.Method != "GET" || r.Session != nil {
				t.Fatalf("search %s %s", r.Method, r.Path)
			}
		case "listing":
			if r.Method != "GET" || r.Session != nil {
				t.Fatalf("listing %s %s", r.Method, r.Path)
			}
		case "write":
			if r.Method != "POST" || r.Session == nil || !json.Valid(r.Body) {
				t.Fatalf("write %s %s signed in: %v", r.Method, r.Path, r.Session != nil)
			}
			if strings.Contains(r.Path, "/responses") {
				if !r.Session.Supplier {
					t.Fatalf("a buyer drafts a response: %s", r.Path)
				}
				if responses < len(targets.Tenders) && lots[r.Path] {
					t.Fatalf("the same lot answered twice by one organisation: %s", r.Path)
				}
				lots[r.Path] = true
				responses++
			}
		default:
			t.Fatalf("unknown kind %q", r.Kind)
		}
	}
	for kind, want := range map[string]float64{"search": 0.70, "listing": 0.20, "write": 0.10} {
		if got := float64(counts[kind]) / n; got < want-0.02 || got > want+0.02 {
			t.Errorf("%s: %.3f of the mix, want %.2f", kind, got, want)
		}
	}
	if responses == 0 {
		t.Error("the mix drafts no response")
	}
}
