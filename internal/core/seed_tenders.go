package core

import (
	"context"
	"fmt"
	"strings"
	"time"

	"passerelle/internal/domain"
	"passerelle/internal/store"
	"passerelle/internal/taxonomy"
)

// demoClause is the kind of social clause a demonstration lot carries;
// demoLotClauses writes it out for the buyer's country and language.
type demoClause int

const (
	// clauseNone: no social clause, price and quality criteria.
	clauseNone demoClause = iota
	// clauseReserved: participation reserved (BT-71 res-ws) under the
	// buyer's national basis (FR_L2113_12, DE_GWB_118, BE_2016_ART15,
	// LU_2018_ART20), with a social award criterion.
	clauseReserved
	// clauseReservedSIAE: a French lot reserved under FR_L2113_12 with
	// FR_L2113_13, open to EA/ESAT and SIAE alike.
	clauseReservedSIAE
	// clauseInsertionHours: an insertion clause of a number of hours
	// (BT-70) and a social award criterion.
	clauseInsertionHours
	// clauseInsertionShare: an insertion clause of a share of the labour.
	clauseInsertionShare
	// clauseSocialCriterion: not reserved, but a social award criterion
	// and social objectives (BT-06 soc-obj).
	clauseSocialCriterion
	// clausePublicService: reserved to ESS companies under FR_L2113_15
	// (res-pub-ser), only for article 77 services, so only when the lot
	// has CPV codes (the CPV list is imported); else clauseSocialCriterion.
	clausePublicService
)

// demoLot is one lot of a demonstration tender; values are in euros (0:
// unknown; min = max: an amount).
type demoLot struct {
	title, description string
	sectors            []string
	min, max           int64
	clause             demoClause
	// hours or share of the insertion clause.
	hours int
	share float64
}

// demoTender is a demonstration tender, written in its buyer's language.
// days is the responses deadline from now (in days); the questions close
// askDays before it. state is where it ends: published (approved by the
// cluster's moderator), pending, changes_requested or draft.
type demoTender struct {
	buyer         string
	kind          domain.TenderKind
	lang          domain.Language
	title, intro  string
	bullets       []string
	days, askDays int
	langs         []domain.Language
	state         domain.TenderState
	anonymous     bool
	lots          []demoLot
}

// Short names of the languages, for the table below.
const (
	lFR, lDE, lEN, lNL = domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL
)

