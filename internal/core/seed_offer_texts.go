package core

import "passerelle/internal/domain"

// demoOfferText is an offer kind written in one language: a title, an
// opening paragraph and what the service includes, as Markdown bullets.
type demoOfferText struct {
	title, intro string
	bullets      []string
	// unit is what the indicative price is per ("per hour").
	unit string
}

// demoOfferKind is a kind of product or service SSE suppliers of the
// Grande Région sell, written by hand in French, German, English and Dutch
// (in that order); the seed composes each supplier's offers from these.
type demoOfferKind struct {
	typ      domain.OfferType
	sectors  []string
	radiusKM int
	leadDays int
	// cents is the indicative price per unit, in euro cents.
	cents    int64
	labels   []string
	capacity demoCapacity
	texts    [4]demoOfferText
}

// demoCapacity is what a typical supplier can deliver of a kind: a
// phrase per language (demoLanguages order) around a number (%s) that
// varies from one supplier to the next.
type demoCapacity struct {
	typical int
	text    [4]string
}

// demoLanguages are the languages of demoOfferKind.texts, in order.
var demoLanguages = [4]domain.Language{domain.LangFR, domain.LangDE, domain.LangEN, domain.LangNL}

var demoOfferKinds = map[string]demoOfferKind{
	"office_cleaning": {domain.OfferServices, []string{"cleaning.offices", "cleaning.buildings"}, 40, 10, 2850, nil, demoCapacity{12, [4]string{"%s agents d'entretien formés", "%s geschulte Reinigungskräfte", "%s trained cleaning operatives", "%s opgeleide schoonmakers"}}, [4]demoOfferText{
		{"Nettoyage de bureaux et de locaux administratifs", "Entretien quotidien ou hebdomadaire de vos bureaux, en journée ou en horaires décalés, par des équipes encadrées et formées aux produits écolabellisés.",
			[]string{"dépoussiérage des postes de travail et vidage des corbeilles", "aspiration et lavage des sols", "nettoyage et désinfection des sanitaires et des espaces de pause"}, "par heure"},
		{"Unterhaltsreinigung von Büros und Verwaltungsgebäuden", "Tägliche oder wöchentliche Reinigung Ihrer Büros, tagsüber oder außerhalb der Geschäftszeiten, durch angeleitete Teams, die mit umweltzertifizierten Mitteln arbeiten.",
			[]string{"Staubwischen der Arbeitsplätze und Leeren der Papierkörbe", "Saugen und Wischen der Böden", "Reinigung und Desinfektion von Sanitär- und Pausenräumen"}, "pro Stunde"},
		{"Office and administrative building cleaning", "Daily or weekly cleaning of your offices, during the day or outside working hours, by supervised teams trained to use eco-labelled products.",
			[]string{"dusting of workstations and emptying of bins", "vacuuming and mopping of floors", "cleaning and disinfection of toilets and break rooms"}, "per hour"},
		{"Schoonmaak van kantoren en administratieve gebouwen", "Dagelijkse of wekelijkse schoonmaak van uw kantoren, overdag of buiten de werkuren, door begeleide ploegen die met milieuvriendelijke producten werken.",
			[]string{"afstoffen van werkplekken en legen van de vuilnisbakken", "stofzuigen en dweilen van de vloeren", "reinigen en ontsmetten van sanitair en pauzeruimtes"}, "per uur"},
	}},
	"window_cleaning": {domain.OfferServices, []string{"cleaning.windows"}, 50, 14, 380, nil, demoCapacity{4, [4]string{"%s laveurs de vitres équipés", "%s ausgerüstete Glasreiniger", "%s equipped window cleaners", "%s uitgeruste glazenwassers"}}, [4]demoOfferText{
		{"Nettoyage de vitres et de façades vitrées", "Lavage des vitres intérieures et extérieures, des cadres et des vérandas, à la perche à eau pure jusqu'à 12 mètres sans nacelle.",
			[]string{"passages mensuels, trimestriels ou ponctuels", "eau osmosée : aucun détergent rejeté", "intervention sur sites occupés, sans gêne pour le public"}, "par m²"},
		{"Glas- und Fensterreinigung", "Reinigung von Fenstern innen und außen, Rahmen und Wintergärten, mit Reinwasser-Teleskopstangen bis 12 Meter Höhe ohne Hubsteiger.",
			[]string{"monatlich, quartalsweise oder einmalig", "Reinwassertechnik: keine Reinigungsmittel im Abwasser", "Einsatz bei laufendem Betrieb, ohne Störung des Publikumsverkehrs"}, "pro m²"},
		{"Window and glass facade cleaning", "Cleaning of windows inside and out, frames and conservatories, with pure-water poles up to 12 metres high and no lifting platform.",
			[]string{"monthly, quarterly or one-off visits", "pure water: no detergent released", "work in occupied buildings without disturbing the public"}, "per m²"},
		{"Glazenwassen en reinigen van glasgevels", "Reiniging van ramen binnen en buiten, kozijnen en veranda's, met zuiverwatertelescopen tot 12 meter hoog, zonder hoogwerker.",
			[]string{"maandelijks, driemaandelijks of eenmalig", "zuiver water: geen schoonmaakmiddelen in het afvalwater", "werken in bezette gebouwen zonder hinder voor het publiek"}, "per m²"},
	}},
	"green_maintenance": {domain.OfferServices, []string{"green_spaces.maintenance", "green_spaces.lawns"}, 35, 15, 3200, nil, demoCapacity{15, [4]string{"%s jardiniers et leurs encadrants", "%s Gärtnerinnen und Gärtner mit Anleitung", "%s gardeners with their supervisors", "%s tuiniers met hun begeleiders"}}, [4]demoOfferText{
		{"Entretien des espaces verts", "Tonte, débroussaillage, désherbage manuel et ramassage des feuilles pour les sièges d'entreprise, les résidences et les parcs communaux, sans produits phytosanitaires.",
			[]string{"contrat annuel avec calendrier de passages", "déchets verts valorisés en compost", "matériel électrique sur les sites sensibles au bruit"}, "par heure et par agent"},
		{"Grünflächenpflege", "Rasenmähen, Freischneiden, Unkraut von Hand und Laubbeseitigung für Firmengelände, Wohnanlagen und kommunale Parks, ohne Pflanzenschutzmittel.",
			[]string{"Jahresvertrag mit festem Pflegekalender", "Grünschnitt wird kompostiert", "Akkugeräte an lärmempfindlichen Standorten"}, "pro Stunde und Person"},
		{"Grounds and green space maintenance", "Mowing, strimming, hand weeding and leaf clearing for company sites, housing estates and municipal parks, with no pesticides.",
			[]string{"yearly contract with a set schedule of visits", "green waste composted", "battery tools on noise-sensitive sites"}, "per hour per worker"},
		{"Groenonderhoud", "Maaien, bosmaaien, handmatig wieden en bladruimen voor bedrijfsterreinen, woonwijken en gemeentelijke parken, zonder pesticiden.",
			[]string{"jaarcontract met vaste planning", "groenafval wordt gecomposteerd", "elektrisch materiaal op geluidsgevoelige plaatsen"}, "per uur per medewerker"},
	}},
	"hedge_pruning": {domain.OfferServices, []string{"green_spaces.pruning", "green_spaces.trees"}, 40, 20, 4500, nil, demoCapacity{3, [4]string{"%s équipes de deux", "%s Zweierteams", "%s teams of two", "%s ploegen van twee"}}, [4]demoOfferText{
		{"Taille de haies et élagage", "Taille de haies, d'arbustes et de petits arbres, broyage sur place des branchages, en dehors de la période de nidification.",
			[]string{"haies jusqu'à 4 mètres de hauteur", "broyat laissé en paillage si vous le souhaitez", "équipes équipées d'EPI et formées au travail en hauteur"}, "par heure pour une équipe de deux"},
		{"Heckenschnitt und Gehölzpflege", "Schnitt von Hecken, Sträuchern und kleinen Bäumen, Häckseln des Schnittguts vor Ort, außerhalb der Brutzeit.",
			[]string{"Hecken bis 4 Meter Höhe", "Häckselgut auf Wunsch als Mulch", "Teams mit Schutzausrüstung und Höhenschulung"}, "pro Stunde für ein Zweierteam"},
		{"Hedge trimming and tree pruning", "Trimming of hedges, shrubs and small trees, with branches chipped on site, outside the nesting season.",
			[]string{"hedges up to 4 metres high", "chippings left as mulch if you wish", "teams with protective equipment and trained to work at height"}, "per hour for a team of two"},
		{"Haagscheren en snoeiwerk", "Snoeien van hagen, struiken en kleine bomen, met ter plaatse versnipperen van het snoeihout, buiten het broedseizoen.",
			[]string{"hagen tot 4 meter hoog", "houtsnippers als mulch indien gewenst", "ploegen met beschermingsmiddelen en opgeleid voor werken op hoogte"}, "per uur voor een ploeg van twee"},
	}},
	"canteen": {domain.OfferServices, []string{"catering.canteens", "catering.school_meals"}, 30, 30, 520, []string{"Bio"}, demoCapacity{600, [4]string{"jusqu'à %s repas par jour", "bis zu %s Essen pro Tag", "up to %s meals a day", "tot %s maaltijden per dag"}}, [4]demoOfferText{
		{"Restauration collective pour cantines et restaurants d'entreprise", "Repas du midi cuisinés sur place ou livrés en liaison chaude, avec des produits de saison et au moins 30 % de bio, pour les écoles, les administrations et les entreprises.",
			[]string{"menus établis par une diététicienne, végétarien chaque jour", "allergènes affichés, régimes particuliers sur demande", "vaisselle réutilisable et suivi du gaspillage"}, "par repas"},
		{"Gemeinschaftsverpflegung für Kantinen und Schulen", "Mittagessen, vor Ort gekocht oder warm angeliefert, mit saisonalen Zutaten und mindestens 30 % Bio-Anteil, für Schulen, Verwaltungen und Betriebe.",
			[]string{"Speisepläne von einer Ernährungsfachkraft, täglich vegetarisch", "Allergenkennzeichnung, Sonderkost auf Anfrage", "Mehrweggeschirr und Messung der Speisereste"}, "pro Essen"},
		{"Canteen and school catering", "Lunches cooked on site or delivered hot, with seasonal produce and at least 30% organic, for schools, public offices and companies.",
			[]string{"menus planned by a dietitian, a vegetarian dish every day", "allergens displayed, special diets on request", "reusable tableware and food-waste monitoring"}, "per meal"},
		{"Grootkeuken voor kantines en scholen", "Middagmaaltijden ter plaatse gekookt of warm geleverd, met seizoensproducten en minstens 30 % bio, voor scholen, overheidsdiensten en bedrijven.",
			[]string{"menu's opgesteld door een diëtist, elke dag vegetarisch", "allergenen vermeld, dieetmaaltijden op aanvraag", "herbruikbaar servies en opvolging van voedselverspilling"}, "per maaltijd"},
	}},
	"event_catering": {domain.OfferServices, []string{"catering.events", "catering.business_meals"}, 60, 10, 1800, nil, demoCapacity{400, [4]string{"jusqu'à %s convives par jour", "bis zu %s Gäste pro Tag", "up to %s guests a day", "tot %s gasten per dag"}}, [4]demoOfferText{
		{"Traiteur pour réunions, séminaires et réceptions", "Petits-déjeuners, buffets froids ou chauds et cocktails dînatoires préparés avec des produits locaux, livrés et servis par notre équipe.",
			[]string{"de 10 à 400 convives", "options végétariennes et sans gluten", "service, mise en place et débarrassage inclus"}, "par personne"},
		{"Catering für Sitzungen, Tagungen und Empfänge", "Frühstück, kalte oder warme Buffets und Fingerfood aus regionalen Zutaten, geliefert und serviert von unserem Team.",
			[]string{"für 10 bis 400 Gäste", "vegetarische und glutenfreie Auswahl", "Service, Aufbau und Abräumen inklusive"}, "pro Person"},
		{"Catering for meetings, seminars and receptions", "Breakfasts, cold or hot buffets and finger food made with local produce, delivered and served by our team.",
			[]string{"from 10 to 400 guests", "vegetarian and gluten-free options", "service, set-up and clearing included"}, "per person"},
		{"Catering voor vergaderingen, seminaries en recepties", "Ontbijt, koude of warme buffetten en walking dinners met lokale producten, geleverd en bediend door ons team.",
			[]string{"van 10 tot 400 gasten", "vegetarische en glutenvrije opties", "bediening, opbouw en afruimen inbegrepen"}, "per persoon"},
	}},
	"laundry": {domain.OfferServices, []string{"laundry.laundry", "laundry.collection"}, 60, 7, 290, nil, demoCapacity{8, [4]string{"%s tonnes de linge par semaine", "%s Tonnen Wäsche pro Woche", "%s tonnes of linen a week", "%s ton linnen per week"}}, [4]demoOfferText{
		{"Blanchisserie du linge professionnel", "Lavage, séchage, repassage et pliage du linge plat et des vêtements de travail, avec collecte et livraison en tournée hebdomadaire.",
			[]string{"traitement conforme à la méthode RABC pour les établissements de santé", "marquage et suivi des pièces par code-barres", "lessives sans phosphates"}, "par kg"},
		{"Wäscherei für Berufswäsche", "Waschen, Trocknen, Mangeln und Falten von Flachwäsche und Berufskleidung, mit Abholung und Lieferung in wöchentlicher Tour.",
			[]string{"Aufbereitung nach RABC für Pflegeeinrichtungen", "Kennzeichnung und Nachverfolgung per Barcode", "phosphatfreie Waschmittel"}, "pro kg"},
		{"Professional laundry service", "Washing, drying, ironing and folding of flat linen and workwear, with weekly collection and delivery rounds.",
			[]string{"RABC-compliant processing for care homes and clinics", "items marked and tracked by barcode", "phosphate-free detergents"}, "per kg"},
		{"Wasserij voor professioneel linnen", "Wassen, drogen, strijken en plooien van platgoed en werkkledij, met wekelijkse ophaling en levering.",
			[]string{"behandeling volgens RABC voor zorginstellingen", "markering en opvolging per barcode", "fosfaatvrije wasmiddelen"}, "per kg"},
	}},
	"mailing": {domain.OfferServices, []string{"mailing.mailing", "mailing.postal"}, 100, 5, 9, nil, demoCapacity{20000, [4]string{"%s plis par jour", "%s Sendungen pro Tag", "%s items a day", "%s stuks per dag"}}, [4]demoOfferText{
		{"Mise sous pli et routage de courriers", "Pliage, mise sous enveloppe, affranchissement et dépôt postal de vos courriers, factures et campagnes, du petit envoi à 50 000 plis.",
			[]string{"personnalisation et adressage à partir de votre fichier", "tri postal pour les tarifs les plus bas", "confidentialité garantie par contrat"}, "par pli"},
		{"Kuvertierung und Versand", "Falzen, Kuvertieren, Frankieren und Einliefern Ihrer Briefe, Rechnungen und Mailings, vom kleinen Versand bis zu 50.000 Sendungen.",
			[]string{"Personalisierung und Adressierung aus Ihrer Datei", "Vorsortierung für die günstigsten Portotarife", "vertraglich zugesicherte Vertraulichkeit"}, "pro Sendung"},
		{"Mail preparation and dispatch", "Folding, enveloping, franking and posting of your letters, invoices and campaigns, from small runs up to 50,000 items.",
			[]string{"personalisation and addressing from your file", "postal presorting for the lowest rates", "confidentiality guaranteed by contract"}, "per item"},
		{"Mailing en verzending", "Plooien, insteken, frankeren en posten van uw brieven, facturen en campagnes, van kleine oplages tot 50.000 stuks.",
			[]string{"personalisatie en adressering vanuit uw bestand", "voorsortering voor de laagste posttarieven", "vertrouwelijkheid contractueel gegarandeerd"}, "per stuk"},
	}},
	"packaging_assembly": {domain.OfferServices, []string{"packaging.assembly", "packaging.storage_handling"}, 120, 10, 2400, []string{"ISO 9001"}, demoCapacity{60, [4]string{"%s opérateurs en atelier", "%s Beschäftigte in der Werkhalle", "%s workshop operators", "%s medewerkers in de werkplaats"}}, [4]demoOfferText{
		{"Conditionnement et assemblage à façon", "Montage de sous-ensembles, ensachage, étiquetage, mise en coffrets et préparation de kits promotionnels dans nos ateliers de 2 000 m².",
			[]string{"petites et grandes séries, contrôle qualité à chaque étape", "stockage et préparation de commandes", "enlèvement et livraison par nos camions"}, "par heure de travail"},
		{"Montage, Verpackung und Konfektionierung", "Montage von Baugruppen, Abpacken, Etikettieren, Konfektionieren von Sets und Werbemitteln in unseren 2.000 m² großen Werkhallen.",
			[]string{"Klein- und Großserien, Qualitätskontrolle in jedem Schritt", "Lagerung und Kommissionierung", "Abholung und Lieferung mit eigenen Fahrzeugen"}, "pro Arbeitsstunde"},
		{"Contract packaging and assembly", "Assembly of sub-components, bagging, labelling, gift-boxing and promotional kits in our 2,000 m² workshops.",
			[]string{"small and large runs, quality checks at every step", "storage and order picking", "collection and delivery with our own vans"}, "per working hour"},
		{"Verpakking en assemblage in onderaanneming", "Assemblage van onderdelen, inzakken, etiketteren, verpakken in geschenkdozen en promotiepakketten in onze werkplaatsen van 2.000 m².",
			[]string{"kleine en grote series, kwaliteitscontrole bij elke stap", "opslag en orderpicking", "ophaling en levering met eigen wagens"}, "per werkuur"},
	}},
	"it_refurbished": {domain.OfferSupplies, []string{"recycling.refurbished_it", "it.equipment"}, 0, 7, 24900, []string{"Garantie 12 mois"}, demoCapacity{300, [4]string{"%s ordinateurs reconditionnés par mois", "%s aufbereitete Rechner pro Monat", "%s refurbished computers a month", "%s gereviseerde computers per maand"}}, [4]demoOfferText{
		{"Ordinateurs portables et fixes reconditionnés", "Postes professionnels reconditionnés, testés et garantis un an, avec effacement certifié des données et système installé : une alternative sobre au neuf.",
			[]string{"ordinateurs portables 14 et 15 pouces, postes fixes et écrans", "reprise de votre ancien parc avec attestation de traitement", "livraison et installation sur site"}, "par ordinateur portable"},
		{"Aufbereitete Notebooks und Desktop-PCs", "Generalüberholte Business-Geräte, geprüft und mit einem Jahr Garantie, mit zertifizierter Datenlöschung und installiertem System: die sparsame Alternative zum Neukauf.",
			[]string{"Notebooks mit 14 und 15 Zoll, Desktop-PCs und Monitore", "Rücknahme Ihrer Altgeräte mit Entsorgungsnachweis", "Lieferung und Einrichtung vor Ort"}, "pro Notebook"},
		{"Refurbished laptops and desktops", "Refurbished business computers, tested and guaranteed for a year, with certified data erasure and the system installed: a frugal alternative to new equipment.",
			[]string{"14- and 15-inch laptops, desktops and monitors", "take-back of your old equipment with a certificate of processing", "delivery and set-up on site"}, "per laptop"},
		{"Gereviseerde laptops en desktops", "Gereviseerde zakelijke computers, getest en met een jaar garantie, met gecertificeerde gegevenswissing en geïnstalleerd systeem: een zuinig alternatief voor nieuw materiaal.",
			[]string{"laptops van 14 en 15 inch, desktops en schermen", "terugname van uw oude toestellen met verwerkingsattest", "levering en installatie ter plaatse"}, "per laptop"},
	}},
	"removals": {domain.OfferServices, []string{"removals.removals", "removals.handling"}, 80, 14, 4200, nil, demoCapacity{8, [4]string{"%s déménageurs et deux camions de 20 m³", "%s Umzugshelfer und zwei 20-m³-Lkw", "%s movers and two 20 m³ lorries", "%s verhuizers en twee vrachtwagens van 20 m³"}}, [4]demoOfferText{
		{"Déménagements de bureaux et transferts d'archives", "Déménagement de postes de travail, de mobilier et d'archives, emballage compris, en semaine ou le week-end pour ne pas interrompre votre activité.",
			[]string{"visite préalable et planning détaillé", "caisses et protections fournies", "évacuation du mobilier usagé vers le réemploi"}, "par heure pour un déménageur"},
		{"Büroumzüge und Aktenverlagerungen", "Umzug von Arbeitsplätzen, Möbeln und Archiven inklusive Verpackung, unter der Woche oder am Wochenende, damit Ihr Betrieb weiterläuft.",
			[]string{"Vorabbesichtigung und detaillierter Zeitplan", "Umzugskartons und Schutzmaterial inklusive", "Altmobiliar geht in die Wiederverwendung"}, "pro Stunde und Umzugshelfer"},
		{"Office removals and archive transfers", "Moving of workstations, furniture and archives, packing included, on weekdays or at weekends so that your work is not interrupted.",
			[]string{"survey visit and detailed schedule", "boxes and protective materials provided", "old furniture taken away for reuse"}, "per hour per mover"},
		{"Kantoorverhuizingen en archiefverplaatsingen", "Verhuizen van werkplekken, meubilair en archieven, inpakken inbegrepen, op weekdagen of in het weekend zodat uw werking doorloopt.",
			[]string{"voorafgaand bezoek en gedetailleerde planning", "verhuisdozen en beschermingsmateriaal voorzien", "oud meubilair gaat naar hergebruik"}, "per uur per verhuizer"},
	}},
	"digitisation": {domain.OfferServices, []string{"digitisation.scanning", "digitisation.archiving"}, 0, 15, 8, nil, demoCapacity{30000, [4]string{"%s pages numérisées par jour", "%s gescannte Seiten pro Tag", "%s pages scanned a day", "%s gescande pagina's per dag"}}, [4]demoOfferText{
		{"Numérisation d'archives et de dossiers", "Préparation, numérisation, indexation et contrôle de vos dossiers papier, plans et registres, restitués en PDF/A avec reconnaissance de texte.",
			[]string{"enlèvement sécurisé et traçabilité des boîtes", "indexation selon votre plan de classement", "destruction certifiée des originaux si vous le demandez"}, "par page"},
		{"Digitalisierung von Archiven und Akten", "Vorbereitung, Scannen, Indexierung und Kontrolle Ihrer Papierakten, Pläne und Register, geliefert als PDF/A mit Texterkennung.",
			[]string{"sichere Abholung und Nachverfolgung jeder Kiste", "Indexierung nach Ihrem Aktenplan", "zertifizierte Vernichtung der Originale auf Wunsch"}, "pro Seite"},
		{"Archive and file digitisation", "Preparation, scanning, indexing and checking of your paper files, plans and registers, delivered as searchable PDF/A.",
			[]string{"secure collection and tracking of every box", "indexing to your filing plan", "certified destruction of the originals on request"}, "per page"},
		{"Digitalisering van archieven en dossiers", "Voorbereiding, scannen, indexeren en controle van uw papieren dossiers, plannen en registers, geleverd als doorzoekbare PDF/A.",
			[]string{"beveiligde ophaling en opvolging van elke doos", "indexering volgens uw klassement", "gecertificeerde vernietiging van de originelen op aanvraag"}, "per pagina"},
	}},
	"data_entry": {domain.OfferServices, []string{"digitisation.data_entry", "digitisation.data_processing"}, 0, 5, 2600, nil, demoCapacity{10, [4]string{"%s opérateurs de saisie", "%s Erfassungskräfte", "%s data entry operators", "%s invoerders"}}, [4]demoOfferText{
		{"Saisie et contrôle de données", "Saisie de formulaires, de factures et de questionnaires, mise à jour de fichiers clients et contrôle de qualité des données, dans vos outils ou les nôtres.",
			[]string{"double saisie pour un taux d'erreur inférieur à 0,1 %", "traitement conforme au RGPD, postes sécurisés", "délais garantis par contrat"}, "par heure"},
		{"Datenerfassung und Datenprüfung", "Erfassung von Formularen, Rechnungen und Fragebögen, Pflege von Kundendateien und Qualitätsprüfung von Daten, in Ihren oder unseren Systemen.",
			[]string{"Doppelerfassung für eine Fehlerquote unter 0,1 %", "DSGVO-konforme Verarbeitung an gesicherten Arbeitsplätzen", "vertraglich zugesicherte Fristen"}, "pro Stunde"},
		{"Data entry and data quality checks", "Keying of forms, invoices and questionnaires, customer file updates and data quality checks, in your tools or ours.",
			[]string{"double keying for an error rate below 0.1%", "GDPR-compliant processing on secured workstations", "turnaround times guaranteed by contract"}, "per hour"},
		{"Gegevensinvoer en gegevenscontrole", "Invoer van formulieren, facturen en vragenlijsten, bijwerken van klantenbestanden en kwaliteitscontrole van gegevens, in uw systemen of de onze.",
			[]string{"dubbele invoer voor minder dan 0,1 % fouten", "AVG-conforme verwerking op beveiligde werkposten", "contractueel gegarandeerde termijnen"}, "per uur"},
	}},
	"printing": {domain.OfferSupplies, []string{"printing.printing", "printing.binding"}, 0, 7, 19000, []string{"Imprim'Vert", "FSC"}, demoCapacity{3, [4]string{"%s presses offset et numériques", "%s Offset- und Digitaldruckmaschinen", "%s offset and digital presses", "%s offset- en digitale persen"}}, [4]demoOfferText{
		{"Impression de documents et de supports de communication", "Flyers, brochures, rapports annuels, affiches et papeterie, en offset ou en numérique, sur papiers recyclés ou certifiés, avec façonnage et livraison.",
			[]string{"relecture et bon à tirer avant impression", "encres végétales, gestion des déchets certifiée", "pliage, agrafage, reliure dos carré collé"}, "pour 1 000 brochures A4 de 16 pages"},
		{"Druck von Dokumenten und Werbemitteln", "Flyer, Broschüren, Geschäftsberichte, Plakate und Geschäftsausstattung, im Offset- oder Digitaldruck, auf Recycling- oder zertifiziertem Papier, mit Weiterverarbeitung und Lieferung.",
			[]string{"Korrektur und Freigabe vor dem Druck", "Pflanzenölfarben, zertifizierte Abfallentsorgung", "Falzen, Heften, Klebebindung"}, "für 1.000 Broschüren A4 mit 16 Seiten"},
		{"Printing of documents and marketing materials", "Flyers, brochures, annual reports, posters and stationery, offset or digital, on recycled or certified paper, with finishing and delivery.",
			[]string{"proofreading and proof approval before printing", "vegetable-based inks, certified waste handling", "folding, stapling, perfect binding"}, "for 1,000 A4 brochures of 16 pages"},
		{"Drukwerk en communicatiedragers", "Flyers, brochures, jaarverslagen, affiches en briefpapier, in offset of digitaal, op gerecycleerd of gecertificeerd papier, met afwerking en levering.",
			[]string{"nalezen en drukproef vóór het drukken", "plantaardige inkten, gecertificeerd afvalbeheer", "plooien, nieten, gelijmde rug"}, "voor 1.000 A4-brochures van 16 pagina's"},
	}},
	"event_setup": {domain.OfferServices, []string{"events.organisation", "events.tents"}, 80, 21, 65000, nil, demoCapacity{20, [4]string{"jusqu'à %s techniciens et agents d'accueil", "bis zu %s Technik- und Empfangskräfte", "up to %s technicians and welcome staff", "tot %s technici en onthaalmedewerkers"}}, [4]demoOfferText{
		{"Logistique d'événements : montage, accueil et démontage", "Montage de tentes, de stands et de salles, signalétique, accueil des participants et démontage après vos salons, fêtes et conventions.",
			[]string{"équipes de 2 à 20 personnes selon l'événement", "tentes de 3 × 3 m à 10 × 20 m et mobilier", "tri des déchets et nettoyage du site"}, "par journée pour une équipe de quatre"},
		{"Veranstaltungslogistik: Aufbau, Empfang und Abbau", "Aufbau von Zelten, Ständen und Sälen, Beschilderung, Empfang der Gäste und Abbau nach Messen, Festen und Tagungen.",
			[]string{"Teams von 2 bis 20 Personen je nach Veranstaltung", "Zelte von 3 × 3 m bis 10 × 20 m und Mobiliar", "Mülltrennung und Reinigung des Geländes"}, "pro Tag für ein Viererteam"},
		{"Event logistics: set-up, welcome desk and dismantling", "Erection of tents, stands and rooms, signage, welcoming guests and dismantling after your fairs, festivals and conventions.",
			[]string{"teams of 2 to 20 people depending on the event", "tents from 3 × 3 m to 10 × 20 m, and furniture", "waste sorting and site cleaning"}, "per day for a team of four"},
		{"Evenementenlogistiek: opbouw, onthaal en afbraak", "Opbouw van tenten, stands en zalen, bewegwijzering, onthaal van de deelnemers en afbraak na uw beurzen, feesten en congressen.",
			[]string{"ploegen van 2 tot 20 personen naargelang het evenement", "tenten van 3 × 3 m tot 10 × 20 m en meubilair", "afvalsortering en reiniging van het terrein"}, "per dag voor een ploeg van vier"},
	}},
	"vegetables": {domain.OfferSupplies, []string{"food.market_gardening", "food.fruit_vegetables"}, 50, 3, 2000, []string{"Agriculture biologique"}, demoCapacity{250, [4]string{"%s paniers par semaine", "%s Kisten pro Woche", "%s boxes a week", "%s pakketten per week"}}, [4]demoOfferText{
		{"Paniers de légumes bio de saison", "Légumes et fruits cultivés dans nos jardins en agriculture biologique, livrés chaque semaine en paniers pour vos salariés ou en vrac pour vos cuisines.",
			[]string{"plus de 40 variétés au fil des saisons", "livraison le mardi et le vendredi", "recettes de saison jointes aux paniers"}, "par panier de 5 kg"},
		{"Saisonale Bio-Gemüsekisten", "Gemüse und Obst aus unseren biologisch bewirtschafteten Gärten, wöchentlich in Kisten für Ihre Belegschaft oder lose für Ihre Küchen geliefert.",
			[]string{"über 40 Sorten im Lauf der Jahreszeiten", "Lieferung dienstags und freitags", "saisonale Rezepte in jeder Kiste"}, "pro 5-kg-Kiste"},
		{"Seasonal organic vegetable boxes", "Vegetables and fruit grown organically in our gardens, delivered every week in boxes for your staff or in bulk for your kitchens.",
			[]string{"over 40 varieties through the seasons", "delivery on Tuesdays and Fridays", "seasonal recipes in every box"}, "per 5 kg box"},
		{"Biologische groentepakketten van het seizoen", "Groenten en fruit biologisch geteeld in onze tuinen, wekelijks geleverd in pakketten voor uw medewerkers of in bulk voor uw keukens.",
			[]string{"meer dan 40 soorten doorheen de seizoenen", "levering op dinsdag en vrijdag", "seizoensrecepten bij elk pakket"}, "per pakket van 5 kg"},
	}},
	"honey_jams": {domain.OfferSupplies, []string{"food.honey_jams", "crafts.gifts"}, 0, 10, 1250, nil, demoCapacity{800, [4]string{"%s coffrets en fin d'année", "%s Geschenkboxen zum Jahresende", "%s gift boxes at year end", "%s geschenkdozen op het jaareinde"}}, [4]demoOfferText{
		{"Miel, confitures et coffrets cadeaux", "Miel de nos ruchers, confitures et gelées cuisinées en petites séries, présentés en coffrets pour vos cadeaux de fin d'année, vos clients et vos salariés.",
			[]string{"coffrets personnalisables avec votre carte", "miel de printemps, d'été et de forêt", "commandes groupées livrées en une fois"}, "par coffret de trois pots"},
		{"Honig, Konfitüren und Geschenkboxen", "Honig aus eigenen Bienenstöcken, in kleinen Mengen gekochte Konfitüren und Gelees, in Geschenkboxen für Kundschaft, Belegschaft und Jahresendgeschenke.",
			[]string{"Boxen mit Ihrer eigenen Grußkarte", "Frühlings-, Sommer- und Waldhonig", "Sammelbestellungen in einer Lieferung"}, "pro Box mit drei Gläsern"},
		{"Honey, jams and gift boxes", "Honey from our own hives, jams and jellies cooked in small batches, presented in gift boxes for your customers, your staff and year-end gifts.",
			[]string{"boxes personalised with your card", "spring, summer and forest honey", "group orders delivered at once"}, "per box of three jars"},
		{"Honing, confituur en geschenkdozen", "Honing van onze eigen bijenkorven, confituur en gelei in kleine hoeveelheden gekookt, in geschenkdozen voor uw klanten, medewerkers en eindejaarsgeschenken.",
			[]string{"dozen met uw eigen kaartje", "lente-, zomer- en woudhoning", "groepsbestellingen in één levering"}, "per doos met drie potten"},
	}},
	"bakery": {domain.OfferSupplies, []string{"food.bakery", "catering.meal_delivery"}, 30, 2, 180, nil, demoCapacity{1500, [4]string{"%s viennoiseries par matin", "%s Gebäckstücke pro Morgen", "%s pastries every morning", "%s stuks gebak per ochtend"}}, [4]demoOfferText{
		{"Pains, viennoiseries et pâtisseries livrés chaque matin", "Pains au levain, viennoiseries et pâtisseries fabriqués la nuit dans notre fournil, livrés avant 8 heures aux cantines, aux hôtels et aux entreprises.",
			[]string{"farines de meuniers de la région", "commande la veille avant 14 heures", "plateaux pour réunions et petits-déjeuners"}, "par viennoiserie"},
		{"Brot, Brötchen und Gebäck jeden Morgen geliefert", "Sauerteigbrot, Brötchen und Kuchen, nachts in unserer Backstube gebacken und vor 8 Uhr an Kantinen, Hotels und Betriebe geliefert.",
			[]string{"Mehl von Mühlen aus der Region", "Bestellung bis 14 Uhr am Vortag", "Platten für Besprechungen und Frühstück"}, "pro Stück Gebäck"},
		{"Bread and pastries delivered every morning", "Sourdough bread, rolls and pastries baked overnight in our bakery and delivered before 8 a.m. to canteens, hotels and offices.",
			[]string{"flour from regional mills", "order by 2 p.m. the day before", "platters for meetings and breakfasts"}, "per pastry"},
		{"Brood en gebak elke ochtend geleverd", "Zuurdesembrood, broodjes en gebak, 's nachts gebakken in onze bakkerij en vóór 8 uur geleverd aan kantines, hotels en bedrijven.",
			[]string{"bloem van molens uit de streek", "bestellen vóór 14 uur de dag ervoor", "schotels voor vergaderingen en ontbijt"}, "per stuk gebak"},
	}},
	"furniture": {domain.OfferSupplies, []string{"joinery.furniture", "joinery.joinery"}, 0, 45, 39000, []string{"PEFC"}, demoCapacity{40, [4]string{"%s bureaux par mois", "%s Schreibtische pro Monat", "%s desks a month", "%s bureaus per maand"}}, [4]demoOfferText{
		{"Mobilier de bureau en bois massif sur mesure", "Bureaux, tables de réunion, rangements et banques d'accueil fabriqués dans notre atelier en bois local certifié, livrés et montés.",
			[]string{"conception avec vous à partir de vos plans", "finitions à l'huile naturelle sans solvant", "pièces détachées et réparation pendant dix ans"}, "par bureau de 160 × 80 cm"},
		{"Büromöbel aus Massivholz nach Maß", "Schreibtische, Besprechungstische, Schränke und Empfangstheken aus zertifiziertem Holz der Region, in unserer Schreinerei gefertigt, geliefert und montiert.",
			[]string{"Planung gemeinsam mit Ihnen nach Ihren Grundrissen", "Oberflächen mit lösemittelfreiem Naturöl", "Ersatzteile und Reparatur für zehn Jahre"}, "pro Schreibtisch 160 × 80 cm"},
		{"Made-to-measure solid wood office furniture", "Desks, meeting tables, storage and reception counters made in our joinery from certified local timber, delivered and assembled.",
			[]string{"designed with you from your floor plans", "natural, solvent-free oil finishes", "spare parts and repairs for ten years"}, "per 160 × 80 cm desk"},
		{"Kantoormeubilair op maat in massief hout", "Bureaus, vergadertafels, kasten en onthaalbalies gemaakt in onze schrijnwerkerij uit gecertificeerd lokaal hout, geleverd en gemonteerd.",
			[]string{"ontwerp samen met u op basis van uw plannen", "afwerking met natuurlijke olie zonder solventen", "wisselstukken en herstelling gedurende tien jaar"}, "per bureau van 160 × 80 cm"},
	}},
	"outdoor_furniture": {domain.OfferSupplies, []string{"joinery.outdoor_furniture", "joinery.wood_products"}, 0, 30, 49000, nil, demoCapacity{30, [4]string{"%s tables ou bancs par mois", "%s Tische oder Bänke pro Monat", "%s tables or benches a month", "%s tafels of banken per maand"}}, [4]demoOfferText{
		{"Mobilier urbain et de jardin en bois", "Bancs, tables de pique-nique, jardinières, abris et hôtels à insectes en douglas ou en robinier non traité, pour les communes, les écoles et les entreprises.",
			[]string{"modèles de série ou sur mesure", "bois local non traité, durable en classe 3", "pose et scellement sur demande"}, "par table de pique-nique"},
		{"Stadt- und Gartenmöbel aus Holz", "Bänke, Picknicktische, Pflanzkästen, Unterstände und Insektenhotels aus unbehandelter Douglasie oder Robinie, für Gemeinden, Schulen und Betriebe.",
			[]string{"Serienmodelle oder Sonderanfertigung", "unbehandeltes Holz aus der Region, dauerhaft für den Außenbereich", "Aufstellung und Verankerung auf Wunsch"}, "pro Picknicktisch"},
		{"Wooden street and garden furniture", "Benches, picnic tables, planters, shelters and insect hotels in untreated Douglas fir or robinia, for municipalities, schools and companies.",
			[]string{"standard models or made to measure", "untreated local timber that lasts outdoors", "installation and anchoring on request"}, "per picnic table"},
		{"Houten straat- en tuinmeubilair", "Banken, picknicktafels, plantenbakken, schuilhokken en insectenhotels in onbehandelde douglas of robinia, voor gemeenten, scholen en bedrijven.",
			[]string{"standaardmodellen of maatwerk", "onbehandeld lokaal hout, duurzaam voor buitengebruik", "plaatsing en verankering op aanvraag"}, "per picknicktafel"},
	}},
	"firewood": {domain.OfferSupplies, []string{"joinery.firewood", "green_spaces.forestry"}, 40, 10, 9500, nil, demoCapacity{1200, [4]string{"%s stères par an", "%s Raummeter pro Jahr", "%s stacked cubic metres a year", "%s stère per jaar"}}, [4]demoOfferText{
		{"Bois de chauffage sec", "Bois de hêtre et de chêne fendu, séché deux ans sous abri, livré en vrac ou sur palette pour les particuliers, les gîtes et les collectivités.",
			[]string{"bûches de 25, 33 ou 50 cm", "humidité inférieure à 20 %", "livraison avec déchargement"}, "par stère"},
		{"Trockenes Brennholz", "Buchen- und Eichenholz, gespalten und zwei Jahre unter Dach getrocknet, lose oder auf Paletten geliefert, für Haushalte, Ferienhäuser und Kommunen.",
			[]string{"Scheitlänge 25, 33 oder 50 cm", "Restfeuchte unter 20 %", "Lieferung mit Abladen"}, "pro Raummeter"},
		{"Seasoned firewood", "Split beech and oak, dried under cover for two years, delivered loose or on pallets to households, holiday cottages and municipalities.",
			[]string{"logs of 25, 33 or 50 cm", "moisture content below 20%", "delivery with unloading"}, "per stacked cubic metre"},
		{"Droog brandhout", "Gekloofd beuken- en eikenhout, twee jaar onder dak gedroogd, los of op pallets geleverd aan gezinnen, vakantiewoningen en gemeenten.",
			[]string{"blokken van 25, 33 of 50 cm", "vochtgehalte onder 20 %", "levering met lossen"}, "per stère"},
	}},
	"painting": {domain.OfferWorks, []string{"building.painting", "building.decorating"}, 40, 21, 2800, nil, demoCapacity{6, [4]string{"%s peintres avec leurs chefs d'équipe", "%s Maler mit ihren Vorarbeitern", "%s painters with their supervisors", "%s schilders met hun ploegbazen"}}, [4]demoOfferText{
		{"Travaux de peinture intérieure", "Préparation des supports, peinture des murs, plafonds et boiseries de vos bureaux, logements et écoles, pendant les congés ou en site occupé.",
			[]string{"peintures à faible émission de COV", "protection des sols et du mobilier, nettoyage en fin de chantier", "chefs d'équipe qualifiés encadrant des salariés en insertion"}, "par m²"},
		{"Malerarbeiten im Innenbereich", "Untergrundvorbereitung, Anstrich von Wänden, Decken und Holzteilen in Büros, Wohnungen und Schulen, in den Ferien oder bei laufendem Betrieb.",
			[]string{"emissionsarme Farben", "Abdecken von Böden und Möbeln, Endreinigung der Baustelle", "qualifizierte Vorarbeiter leiten Beschäftigte in Qualifizierung an"}, "pro m²"},
		{"Interior painting works", "Surface preparation and painting of walls, ceilings and woodwork in offices, homes and schools, during holidays or in occupied buildings.",
			[]string{"low-VOC paints", "floors and furniture protected, site cleaned at the end", "qualified supervisors leading workers on integration pathways"}, "per m²"},
		{"Binnenschilderwerken", "Voorbereiden van de ondergrond en schilderen van muren, plafonds en houtwerk in kantoren, woningen en scholen, tijdens de vakantie of in bezette gebouwen.",
			[]string{"verven met lage VOS-uitstoot", "afdekken van vloeren en meubilair, eindschoonmaak van de werf", "gekwalificeerde ploegbazen begeleiden werknemers in een traject"}, "per m²"},
	}},
	"bicycles": {domain.OfferServices, []string{"mobility.bicycles", "mobility.fleet"}, 30, 5, 4900, nil, demoCapacity{60, [4]string{"%s révisions par semaine", "%s Inspektionen pro Woche", "%s services a week", "%s onderhoudsbeurten per week"}}, [4]demoOfferText{
		{"Entretien et réparation de flottes de vélos", "Révision et réparation de vos vélos de service, vélos à assistance électrique et vélos en libre-service, dans notre atelier ou directement sur votre site.",
			[]string{"forfait révision annuelle avec contrôle de sécurité", "atelier mobile pour les flottes de plus de dix vélos", "pièces de réemploi quand c'est possible"}, "par révision"},
		{"Wartung und Reparatur von Fahrradflotten", "Inspektion und Reparatur Ihrer Dienst-, E- und Leihräder, in unserer Werkstatt oder direkt bei Ihnen vor Ort.",
			[]string{"Jahresinspektion mit Sicherheitscheck zum Festpreis", "mobile Werkstatt für Flotten ab zehn Rädern", "gebrauchte Ersatzteile, wo immer möglich"}, "pro Inspektion"},
		{"Bicycle fleet maintenance and repair", "Servicing and repair of your company bikes, e-bikes and shared bikes, in our workshop or on your site.",
			[]string{"fixed-price annual service with safety check", "mobile workshop for fleets of more than ten bikes", "reused spare parts wherever possible"}, "per service"},
		{"Onderhoud en herstelling van fietsvloten", "Nazicht en herstelling van uw dienstfietsen, elektrische fietsen en deelfietsen, in onze werkplaats of bij u ter plaatse.",
			[]string{"jaarlijkse onderhoudsbeurt met veiligheidscontrole aan vaste prijs", "mobiele werkplaats voor vloten vanaf tien fietsen", "tweedehandsonderdelen waar mogelijk"}, "per onderhoudsbeurt"},
	}},
	"car_wash": {domain.OfferServices, []string{"mobility.car_wash"}, 25, 3, 3500, nil, demoCapacity{25, [4]string{"%s véhicules par jour", "%s Fahrzeuge pro Tag", "%s vehicles a day", "%s voertuigen per dag"}}, [4]demoOfferText{
		{"Lavage de véhicules sans eau sur site", "Nettoyage intérieur et extérieur de vos véhicules de service sur votre parking, avec des produits biodégradables et sans eau courante.",
			[]string{"passages réguliers pour les flottes", "aspiration, vitres et tableau de bord", "rapport photo après chaque passage"}, "par véhicule"},
		{"Wasserlose Fahrzeugaufbereitung vor Ort", "Innen- und Außenreinigung Ihrer Dienstfahrzeuge auf Ihrem Parkplatz, mit biologisch abbaubaren Mitteln und ohne Fließwasser.",
			[]string{"regelmäßige Termine für Flotten", "Saugen, Scheiben und Armaturen", "Fotoprotokoll nach jedem Einsatz"}, "pro Fahrzeug"},
		{"Waterless on-site vehicle cleaning", "Interior and exterior cleaning of your company vehicles in your car park, with biodegradable products and no running water.",
			[]string{"regular visits for fleets", "vacuuming, windows and dashboard", "photo report after every visit"}, "per vehicle"},
		{"Waterloze voertuigreiniging ter plaatse", "Reiniging binnen en buiten van uw dienstwagens op uw parking, met biologisch afbreekbare producten en zonder stromend water.",
			[]string{"regelmatige beurten voor vloten", "stofzuigen, ruiten en dashboard", "fotoverslag na elke beurt"}, "per voertuig"},
	}},
	"workwear": {domain.OfferSupplies, []string{"textile.workwear", "textile.embroidery"}, 0, 21, 3900, []string{"OEKO-TEX"}, demoCapacity{900, [4]string{"%s pièces par mois", "%s Teile pro Monat", "%s garments a month", "%s stuks per maand"}}, [4]demoOfferText{
		{"Vêtements de travail confectionnés et brodés", "Blouses, tabliers, vestes et pantalons de travail confectionnés dans notre atelier de couture, marqués à votre logo par broderie ou flocage.",
			[]string{"tissus certifiés OEKO-TEX, coton bio en option", "retouches et réparations pour prolonger la durée de vie", "petites séries à partir de 20 pièces"}, "par veste brodée"},
		{"Berufskleidung genäht und bestickt", "Kittel, Schürzen, Jacken und Arbeitshosen aus unserer Näherei, mit Ihrem Logo bestickt oder beflockt.",
			[]string{"OEKO-TEX-zertifizierte Stoffe, Bio-Baumwolle auf Wunsch", "Änderungen und Reparaturen für eine längere Lebensdauer", "Kleinserien ab 20 Stück"}, "pro bestickter Jacke"},
		{"Workwear made and embroidered to order", "Smocks, aprons, jackets and work trousers sewn in our workshop and marked with your logo by embroidery or flock printing.",
			[]string{"OEKO-TEX certified fabrics, organic cotton as an option", "alterations and repairs that extend garment life", "small runs from 20 pieces"}, "per embroidered jacket"},
		{"Werkkledij op maat genaaid en geborduurd", "Schorten, voorschoten, jassen en werkbroeken genaaid in ons atelier en voorzien van uw logo in borduurwerk of flock.",
			[]string{"OEKO-TEX-gecertificeerde stoffen, biokatoen als optie", "aanpassingen en herstellingen voor een langere levensduur", "kleine reeksen vanaf 20 stuks"}, "per geborduurde jas"},
	}},
	"staffing": {domain.OfferServices, []string{"facility.staffing", "removals.handling"}, 50, 2, 2450, nil, demoCapacity{45, [4]string{"%s salariés disponibles", "%s verfügbare Beschäftigte", "%s workers available", "%s beschikbare medewerkers"}}, [4]demoOfferText{
		{"Mise à disposition de personnel en insertion", "Agents de manutention, de propreté, de restauration ou d'accueil mis à votre disposition pour quelques heures ou plusieurs mois, avec un accompagnement vers l'emploi durable.",
			[]string{"réponse sous 48 heures pour les besoins urgents", "heures comptabilisées dans vos clauses sociales d'insertion", "suivi par un chargé d'accompagnement dédié"}, "par heure"},
		{"Personalüberlassung zur beruflichen Eingliederung", "Kräfte für Umschlag, Reinigung, Küche oder Empfang, für wenige Stunden oder mehrere Monate, mit Begleitung auf dem Weg in dauerhafte Beschäftigung.",
			[]string{"Antwort innerhalb von 48 Stunden bei dringendem Bedarf", "Stunden zählen für Ihre sozialen Vergabeklauseln", "Betreuung durch eine feste Ansprechperson"}, "pro Stunde"},
		{"Staff provided through integration schemes", "Workers for handling, cleaning, kitchens or reception, for a few hours or several months, with support towards lasting employment.",
			[]string{"answer within 48 hours for urgent needs", "hours count towards your social clauses", "followed by a dedicated job coach"}, "per hour"},
		{"Terbeschikkingstelling van personeel in een inschakelingstraject", "Medewerkers voor behandeling, schoonmaak, keuken of onthaal, voor enkele uren of meerdere maanden, met begeleiding naar duurzaam werk.",
			[]string{"antwoord binnen 48 uur voor dringende noden", "uren tellen mee voor uw sociale clausules", "opgevolgd door een vaste jobcoach"}, "per uur"},
	}},
	"reception": {domain.OfferServices, []string{"facility.reception", "facility.office_support"}, 30, 10, 2700, nil, demoCapacity{6, [4]string{"%s agents d'accueil bilingues", "%s zweisprachige Empfangskräfte", "%s bilingual receptionists", "%s tweetalige onthaalmedewerkers"}}, [4]demoOfferText{
		{"Accueil, standard et services généraux", "Accueil physique et téléphonique, gestion du courrier interne, des salles de réunion et des fournitures, assurés par du personnel formé et bilingue.",
			[]string{"remplacements pendant les congés", "accueil en français, en allemand et en anglais", "consignes rédigées avec vous et tenues à jour"}, "par heure"},
		{"Empfang, Telefonzentrale und Büroservice", "Empfang und Telefondienst, Hauspost, Besprechungsräume und Büromaterial, durch geschultes, zweisprachiges Personal.",
			[]string{"Vertretung während der Urlaubszeit", "Empfang auf Deutsch, Französisch und Englisch", "gemeinsam erstellte, aktuelle Dienstanweisungen"}, "pro Stunde"},
		{"Reception, switchboard and office services", "Front desk and switchboard, internal mail, meeting rooms and office supplies, handled by trained bilingual staff.",
			[]string{"cover during holidays", "welcome in French, German and English", "instructions written with you and kept up to date"}, "per hour"},
		{"Onthaal, telefooncentrale en facilitaire diensten", "Onthaal en telefoon, interne post, vergaderzalen en kantoorbenodigdheden, verzorgd door opgeleid tweetalig personeel.",
			[]string{"vervanging tijdens de vakantie", "onthaal in het Frans, Duits en Engels", "instructies samen met u opgesteld en bijgehouden"}, "per uur"},
	}},
	"paper_recycling": {domain.OfferServices, []string{"recycling.paper", "recycling.sorting"}, 60, 7, 1500, nil, demoCapacity{350, [4]string{"%s tonnes collectées par an", "%s Tonnen Sammelmenge pro Jahr", "%s tonnes collected a year", "%s ton ingezameld per jaar"}}, [4]demoOfferText{
		{"Collecte et recyclage des papiers de bureau", "Bacs de tri installés dans vos bureaux, collecte régulière des papiers, cartons et archives, destruction confidentielle et recyclage tracé.",
			[]string{"bacs fermés à clé pour les documents confidentiels", "certificat de destruction à chaque collecte", "bilan annuel des tonnes recyclées pour votre rapport RSE"}, "par bac collecté"},
		{"Sammlung und Recycling von Büropapier", "Sammelbehälter in Ihren Büros, regelmäßige Abholung von Papier, Kartonagen und Altakten, vertrauliche Vernichtung und nachweisbares Recycling.",
			[]string{"abschließbare Behälter für vertrauliche Unterlagen", "Vernichtungszertifikat bei jeder Abholung", "Jahresbilanz der recycelten Tonnen für Ihren Nachhaltigkeitsbericht"}, "pro geleertem Behälter"},
		{"Office paper collection and recycling", "Sorting bins in your offices, regular collection of paper, cardboard and old files, confidential shredding and traceable recycling.",
			[]string{"locked bins for confidential documents", "certificate of destruction at every collection", "yearly figures of recycled tonnes for your CSR report"}, "per bin collected"},
		{"Ophaling en recyclage van kantoorpapier", "Sorteerbakken in uw kantoren, regelmatige ophaling van papier, karton en oude dossiers, vertrouwelijke vernietiging en traceerbare recyclage.",
			[]string{"afgesloten bakken voor vertrouwelijke documenten", "vernietigingsattest bij elke ophaling", "jaarlijks overzicht van de gerecycleerde tonnen voor uw duurzaamheidsverslag"}, "per opgehaalde bak"},
	}},
}

