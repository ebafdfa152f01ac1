package crosslang

import (
	"strings"

	"passerelle/internal/domain"
)

// stopWords are the function words of each language, folded: articles,
// prepositions, pronouns, conjunctions and auxiliaries. They carry no topic,
// so they are neither searched nor translated; they also feed language
// detection, being the most frequent words of any text.
var stopWords = [4]map[string]bool{
	set(`a au aux avec ce ces cet cette d dans de des du elle en et est etre il ils
		j l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou
		par pas pour qu que qui s sa sans se ses son sont sur ta te tes toi ton tu un une vos
		votre vous y c ci ont a afin ainsi autre autres dont entre hors lors selon sous vers
		chez non plus tout tous toute toutes`),
	set(`aber als am an auch auf aus bei bin bis das dass dem den der des die dies diese
		diesem diesen dieser dieses du durch ein eine einem einen einer eines er es fur gegen
		hat hatte ich ihr im in ist ja kein keine mit nach nicht noch nur oder ohne sein seine
		sich sie sind so uber um und uns unter vom von vor war was wie wir wird zu zum zur
		sowie bzw einschliesslich inkl zwischen`),
	set(`a about above after all also an and any are as at be been but by can could do does
		for from had has have he her his how i if in into is it its me more most my no nor not
		of off on or our out over own she so some such than that the their them then there
		these they this those through to too under up very was we were what when where which
		while who whom why will with would you your including related other`),
	set(`aan al als bij dan dat de deze die dit door een en er het hij hoe ik in is je kan
		maar met na naar niet nog of om ons ook op over te tegen toe tot u uit van voor was
		wat we wel werd wie wij worden wordt zal ze zich zij zijn zo zonder onder tussen
		inclusief alsmede betreffende`),
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsStopWord reports whether the folded word w is a stop word of lang.
func IsStopWord(w string, lang domain.Language) bool {
	i := langIndex(lang)
	return i >= 0 && stopWords[i][w]
}