// demoTenders are the buyers' tenders, by buyer, in the order they are
// posted. A few close within days, so that deadlines show on every screen.
var demoTenders = []demoTender{
	// Communauté d'agglomération du Val de Moselle (FR, public).
	{"achats.valdemoselle", domain.TenderFormal, lFR, "Entretien des espaces verts communautaires 2027-2029",
		"L'agglomération confie l'entretien de ses parcs, zones d'activités et bassins de rétention pour trois ans.",
		[]string{"tonte différenciée et fauche tardive sans produits phytosanitaires", "taille des haies deux fois par an", "visite de site conseillée avant la remise des offres"},
		24, 10, []domain.Language{lFR}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Parcs urbains de Thionville", "Tonte, désherbage manuel et ramassage des déchets sur **12 hectares**.", []string{"green_spaces.maintenance", "green_spaces.lawns"}, 90_000, 120_000, clauseReserved, 0, 0},
			{"Lot 2 – Zones d'activités et bassins", "Fauche, entretien des berges et des clôtures sur **30 hectares**.", []string{"green_spaces.maintenance"}, 140_000, 180_000, clauseInsertionHours, 1_200, 0},
		}},
	{"achats.valdemoselle", domain.TenderFormal, lFR, "Nettoyage des bâtiments communautaires",
		"Nettoyage quotidien des sièges administratifs, médiathèques et piscines de l'agglomération.",
		[]string{"prestations du lundi au samedi, en journée, en présence des agents", "produits écolabellisés exigés", "reprise du personnel selon la convention collective de la propreté"},
		35, 14, []domain.Language{lFR}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Sièges administratifs", "Bureaux, salles de réunion et sanitaires : **6 800 m²**.", []string{"cleaning.offices"}, 200_000, 260_000, clauseInsertionShare, 0, 7},
			{"Lot 2 – Médiathèques", "Trois médiathèques, **2 400 m²**, ouverture le dimanche.", []string{"cleaning.buildings"}, 60_000, 80_000, clauseReservedSIAE, 0, 0},
			{"Lot 3 – Vitrerie", "Nettoyage trimestriel des vitres de tous les sites.", []string{"cleaning.windows"}, 25_000, 25_000, clauseNone, 0, 0},
		}},
	{"achats.valdemoselle", domain.TenderFormal, lFR, "Accompagnement socio-professionnel des bénéficiaires du RSA",
		"Marché réservé aux entreprises de l'ESS pour l'accompagnement de 150 bénéficiaires du RSA par an.",
		[]string{"diagnostic social et professionnel à l'entrée", "ateliers collectifs et suivi individuel mensuel", "marché d'une durée de trois ans au plus"},
		40, 15, []domain.Language{lFR}, domain.TenderPublished, false, []demoLot{
			{"Accompagnement social et professionnel", "Suivi de **150 personnes par an** sur le territoire de l'agglomération.", []string{"care.social_work"}, 180_000, 220_000, clausePublicService, 0, 0},
		}},
	{"achats.valdemoselle", domain.TenderQuoteRequest, lFR, "Plateaux-repas pour les conseils communautaires",
		"Demande de devis pour les plateaux-repas des séances du conseil (une fois par mois, 60 personnes).",
		[]string{"produits de saison et au moins 50 % d'origine locale", "option végétarienne systématique", "livraison à Thionville avant 18 h"},
		3, 1, []domain.Language{lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Plateaux-repas", "Onze séances par an, **60 plateaux** par séance.", []string{"catering.business_meals"}, 12_000, 12_000, clauseSocialCriterion, 0, 0},
		}},
	// Kreisstadt Saarhausen (DE, public).
	{"vergabe.saarhausen", domain.TenderFormal, lDE, "Grünpflege der städtischen Friedhöfe und Parkanlagen",
		"Die Kreisstadt vergibt die Pflege ihrer Friedhöfe und Parks als vorbehaltenen Auftrag nach § 118 GWB.",
		[]string{"Rasenmahd von April bis Oktober", "Heckenschnitt und Laubbeseitigung", "Ortsbesichtigung nach Vereinbarung"},
		21, 9, []domain.Language{lDE, lFR}, domain.TenderPublished, false, []demoLot{
			{"Los 1 – Friedhöfe", "Vier Friedhöfe mit zusammen **9 ha** Fläche.", []string{"green_spaces.maintenance", "green_spaces.pruning"}, 70_000, 95_000, clauseReserved, 0, 0},
			{"Los 2 – Stadtpark und Spielplätze", "Pflege von **5 ha** Parkfläche und 14 Spielplätzen.", []string{"green_spaces.parks"}, 40_000, 55_000, clauseReserved, 0, 0},
		}},
	{"vergabe.saarhausen", domain.TenderFormal, lDE, "Unterhaltsreinigung der Schulen und Kitas",
		"Reinigung von sechs Schulen und vier Kindertagesstätten ab dem Schuljahr 2027/28.",
		[]string{"Reinigung nach DIN 77400", "Einsatz umweltfreundlicher Reinigungsmittel", "Tariftreue nach dem Saarländischen Tariftreuegesetz"},
		30, 12, []domain.Language{lDE}, domain.TenderPublished, false, []demoLot{
			{"Los 1 – Schulen", "Sechs Schulen, **18.500 m²** Reinigungsfläche.", []string{"cleaning.schools"}, 380_000, 450_000, clauseInsertionHours, 2_500, 0},
			{"Los 2 – Kindertagesstätten", "Vier Kitas, **3.200 m²**.", []string{"cleaning.schools"}, 90_000, 110_000, clauseReserved, 0, 0},
		}},
	{"vergabe.saarhausen", domain.TenderQuoteRequest, lDE, "Druck des Bürgerjournals",
		"Preisanfrage für den Druck des vierteljährlichen Bürgerjournals (24 Seiten, 18.000 Exemplare).",
		[]string{"Recyclingpapier mit Blauem Engel", "Lieferung an die Verteilzentren der Post"},
		12, 5, []domain.Language{lDE}, domain.TenderPending, false, []demoLot{
			{"Druck und Lieferung", "Vier Ausgaben pro Jahr.", []string{"printing.printing", "printing.print_delivery"}, 28_000, 34_000, clauseReserved, 0, 0},
		}},
	{"vergabe.saarhausen", domain.TenderSourcing, lDE, "Markterkundung: Fahrradwerkstatt für Dienstfahrräder",
		"Die Stadt erkundet, wer Wartung und Reparatur von 80 Dienstfahrrädern und Pedelecs übernehmen kann.",
		[]string{"Abhol- und Bringservice gewünscht", "Angaben zu Kapazität und Reaktionszeit erbeten"},
		45, 30, []domain.Language{lDE, lFR, lEN}, domain.TenderPublished, false, []demoLot{
			{"Wartung und Reparatur", "Jährliche Inspektion und Reparaturen nach Bedarf.", []string{"mobility.bicycles"}, 0, 0, clauseSocialCriterion, 0, 0},
		}},
	// Commune de Bettembourg-Sud (LU, public).
	{"achats.bettsud", domain.TenderFormal, lFR, "Nettoyage des écoles fondamentales et de la maison relais",
		"La commune réserve le nettoyage de ses écoles aux ateliers protégés et aux entreprises d'insertion (loi du 8 avril 2018, art. 20).",
		[]string{"trois bâtiments scolaires, 9 200 m²", "interventions après 16 h en période scolaire", "grand nettoyage pendant les vacances d'été"},
		28, 12, []domain.Language{lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Écoles fondamentales", "Nettoyage quotidien de **9 200 m²**.", []string{"cleaning.schools"}, 150_000, 190_000, clauseReserved, 0, 0},
			{"Lot 2 – Maison relais", "Nettoyage quotidien, cuisine comprise.", []string{"cleaning.buildings"}, 35_000, 45_000, clauseReserved, 0, 0},
		}},
	{"achats.bettsud", domain.TenderQuoteRequest, lDE, "Winterdienst für Gehwege und Schulhöfe",
		"Preisanfrage für den Winterdienst 2026/27 auf Gehwegen, Treppen und Schulhöfen der Gemeinde.",
		[]string{"Bereitschaft von 5 bis 22 Uhr", "Streusalz wird von der Gemeinde gestellt"},
		4, 2, []domain.Language{lDE, lFR}, domain.TenderPublished, false, []demoLot{
			{"Winterdienst", "Rund **6 km** Gehwege und drei Schulhöfe.", []string{"green_spaces.winter"}, 18_000, 24_000, clauseInsertionHours, 400, 0},
		}},
	{"achats.bettsud", domain.TenderFormal, lFR, "Restauration scolaire : fourniture de fruits et légumes",
		"Fourniture hebdomadaire de fruits et légumes de saison pour les cantines scolaires.",
		[]string{"au moins 40 % de produits issus de l'agriculture biologique", "livraison chaque lundi avant 7 h"},
		33, 14, []domain.Language{lFR, lDE, lEN}, domain.TenderChangesRequested, false, []demoLot{
			{"Fruits et légumes", "Environ **18 tonnes par an**.", []string{"food.fruit_vegetables"}, 60_000, 75_000, clauseSocialCriterion, 0, 0},
		}},
	// Centre hospitalier du Val d'Orne (FR, public).
	{"achats.valdorne", domain.TenderFormal, lFR, "Blanchisserie du linge hospitalier",
		"Traitement du linge plat et des tenues professionnelles du centre hospitalier (450 lits).",
		[]string{"méthode RABC et traçabilité par puce RFID", "collecte et livraison quotidiennes", "lot réservé aux EA et ESAT (art. L2113-12)"},
		26, 11, []domain.Language{lFR}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Linge plat", "Environ **320 tonnes par an**.", []string{"laundry.laundry", "laundry.linen_management"}, 400_000, 520_000, clauseReserved, 0, 0},
			{"Lot 2 – Tenues professionnelles", "Lavage et retouche de **1 900 tenues**.", []string{"laundry.laundry", "textile.tailoring"}, 120_000, 150_000, clauseReserved, 0, 0},
		}},
	{"achats.valdorne", domain.TenderFormal, lFR, "Entretien des espaces verts de l'hôpital et de l'EHPAD",
		"Entretien des 6 hectares d'espaces verts de l'hôpital et de l'EHPAD attenant.",
		[]string{"jardin thérapeutique à entretenir avec les équipes soignantes", "aucun produit phytosanitaire"},
		19, 8, []domain.Language{lFR}, domain.TenderPublished, false, []demoLot{
			{"Espaces verts", "Tonte, haies, massifs et jardin thérapeutique.", []string{"green_spaces.maintenance", "green_spaces.pruning"}, 45_000, 60_000, clauseReservedSIAE, 0, 0},
		}},
	{"achats.valdorne", domain.TenderQuoteRequest, lFR, "Numérisation des dossiers patients archivés",
		"Demande de devis pour numériser 40 mètres linéaires de dossiers médicaux archivés.",
		[]string{"confidentialité : personnel habilité, traitement sur site", "indexation selon le plan de classement de l'hôpital"},
		16, 7, []domain.Language{lFR}, domain.TenderPending, false, []demoLot{
			{"Numérisation et indexation", "Environ **400 000 pages**.", []string{"digitisation.scanning", "digitisation.data_entry"}, 30_000, 42_000, clauseReserved, 0, 0},
		}},
	// Verbandsgemeinde Konz (DE, public).
	{"vergabe.konz", domain.TenderFormal, lDE, "Schulverpflegung an Grundschulen",
		"Warmverpflegung für fünf Grundschulen mit Ganztagsbetreuung, rund 600 Essen pro Schultag.",
		[]string{"DGE-Qualitätsstandard für die Schulverpflegung", "mindestens 30 % regionale Produkte", "Verkostung vor Zuschlag"},
		31, 13, []domain.Language{lDE, lFR}, domain.TenderPublished, false, []demoLot{
			{"Los 1 – Konz und Tawern", "Drei Schulen, **380 Essen** täglich.", []string{"catering.school_meals"}, 260_000, 300_000, clauseReserved, 0, 0},
			{"Los 2 – Wiltingen und Kanzem", "Zwei Schulen, **220 Essen** täglich.", []string{"catering.school_meals"}, 150_000, 175_000, clauseInsertionShare, 0, 5},
		}},
	{"vergabe.konz", domain.TenderFormal, lDE, "Pflege der Rad- und Wanderwege an Saar und Mosel",
		"Freischneiden und Pflege der Wegränder auf 42 km Rad- und Wanderwegen.",
		[]string{"Mahd zweimal jährlich", "Rückschnitt von Gehölzen an Lichtraumprofilen"},
		2, 1, []domain.Language{lDE}, domain.TenderPublished, false, []demoLot{
			{"Wegepflege", "**42 km** Wege entlang Saar und Mosel.", []string{"green_spaces.maintenance", "green_spaces.pruning"}, 55_000, 70_000, clauseReserved, 0, 0},
		}},
	{"vergabe.konz", domain.TenderQuoteRequest, lDE, "Digitalisierung der Bauakten",
		"Preisanfrage für die Digitalisierung von 12.000 Bauakten des Bauamts.",
		[]string{"Scannen mit OCR, PDF/A", "Verschlüsselter Transport der Akten"},
		22, 9, []domain.Language{lDE}, domain.TenderDraft, false, []demoLot{
			{"Scannen und Indexieren", "Rund **12.000 Akten**.", []string{"digitisation.scanning"}, 25_000, 35_000, clauseReserved, 0, 0},
		}},
	// Intercommunale Ardenne Services (BE, public).
	{"achats.ardenne", domain.TenderFormal, lFR, "Collecte des encombrants et tri pour réemploi",
		"Collecte à domicile des encombrants dans 19 communes et tri des objets réutilisables.",
		[]string{"objets réutilisables remis aux ressourceries partenaires", "prise de rendez-vous par le centre d'appel de l'intercommunale"},
		27, 12, []domain.Language{lFR, lNL, lDE}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Collecte", "Environ **2 600 enlèvements** par an.", []string{"recycling.collection"}, 210_000, 250_000, clauseInsertionHours, 3_000, 0},
			{"Lot 2 – Tri et préparation au réemploi", "Tri en atelier, nettoyage et petites réparations.", []string{"recycling.sorting"}, 80_000, 100_000, clauseReserved, 0, 0},
		}},
	{"achats.ardenne", domain.TenderFormal, lFR, "Repas pour les crèches intercommunales",
		"Préparation et livraison de repas adaptés pour six crèches (environ 300 enfants).",
		[]string{"menus validés par une diététicienne", "produits bio et locaux privilégiés"},
		37, 16, []domain.Language{lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Repas des crèches", "Environ **65 000 repas** par an.", []string{"catering.meal_preparation", "catering.meal_delivery"}, 230_000, 270_000, clauseReserved, 0, 0},
		}},
	{"achats.ardenne", domain.TenderSourcing, lFR, "Appel à manifestation d'intérêt : ateliers de couture solidaires",
		"L'intercommunale cherche des partenaires pour la confection de sacs réutilisables à partir de bâches recyclées.",
		[]string{"capacité de production et délais à indiquer", "échantillon souhaité"},
		50, 35, []domain.Language{lFR, lNL, lDE}, domain.TenderPublished, false, []demoLot{
			{"Confection de sacs", "Environ **5 000 sacs** par an.", []string{"textile.bags"}, 0, 0, clauseSocialCriterion, 0, 0},
		}},
	// Banque du Plateau SA (LU, private).
	{"achats.plateau", domain.TenderQuoteRequest, lEN, "Mailing of the annual client statements",
		"We are looking for a partner to enclose and post our annual client statements in January.",
		[]string{"about 42,000 letters of 2 to 6 pages", "bank-grade confidentiality: signed NDA, access-controlled workshop", "posting within 5 working days"},
		20, 8, []domain.Language{lEN, lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Enclosing and posting", "Folding, enclosing, franking and handing over to Post Luxembourg.", []string{"mailing.mailing"}, 18_000, 25_000, clauseSocialCriterion, 0, 0},
		}},
	{"achats.plateau", domain.TenderFormal, lEN, "Catering for the head office staff restaurant",
		"Running our staff restaurant (350 lunches a day) from September, with a social-enterprise partner.",
		[]string{"seasonal menus, a vegetarian dish every day", "at least 10 % of the kitchen team in an integration pathway", "site visit on request"},
		34, 14, []domain.Language{lEN, lFR}, domain.TenderPublished, false, []demoLot{
			{"Staff restaurant", "About **80,000 lunches** a year.", []string{"catering.canteens"}, 900_000, 1_100_000, clauseInsertionShare, 0, 10},
			{"Meeting-room catering", "Coffee breaks and lunch buffets for meetings.", []string{"catering.business_meals", "catering.drinks_service"}, 60_000, 80_000, clauseSocialCriterion, 0, 0},
		}},
	{"achats.plateau", domain.TenderQuoteRequest, lEN, "Refurbished laptops for the training centre",
		"Quote request for 60 refurbished laptops with a three-year warranty.",
		[]string{"certified data wiping of the previous owners' data", "take-back of our 60 old laptops"},
		14, 6, []domain.Language{lEN, lFR}, domain.TenderPending, true, []demoLot{
			{"Refurbished laptops", "**60 laptops**, 16 GB RAM, 512 GB SSD.", []string{"recycling.refurbished_it"}, 15_000, 21_000, clauseSocialCriterion, 0, 0},
		}},
	// Logistique Wallonne SA (BE, private).
	{"rse.logiwal", domain.TenderQuoteRequest, lFR, "Conditionnement de kits promotionnels",
		"Demande de devis pour l'assemblage de 25 000 kits promotionnels pour un client de la grande distribution.",
		[]string{"composants fournis, livrés sur palettes à votre atelier", "contrôle qualité par échantillonnage"},
		10, 4, []domain.Language{lFR, lNL}, domain.TenderPublished, false, []demoLot{
			{"Assemblage et conditionnement", "**25 000 kits** de 6 composants.", []string{"packaging.assembly"}, 30_000, 38_000, clauseSocialCriterion, 0, 0},
		}},
	{"rse.logiwal", domain.TenderFormal, lNL, "Onderhoud van de groenzones van ons distributiecentrum in Genk",
		"Wij zoeken een maatwerkbedrijf voor het groenonderhoud van ons distributiecentrum (4 ha).",
		[]string{"maaien, snoeien en onkruidbeheer zonder pesticiden", "contract van drie jaar"},
		25, 10, []domain.Language{lNL, lFR}, domain.TenderPublished, false, []demoLot{
			{"Groenonderhoud", "**4 ha** grasland, hagen en bufferstroken.", []string{"green_spaces.maintenance", "green_spaces.weeding"}, 36_000, 45_000, clauseInsertionShare, 0, 15},
		}},
	{"rse.logiwal", domain.TenderSourcing, lNL, "Marktverkenning: herstelling van houten paletten",
		"Welke sociale ondernemingen kunnen wekelijks beschadigde paletten ophalen en herstellen?",
		[]string{"ongeveer 1.500 paletten per maand", "ophaling in Herstal en Genk"},
		42, 28, []domain.Language{lNL, lFR, lEN}, domain.TenderPublished, false, []demoLot{
			{"Herstelling van paletten", "Ophalen, herstellen en terugbrengen.", []string{"packaging.pallets"}, 0, 0, clauseSocialCriterion, 0, 0},
		}},
	// Moselwerk Automotive GmbH (DE, private).
	{"einkauf.moselwerk", domain.TenderFormal, lDE, "Montage von Kabelbaum-Baugruppen",
		"Vergabe der Vormontage von Kabelbaum-Baugruppen an Werkstätten für behinderte Menschen.",
		[]string{"rund 120.000 Baugruppen pro Jahr", "Prüfung nach Prüfplan des Kunden", "Anrechnung auf die Ausgleichsabgabe nach § 223 SGB IX"},
		29, 12, []domain.Language{lDE, lFR}, domain.TenderPublished, false, []demoLot{
			{"Los 1 – Vormontage", "Crimpen und Vormontage von **120.000 Baugruppen**.", []string{"packaging.wiring"}, 250_000, 300_000, clauseSocialCriterion, 0, 0},
			{"Los 2 – Verpackung und Versand", "Verpacken in Mehrwegbehälter und Versand just in time.", []string{"packaging.storage_handling"}, 60_000, 80_000, clauseSocialCriterion, 0, 0},
		}},
	{"einkauf.moselwerk", domain.TenderQuoteRequest, lDE, "Kantinenverpflegung Frühschicht",
		"Preisanfrage für ein Frühstücksangebot der Frühschicht (rund 250 Beschäftigte).",
		[]string{"Angebot ab 5:30 Uhr", "regionale Backwaren bevorzugt"},
		15, 6, []domain.Language{lDE}, domain.TenderPublished, false, []demoLot{
			{"Frühstücksangebot", "Belegte Brötchen, Obst und Getränke an **220 Tagen**.", []string{"catering.cafeterias", "food.bakery"}, 70_000, 90_000, clauseInsertionHours, 800, 0},
		}},
	{"einkauf.moselwerk", domain.TenderSourcing, lEN, "Sourcing: workwear repair and embroidery",
		"We want to extend the life of our 1,200 sets of workwear and are looking for social enterprises to repair and embroider them.",
		[]string{"pick-up at the Merzig plant every two weeks", "bilingual (German/French) contact appreciated"},
		38, 21, []domain.Language{lEN, lDE, lFR}, domain.TenderPublished, false, []demoLot{
			{"Repair and embroidery", "About **3,000 garments** a year.", []string{"textile.tailoring", "textile.embroidery"}, 0, 0, clauseSocialCriterion, 0, 0},
		}},
	// Hôtels des Trois Frontières SAS (FR, private).
	{"rse.troisfrontieres", domain.TenderFormal, lFR, "Blanchisserie des six hôtels du groupe",
		"Traitement du linge de lit, de bain et de restaurant de nos six hôtels.",
		[]string{"environ 190 tonnes par an", "enlèvement et livraison quotidiens", "lessives écolabellisées"},
		23, 10, []domain.Language{lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Lot 1 – Hôtels de Moselle", "Quatre hôtels, **130 tonnes** par an.", []string{"laundry.laundry"}, 220_000, 260_000, clauseInsertionHours, 1_500, 0},
			{"Lot 2 – Hôtels de Sarre et du Luxembourg", "Deux hôtels, **60 tonnes** par an.", []string{"laundry.laundry", "laundry.collection"}, 100_000, 120_000, clauseSocialCriterion, 0, 0},
		}},
	{"rse.troisfrontieres", domain.TenderQuoteRequest, lFR, "Miel et confitures pour les petits-déjeuners",
		"Demande de devis pour du miel et des confitures artisanales en portions pour nos buffets.",
		[]string{"production dans un rayon de 100 km", "conditionnement en verre consigné"},
		5, 2, []domain.Language{lFR, lDE, lEN}, domain.TenderPublished, false, []demoLot{
			{"Miel et confitures", "Environ **30 000 portions** par an.", []string{"food.honey_jams"}, 9_000, 12_000, clauseSocialCriterion, 0, 0},
		}},
	{"rse.troisfrontieres", domain.TenderSourcing, lEN, "Sourcing: garden upkeep for our hotel gardens",
		"Our hotels want a social-enterprise partner to look after their gardens and terraces.",
		[]string{"six sites between Sarreguemines, Saarbrücken and Luxembourg", "partners from all three countries welcome"},
		44, 30, []domain.Language{lEN, lFR, lDE}, domain.TenderPublished, false, []demoLot{
			{"Hotel gardens", "About **2 ha** of gardens and terraces.", []string{"green_spaces.parks"}, 0, 0, clauseSocialCriterion, 0, 0},
		}},
}