// demoClosings end an offer's description, per family of status and
// language (demoLanguages order): %[1]s is the organisation's town. They
// say what buying from that kind of supplier brings, as the law puts it.
var demoClosings = map[string][4]string{
	"sheltered": {
		"Nos équipes, composées en majorité de travailleurs handicapés, interviennent depuis %[1]s avec leurs encadrants. Un achat auprès d'une structure du secteur protégé et adapté compte pour les marchés réservés et, selon le pays, réduit la contribution due au titre de l'emploi des travailleurs handicapés.",
		"Unsere Teams, überwiegend Menschen mit Behinderung, arbeiten von %[1]s aus mit ihren Fachkräften. Aufträge an Werkstätten und Inklusionsbetriebe zählen für vorbehaltene Aufträge und werden je nach Land auf die Abgabe für die Beschäftigung schwerbehinderter Menschen angerechnet.",
		"Our teams, mostly workers with disabilities, work from %[1]s with their supervisors. Buying from a sheltered or adapted enterprise counts for reserved contracts and, depending on the country, reduces the levy due for the employment of disabled workers.",
		"Onze ploegen, grotendeels werknemers met een handicap, werken vanuit %[1]s met hun begeleiders. Een aankoop bij een maatwerkbedrijf telt mee voor voorbehouden opdrachten.",
	},
	"insertion": {
		"Nos salariés en parcours d'insertion interviennent depuis %[1]s, encadrés par des professionnels du métier. Chaque heure réalisée peut être comptée dans les clauses sociales de vos marchés.",
		"Unsere Beschäftigten in Qualifizierung arbeiten von %[1]s aus, angeleitet von Fachkräften. Jede geleistete Stunde kann in den sozialen Klauseln Ihrer Aufträge angerechnet werden.",
		"Our staff on integration pathways work from %[1]s, supervised by skilled professionals. Every hour worked can count towards the social clauses of your contracts.",
		"Onze werknemers in een inschakelingstraject werken vanuit %[1]s, begeleid door vakmensen. Elk gepresteerd uur kan meetellen voor de sociale clausules van uw opdrachten.",
	},
	"social": {
		"Entreprise de l'économie sociale et solidaire basée à %[1]s, nous réinvestissons nos excédents dans l'emploi local et la formation de nos équipes.",
		"Als Unternehmen der Sozialwirtschaft mit Sitz in %[1]s investieren wir unsere Überschüsse in regionale Arbeitsplätze und die Ausbildung unserer Teams.",
		"As a social economy enterprise based in %[1]s, we reinvest our surplus in local jobs and in training our teams.",
		"Als onderneming uit de sociale economie gevestigd in %[1]s investeren wij onze winst opnieuw in lokale banen en in de opleiding van onze ploegen.",
	},
}

// demoClosingFamily says which closing fits a status type.
func demoClosingFamily(t domain.SSEStatusType) string {
	switch t {
	case domain.SSEFrESAT, domain.SSEFrEA, domain.SSEFrEATT, domain.SSEDeWfbM, domain.SSEDeInklusionsbetrieb, domain.SSEBeETA, domain.SSELuAtelierProtege:
		return "sheltered"
	case domain.SSEFrSIAEEI, domain.SSEFrSIAEACI, domain.SSEFrSIAEAI, domain.SSEFrSIAEETTI, domain.SSEFrSIAEEITI, domain.SSEFrGEIQ,
		domain.SSEBeEntrepriseInsertion, domain.SSELuInitiativeSocialeEmploi:
		return "insertion"
	}
	return "social"
}

// demoPriceTexts qualify the indicative price, per language.
var demoPriceTexts = [4]string{
	"Tarif indicatif hors TVA ; devis gratuit après échange sur votre besoin.",
	"Richtpreis zzgl. MwSt.; kostenloses Angebot nach Abstimmung Ihres Bedarfs.",
	"Indicative price excluding VAT; free quote once we have discussed your needs.",
	"Richtprijs exclusief btw; gratis offerte na overleg over uw behoefte.",
}
