package domain

import (
	"reflect"
	"testing"
)

func TestFoldText(t *testing.T) {
	for in, want := range map[string]string{
		"Nettoyage  de BUREAUX !":   "nettoyage de bureaux",
		"  Entretien—des espaces… ": "entretien des espaces",
		"Straße, Œuvre & Café":      "strasse oeuvre cafe",
		"":                          "",
		"!!!":                       "",
	} {
		if got := FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		dup  bool
	}{
		{"Nettoyage de bureaux", "nettoyage de BUREAUX.", true},
		{"Entretien des espaces verts", "Entretien des espaces verts !", true},
		{"Blanchisserie pour hôpitaux", "Blanchisserie pour hopitaux", true},
		{"Entretien des espaces verts communaux", "Entretien des espaces vert communaux", true},
		{"Nettoyage de bureaux à Metz", "Nettoyage de bureaux à Nancy", false},
		{"Nettoyage de bureaux", "Blanchisserie industrielle", false},
		{"Traiteur", "Traiteur solidaire pour événements d'entreprise", false},
		{"", "", false},
	} {
		sim := TitleSimilarity(c.a, c.b)
		if (sim >= DuplicateThreshold) != c.dup {
			t.Errorf("TitleSimilarity(%q, %q) = %.3f, want duplicate=%v", c.a, c.b, sim, c.dup)
		}
	}
}

func TestCountLinks(t *testing.T) {
	for in, want := range map[string]int{
		"Voir https://a.example et http://b.example/x (www.c.example).": 3,
		"Pas de lien, seulement un e-mail: contact@example.org":         0,
		"<https://a.example> [https://b.example] \"www.d.example\"":     3,
	} {
		if got := CountLinks(in); got != want {
			t.Errorf("CountLinks(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestFindBlockedWords(t *testing.T) {
	blocked := []string{FoldText("Casino"), FoldText("argent facile"), FoldText("viagra")}
	got := FindBlockedWords("Gagnez de l'ARGENT  facile au Casïno !", blocked)
	if !reflect.DeepEqual(got, []string{"casino", "argent facile"}) {
		t.Errorf("found %q", got)
	}
	// Whole words only: "casinos" and "viagrafree" are other words.
	if got := FindBlockedWords("Les casinos; viagrafree", blocked); len(got) != 0 {
		t.Errorf("found %q in other words", got)
	}
}

func TestComputeListingFlags(t *testing.T) {
	siblings := []SiblingTitle{{ID: "a", Title: "Blanchisserie industrielle"}, {ID: "b", Title: "Nettoyage de bureaux"}}
	desc := "Liens : https://1.example https://2.example https://3.example https://4.example. Argent facile !"
	flags := ComputeListingFlags("Nettoyage de Bureaux", desc, siblings, []string{"argent facile"})
	want := []ListingFlag{{Kind: FlagDuplicate, Detail: "1.00", OtherListingID: "b"}, {Kind: FlagLinks, Detail: "4"},
		{Kind: FlagBlockedWord, Detail: "argent facile"}}
	if !reflect.DeepEqual(flags, want) {
		t.Errorf("flags %+v, want %+v", flags, want)
	}
	if flags := ComputeListingFlags("Repas livrés", "Voir https://1.example", siblings, nil); len(flags) != 0 {
		t.Errorf("clean listing flagged: %+v", flags)
	}
}