// demoTenderChangesReason is the moderator's request on the tender sent back.
const demoTenderChangesReason = "Merci d'indiquer le volume par catégorie de produits et la fréquence exacte des livraisons pour chaque école."

// demoFacilitators are the local facilitators of social clauses, by the
// buyer's country.
var demoFacilitators = map[string]domain.Facilitator{
	"FR": {Name: "Claire Martin", Organisation: "Maison de l'emploi du Nord Mosellan", Email: "clauses@mde-nordmosellan.demo.passerelle.example", Phone: "+33 3 82 00 00 00"},
	"DE": {Name: "Thomas Klein", Organisation: "Jobcenter Arbeitgeberservice", Email: "sozialklauseln@jobcenter.demo.passerelle.example"},
	"BE": {Name: "Nathalie Renard", Organisation: "Facilitateurs clauses sociales de Wallonie", Email: "clauses.sociales@wallonie.demo.passerelle.example", Phone: "+32 81 00 00 00"},
	"LU": {Name: "Luc Weber", Organisation: "ADEM – Service employeurs", Phone: "+352 247 00000"},
}

// demoClauseTexts are the clause texts in each language: the award
// criteria's names (price, technical value, social), the strategic
// description and the insertion clause's conditions (%s: hours or share).
type demoClauseText struct {
	price, technical, social, socialDesc string
	strategic, hours, share              string
}

var demoClauseTexts = map[domain.Language]demoClauseText{
	domain.LangFR: {"Prix", "Valeur technique", "Performance sociale", "Nombre d'heures ou de postes d'insertion, encadrement et formation proposés",
		"Favoriser l'emploi de personnes éloignées de l'emploi ou en situation de handicap.",
		"Le titulaire réserve **%s heures** de travail à des personnes en parcours d'insertion, avec l'appui du facilitateur.",
		"Au moins **%s %%** des heures travaillées sont confiées à des personnes en parcours d'insertion."},
	domain.LangDE: {"Preis", "Qualität des Konzepts", "Soziale Leistung", "Anzahl der Beschäftigten mit Behinderung oder in Eingliederung, Anleitung und Qualifizierung",
		"Beschäftigung von Menschen mit Behinderungen und von Langzeitarbeitslosen fördern.",
		"Der Auftragnehmer setzt **%s Stunden** für Personen in Eingliederungsmaßnahmen ein, mit Unterstützung der Koordinierungsstelle.",
		"Mindestens **%s %%** der Arbeitsstunden werden von Personen in Eingliederungsmaßnahmen geleistet."},
	domain.LangEN: {"Price", "Technical merit", "Social performance", "Integration jobs, supervision and training offered to people far from employment",
		"Create work for people with disabilities and people far from employment.",
		"The contractor sets aside **%s hours** of work for people on an integration pathway, with the facilitator's help.",
		"At least **%s %%** of the hours worked go to people on an integration pathway."},
	domain.LangNL: {"Prijs", "Technische waarde", "Sociale meerwaarde", "Aantal werkplekken voor mensen met een afstand tot de arbeidsmarkt, begeleiding en opleiding",
		"Werk creëren voor mensen met een handicap of een afstand tot de arbeidsmarkt.",
		"De opdrachtnemer reserveert **%s uren** werk voor mensen in een inschakelingstraject, met hulp van de facilitator.",
		"Minstens **%s %%** van de gewerkte uren gaat naar mensen in een inschakelingstraject."},
}

// demoNationalBasis is the article 20 basis a buyer of each country cites.
var demoNationalBasis = map[string]domain.LegalBasis{
	"FR": domain.BasisFRL211312, "DE": domain.BasisDEGWB118, "BE": domain.BasisBE2016Art15, "LU": domain.BasisLU2018Art20,
}

// demoLotClauses writes out a lot's clauses for a buyer of country, in
// lang; cpv says whether the lot has CPV codes (needed by FR_L2113_15).
func demoLotClauses(l demoLot, country string, lang domain.Language, cpv bool) domain.LotClauses {
	tx := demoClauseTexts[lang]
	c := domain.DefaultLotClauses()
	criteria := func(price, technical, social float64) []domain.AwardCriterion {
		out := []domain.AwardCriterion{
			{Type: domain.CriterionPrice, Name: tx.price, WeightType: domain.WeightPercentExact, Weight: price},
			{Type: domain.CriterionQuality, Name: tx.technical, WeightType: domain.WeightPercentExact, Weight: technical},
		}
		if social > 0 {
			out = append(out, domain.AwardCriterion{Type: domain.CriterionQuality, Name: tx.social, Description: tx.socialDesc,
				WeightType: domain.WeightPercentExact, Weight: social, Social: true})
		}
		return out
	}
	social := func() {
		c.StrategicProcurement = []domain.StrategicProcurement{domain.StrategicSocial}
		c.SocialObjectives = []domain.SocialObjective{domain.SocialOpportunities}
		c.StrategicDescription = tx.strategic
	}
	kind := l.clause
	if kind == clausePublicService && (!cpv || country != "FR") {
		kind = clauseSocialCriterion // FR_L2113_15 needs the lot's article 77 CPV codes
	}
	switch kind {
	case clauseNone:
		c.AwardCriteria = criteria(60, 40, 0)
	case clauseReserved, clauseReservedSIAE:
		c.ReservedParticipation = domain.ReservedShelteredWorkshops
		c.LegalBases = []domain.LegalBasis{demoNationalBasis[country]}
		if kind == clauseReservedSIAE && country == "FR" {
			c.LegalBases = []domain.LegalBasis{domain.BasisFRL211312, domain.BasisFRL211313}
		}
		social()
		c.SocialObjectives = []domain.SocialObjective{domain.SocialOpportunities, domain.SocialAccessibility}
		c.AwardCriteria = criteria(50, 35, 15)
	case clauseInsertionHours, clauseInsertionShare:
		social()
		in := domain.InsertionClause{
			EligibleGroups: []domain.EligibleGroup{domain.GroupLongTermUnemployed, domain.GroupMinimumIncomeRecipients, domain.GroupDisabledWorkers},
			Means:          []domain.InsertionMeans{domain.MeansDirectHire, domain.MeansSubcontracting, domain.MeansStaffProvision},
		}
		if f, ok := demoFacilitators[country]; ok {
			in.Facilitator = &f
		}
		if kind == clauseInsertionHours {
			hours := l.hours
			in.Hours = &hours
			c.ExecutionConditions = fmt.Sprintf(tx.hours, demoNumber(hours, lang))
		} else {
			share := l.share
			in.LabourShare = &share
			c.ExecutionConditions = fmt.Sprintf(tx.share, fmt.Sprint(share))
		}
		c.Insertion = &in
		c.AwardCriteria = criteria(50, 30, 20)
	case clauseSocialCriterion:
		social()
		c.AwardCriteria = criteria(55, 30, 15)
	case clausePublicService:
		c.ReservedParticipation = domain.ReservedPublicService
		c.LegalBases = []domain.LegalBasis{domain.BasisFRL211315}
		social()
		c.SocialObjectives = []domain.SocialObjective{domain.SocialOpportunities, domain.SocialHumanRights}
		c.AwardCriteria = criteria(40, 40, 20)
	}
	return c
}

// demoTenderSupplier is a supplier's part in a demonstration tender: a
// question (answered or not), or a response to a lot (sent or draft).
type demoTenderSupplier struct {
	// tender is the index in demoTenders; lot the lot's index.
	tender, lot int
	supplier    string
	question    string
	answer      string
	response    string
	priceEuros  int64
	submit      bool
}

// demoTenderActivity is what suppliers do on the published tenders:
// questions the buyer answers (one still open), and responses to lots,
// sent (sealed until the deadline) or kept as drafts.
var demoTenderActivity = []demoTenderSupplier{
	{tender: 0, supplier: "esat.saulnois", question: "La visite de site est-elle obligatoire pour les deux lots, et peut-on venir avec deux encadrants et un travailleur ?",
		answer: "La visite est conseillée, pas obligatoire. Vous pouvez venir à trois ; merci de réserver un créneau auprès du service achats."},
	{tender: 4, supplier: "wfbm.saar", question: "Werden die Grünabfälle von der Stadt entsorgt oder ist die Entsorgung im Preis enthalten?",
		answer: "Die Grünabfälle können kostenlos auf dem Betriebshof der Stadt abgeladen werden; die Entsorgung ist nicht einzupreisen."},
	{tender: 20, supplier: "ea.nancynum", question: "Are the statements delivered to us as print-ready PDF files, or do you expect us to print them as well?",
		answer: "We deliver print-ready PDF files over SFTP; printing in black and white on both sides is part of the job."},
	{tender: 17, supplier: "eta.ardennes", question: "Les objets non réutilisables peuvent-ils être déposés au recyparc de Bastogne sans frais ?"},
	{tender: 11, lot: 0, supplier: "esat.previert", response: "Notre ESAT traite déjà 250 tonnes de linge hospitalier par an selon la méthode RABC ; nous proposons une collecte quotidienne avec deux véhicules.",
		priceEuros: 455_000, submit: true},
	{tender: 11, lot: 1, supplier: "ea.lorraine", response: "Proposition en cours : lavage et retouche des tenues dans notre atelier de Metz.", priceEuros: 138_000},
	{tender: 4, lot: 0, supplier: "wfbm.saar", response: "Unsere Grünpflegegruppe mit 14 Beschäftigten übernimmt die Pflege der vier Friedhöfe; Maschinen und Fahrzeuge sind vorhanden.",
		priceEuros: 82_000, submit: true},
	{tender: 8, lot: 0, supplier: "atelier.nordstad", response: "Notre atelier protégé nettoie déjà deux écoles à Ettelbruck ; une équipe de six personnes et un encadrant interviendrait chaque soir.",
		priceEuros: 172_000, submit: true},
	{tender: 20, lot: 0, supplier: "ea.nancynum", response: "Our adapted enterprise encloses 1.5 million letters a year in a secure workshop; we can post within four working days.",
		priceEuros: 21_500, submit: true},
	{tender: 14, lot: 0, supplier: "inklusion.mosel", response: "Entwurf: Warmverpflegung aus unserer Küche in Trier, Lieferung in Thermoboxen.", priceEuros: 285_000},
}

// seedTenders has the buyers write their tenders through core.Tenders,
// as their members would, and the cluster's moderator approve most of
// them (a few wait in the queue, one is sent back, one stays a draft);
// then suppliers ask questions the buyers answer, and respond to lots.
// Deadlines lie in the future, as the use cases require: a tender already
// past its deadline cannot be created, so the seed has none.
func seedTenders(ctx context.Context, w *demoWorld) error {
	tenders := NewTenders(w.st, demoTenderJobs{w.jobs}, time.Now, TendersConfig{})
	responses := NewResponses(w.st, time.Now)
	// Deadlines fall at noon UTC, as a buyer would set them.
	now := time.Now().UTC()
	noon := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, time.UTC)
	states := map[domain.TenderState]int{}
	lots, reserved := 0, 0
	created := make([]domain.Tender, len(demoTenders))
	for i, d := range demoTenders {
		o, ok := w.orgs[d.buyer]
		if !ok {
			return fmt.Errorf("demo tender %q: no buyer %s", d.title, d.buyer)
		}
		// In a team of two, the second member writes every other tender.
		actor, p := o.owner()
		if i%2 == 1 {
			actor, p = o.member()
		}
		responsesAt := noon.AddDate(0, 0, d.days)
		place := o.org.NUTS3
		if place == "" {
			place = o.org.Country // the regions are not loaded: the whole country
		}
		var b strings.Builder
		b.WriteString(d.intro + "\n\n")
		for _, bullet := range d.bullets {
			b.WriteString("- " + bullet + "\n")
		}
		t, err := tenders.Create(ctx, actor, p, o.org.ID, domain.Tender{Kind: d.kind, OriginalLanguage: d.lang,
			PlaceNUTS: place, PlaceTown: o.org.Town, QuestionsDeadline: responsesAt.AddDate(0, 0, -d.askDays), ResponsesDeadline: responsesAt,
			ResponseLanguages: d.langs, BuyerAnonymous: d.anonymous,
			Texts: []domain.TenderText{{Language: d.lang, Title: d.title, Description: strings.TrimSpace(b.String())}}})
		if err != nil {
			return fmt.Errorf("demo tender %q: %w", d.title, err)
		}
		for _, l := range d.lots {
			for _, code := range l.sectors {
				if _, ok := taxonomy.Sector(code); !ok {
					return fmt.Errorf("demo tender %q, lot %q: no sector %q", d.title, l.title, code)
				}
			}
			lot := domain.TenderLot{Title: l.title, Description: l.description, Currency: "EUR"}
			if w.cpv {
				if lot.CPV, err = demoCPV(ctx, w, l.sectors); err != nil {
					return err
				}
			}
			if l.max > 0 {
				lo, hi := l.min*100, l.max*100
				lot.ValueMin, lot.ValueMax = &lo, &hi
			}
			lot.Clauses = demoLotClauses(l, o.org.Country, d.lang, len(lot.CPV) > 0)
			if _, err := tenders.AddLot(ctx, actor, p, o.org.ID, t.ID, lot); err != nil {
				return fmt.Errorf("demo tender %q, lot %q: %w", d.title, l.title, err)
			}
			lots++
			if lot.Clauses.Reserved() {
				reserved++
			}
		}
		if d.state != domain.TenderDraft {
			if t, err = tenders.Submit(ctx, actor, p, o.org.ID, t.ID); err != nil {
				return fmt.Errorf("submit demo tender %q: %w", d.title, err)
			}
		}
		switch d.state {
		case domain.TenderPublished:
			t, err = tenders.Decide(ctx, w.modActor, w.moderator, t.ID, DecisionApprove, "")
		case domain.TenderChangesRequested:
			t, err = tenders.Decide(ctx, w.modActor, w.moderator, t.ID, DecisionRequestChanges, demoTenderChangesReason)
		}
		if err != nil {
			return fmt.Errorf("decide on demo tender %q: %w", d.title, err)
		}
		if t, err = w.st.GetTender(ctx, t.ID); err != nil {
			return err
		}
		created[i] = t
		states[t.State]++
	}
	questions, sent, drafts := 0, 0, 0
	for _, a := range demoTenderActivity {
		t := created[a.tender]
		s, ok := w.orgs[a.supplier]
		if !ok {
			return fmt.Errorf("demo tender activity: no supplier %s", a.supplier)
		}
		actor, p := s.owner()
		if a.question != "" {
			q, err := tenders.Ask(ctx, actor, p, t.ID, a.question)
			if err != nil {
				return fmt.Errorf("demo question on %q: %w", t.Original().Title, err)
			}
			questions++
			if a.answer != "" {
				buyer := w.orgs[demoTenders[a.tender].buyer]
				bActor, bp := buyer.owner()
				if _, err := tenders.Answer(ctx, bActor, bp, buyer.org.ID, t.ID, q.Question.ID, a.answer); err != nil {
					return fmt.Errorf("demo answer on %q: %w", t.Original().Title, err)
				}
			}
		}
		if a.response != "" {
			cents := a.priceEuros * 100
			r, err := responses.Create(ctx, actor, p, t.ID, t.Lots[a.lot].ID, domain.ResponseFields{Message: a.response, PriceCents: &cents, Currency: "EUR"})
			if err != nil {
				return fmt.Errorf("demo response of %s to %q: %w", a.supplier, t.Original().Title, err)
			}
			if !a.submit {
				drafts++
				continue
			}
			if _, err := responses.Submit(ctx, actor, p, r.ID); err != nil {
				return fmt.Errorf("submit demo response of %s to %q: %w", a.supplier, t.Original().Title, err)
			}
			sent++
		}
	}
	for _, s := range []domain.TenderState{domain.TenderPublished, domain.TenderPending, domain.TenderChangesRequested, domain.TenderDraft} {
		w.count("tenders "+string(s), states[s])
	}
	w.count("tender lots", lots)
	w.count("reserved lots", reserved)
	w.count("questions", questions)
	w.count("responses submitted", sent)
	w.count("responses draft", drafts)
	return nil
}

// demoTenderJobs schedules the closing of the seeded tenders at their
// deadlines through the real queue, as publishing them in the app would,
// but drops the emails of the moderator's decisions (see seedOffers).
type demoTenderJobs struct{ jobs TenderJobs }

// EnqueueEmail does nothing: nobody reads the demonstration inboxes.
func (demoTenderJobs) EnqueueEmail(context.Context, *store.Tx, Email) error { return nil }

// ScheduleTenderClose schedules the closing job through the real queue.
func (j demoTenderJobs) ScheduleTenderClose(ctx context.Context, tx *store.Tx, tenderID string, at time.Time) error {
	return j.jobs.ScheduleTenderClose(ctx, tx, tenderID, at)
}
