package core

import "passerelle/internal/domain"

// demoOrgs are the demonstration organisations: fictional names in real
// towns of the Grande Région, with the town's postcode, NUTS 3 region and
// coordinates. Legal identifiers are fictional but computed to pass their
// scheme's check (Luhn, mod 97, mod 89, ISO 7064 MOD 11,10), so that the
// profiles validate like real ones. Suppliers cover every kind of SSE
// status of the four countries; buyers (public and private) are ready to
// post tenders.
var demoOrgs = []demoOrg{
	{domain.OrgSSESupplier, "FR", "ESAT Les Ateliers du Saulnois", "esat.saulnois", "Claire Hoffmann", domain.LangFR, "", demoProfile{
		"12 rue des Salines", "57170", "Château-Salins", "FRF33", 48.8189, 6.5131, "+33 3 87 05 12 34", []string{"fr", "de"},
		[]string{"fr", "Établissement et service d'aide par le travail : conditionnement, mise sous pli, entretien des espaces verts et blanchisserie pour les entreprises et collectivités de Moselle.",
			"de", "Werkstatt für Menschen mit Behinderung: Verpackung, Kuvertierung, Grünflächenpflege und Wäscherei für Unternehmen und Kommunen in der Moselle."},
		[]string{"fr_siret", "81234567600009"}}},
	{domain.OrgSSESupplier, "FR", "Lorraine Services Adaptés (EA)", "ea.lorraine", "Karim Benali", domain.LangFR, "", demoProfile{
		"5 avenue de la Seille", "57000", "Metz", "FRF33", 49.1094, 6.1857, "+33 3 87 66 40 10", []string{"fr", "en"},
		[]string{"fr", "Entreprise adaptée : numérisation de documents, saisie de données, nettoyage de bureaux et logistique légère dans le sillon lorrain.",
			"en", "Adapted enterprise: document digitisation, data entry, office cleaning and light logistics along the Lorraine corridor."},
		[]string{"fr_siret", "81234568400003"}}},
	{domain.OrgSSESupplier, "FR", "Recyclerie Moselle Insertion (ACI)", "aci.moselle", "Julie Schmitt", domain.LangFR, "", demoProfile{
		"Zone artisanale du Ban", "57600", "Forbach", "FRF33", 49.1886, 6.8962, "+33 3 87 85 22 01", []string{"fr", "de"},
		[]string{"fr", "Atelier et chantier d'insertion : collecte et réemploi de mobilier, déménagements, débarras et recyclage de matériel informatique.",
			"de", "Beschäftigungs- und Qualifizierungsbetrieb: Möbelsammlung und Wiederverwendung, Umzüge, Entrümpelungen und IT-Recycling."},
		[]string{"fr_siret", "81234569200006"}}},
	{domain.OrgSSESupplier, "DE", "Saar-Werkstätten gGmbH", "wfbm.saar", "Thomas Becker", domain.LangDE, "", demoProfile{
		"Industriestraße 14", "66111", "Saarbrücken", "DEC01", 49.2354, 6.9969, "+49 681 938 40 0", []string{"de", "fr"},
		[]string{"de", "Werkstatt für behinderte Menschen: Montage und Verpackung, Metallbearbeitung, Druck und Lettershop, Garten- und Landschaftspflege.",
			"fr", "Atelier pour personnes handicapées : montage et conditionnement, travail des métaux, impression et routage, entretien des espaces verts."},
		[]string{"de_hr", "Amtsgericht Saarbrücken HRB 104512", "de_vat", "DE281730003"}}},
	{domain.OrgSSESupplier, "DE", "Pfalzküche Inklusionsbetrieb gGmbH", "inklusion.pfalz", "Anna Weber", domain.LangDE, "", demoProfile{
		"Rheinuferstraße 3", "67061", "Ludwigshafen am Rhein", "DEB34", 49.4774, 8.4452, "+49 621 590 77 0", []string{"de", "en"},
		[]string{"de", "Inklusionsbetrieb: Kantinen- und Veranstaltungscatering, regionale Lebensmittel, Mittagessen für Schulen und Verwaltungen.",
			"en", "Inclusive enterprise: canteen and event catering, regional food, lunches for schools and public offices."},
		[]string{"de_hr", "Amtsgericht Ludwigshafen am Rhein HRB 65121", "de_vat", "DE281731006"}}},
	{domain.OrgSSESupplier, "BE", "ETA Les Ardennes Solidaires", "eta.ardennes", "Marc Lambert", domain.LangFR, "", demoProfile{
		"Rue de la Gare 41", "6700", "Arlon", "BE341", 49.6833, 5.8167, "+32 63 22 45 10", []string{"fr", "de", "nl"},
		[]string{"fr", "Entreprise de travail adapté : blanchisserie industrielle, sous-traitance et conditionnement, entretien des espaces verts en province de Luxembourg.",
			"nl", "Maatwerkbedrijf: industriële wasserij, onderaanneming en verpakking, groenonderhoud in de provincie Luxemburg."},
		[]string{"be_enterprise", "0712345036"}}},
	{domain.OrgSSESupplier, "BE", "Maatwerkbedrijf De Brug", "maatwerk.brug", "Els Peeters", domain.LangNL, "", demoProfile{
		"Rue du Pont 8", "4700", "Eupen", "BE336", 50.6280, 6.0360, "+32 87 55 31 20", []string{"nl", "de", "fr"},
		[]string{"nl", "Maatwerkbedrijf: digitalisering van archieven, mailing, schoonmaak van kantoren en onderhoud van fietsen.",
			"de", "Inklusionsbetrieb: Digitalisierung von Archiven, Mailing, Büroreinigung und Fahrradwartung."},
		[]string{"be_enterprise", "0712346026"}}},
	{domain.OrgSSESupplier, "LU", "Atelier protégé Sûre-Moselle", "atelier.suremoselle", "Luc Weis", domain.LangFR, "", demoProfile{
		"12, route du Vin", "L-6794", "Grevenmacher", "LU000", 49.6801, 6.4417, "+352 26 74 51", []string{"fr", "de", "lb"},
		[]string{"fr", "Atelier protégé : menuiserie, fabrication de mobilier urbain, traiteur et entretien d'espaces verts au Grand-Duché.",
			"de", "Geschützte Werkstatt: Schreinerei, Stadtmöbel, Catering und Grünpflege im Großherzogtum."},
		[]string{"lu_rcs", "B271834", "lu_vat", "LU27183024"}}},
	{domain.OrgPublicBuyer, "FR", "Communauté d'agglomération du Val de Moselle", "achats.valdemoselle", "Sophie Muller", domain.LangFR, "", demoProfile{
		"1 place de l'Hôtel de Ville", "57100", "Thionville", "FRF33", 49.3579, 6.1683, "+33 3 82 82 25 25", []string{"fr"},
		[]string{"fr", "Intercommunalité de 40 communes : achats de services d'entretien, de restauration collective et d'espaces verts avec clauses sociales."},
		[]string{"fr_siret", "20005000300009"}}},
	{domain.OrgPublicBuyer, "DE", "Kreisstadt Saarhausen", "vergabe.saarhausen", "Jan Schneider", domain.LangDE, "", demoProfile{
		"Rathausplatz 1", "66740", "Saarlouis", "DEC04", 49.3136, 6.7516, "+49 6831 443 0", []string{"de", "fr"},
		[]string{"de", "Vergabestelle der Kreisstadt: Aufträge für Gebäudereinigung, Catering und Grünpflege, vorbehaltene Aufträge nach § 118 GWB."},
		[]string{"de_vat", "DE281732009"}}},
	{domain.OrgPublicBuyer, "LU", "Commune de Bettembourg-Sud", "achats.bettsud", "Nadine Kieffer", domain.LangFR, "", demoProfile{
		"2, place de la Mairie", "L-3236", "Bettembourg", "LU000", 49.5186, 6.1028, "+352 51 80 80 1", []string{"fr", "de", "lb"},
		[]string{"fr", "Administration communale : marchés de nettoyage, d'entretien des espaces verts et de restauration scolaire."},
		nil}},
	{domain.OrgPrivateBuyer, "LU", "Banque du Plateau SA", "achats.plateau", "Paul Reuter", domain.LangEN, "", demoProfile{
		"25, boulevard Royal", "L-2449", "Luxembourg", "LU000", 49.6116, 6.1300, "+352 47 11 1", []string{"en", "fr", "de"},
		[]string{"en", "Private bank buying catering, mailing, printing and facility services from social enterprises as part of its CSR policy."},
		[]string{"lu_rcs", "B198765", "lu_vat", "LU27184034"}}},
	{domain.OrgPrivateBuyer, "BE", "Logistique Wallonne SA", "rse.logiwal", "Chloé Dubois", domain.LangFR, "", demoProfile{
		"Avenue de l'Industrie 20", "4040", "Herstal", "BE332", 50.6630, 5.6260, "+32 4 240 12 00", []string{"fr", "nl"},
		[]string{"fr", "Logisticien wallon : sous-traitance de conditionnement, de palettisation et d'entretien de sites à des entreprises de travail adapté."},
		[]string{"be_enterprise", "0712347016"}}},
	{domain.OrgCluster, "LU", "Cluster ESS Grande Région", "moderation", "Inès Kremer", domain.LangFR, domain.PlatformModerator, demoProfile{
		"5, rue de l'Économie solidaire", "L-4361", "Esch-sur-Alzette", "LU000", 49.5009, 5.9808, "+352 26 53 00", []string{"fr", "de", "en", "nl"},
		[]string{"fr", "Le réseau des acteurs de l'économie sociale et solidaire de la Grande Région : il vérifie les statuts, modère les annonces et organise la convention d'affaires.",
			"de", "Das Netzwerk der Sozial- und Solidarwirtschaft der Großregion: prüft Status, moderiert Angebote und organisiert die Geschäftskonvention."},
		[]string{"lu_vat", "LU27185044"}}},
	// More suppliers, every kind of status of the four countries.
	{domain.OrgSSESupplier, "FR", "ESAT Le Pré Vert", "esat.previert", "Mathieu Perrin", domain.LangFR, "", demoProfile{
		"8 chemin de la Colombière", "88000", "Épinal", "FRF34", 48.1724, 6.4496, "+33 3 29 34 56 70", []string{"fr"},
		[]string{"fr", "ESAT vosgien de 90 travailleurs : maraîchage biologique, entretien des espaces verts et conditionnement à façon pour les entreprises du département."},
		[]string{"fr_siret", "82345670200013"}}},
	{domain.OrgSSESupplier, "FR", "Nancy Numérique Adaptée (EA)", "ea.nancynum", "Sarah Lefèvre", domain.LangFR, "", demoProfile{
		"27 rue Saint-Georges", "54000", "Nancy", "FRF31", 48.6921, 6.1844, "+33 3 83 30 21 90", []string{"fr", "en"},
		[]string{"fr", "Entreprise adaptée spécialisée dans le numérique : dématérialisation d'archives, saisie et contrôle de données, reconditionnement de matériel informatique.",
			"en", "Adapted enterprise specialising in digital services: archive digitisation, data entry and quality control, refurbished IT equipment."},
		[]string{"fr_siret", "82345683500011"}}},
	{domain.OrgSSESupplier, "FR", "Tremplin Meusien", "ei.tremplin", "Olivier Gérard", domain.LangFR, "", demoProfile{
		"3 quai de la République", "55100", "Verdun", "FRF32", 49.1598, 5.3844, "+33 3 29 86 14 22", []string{"fr"},
		[]string{"fr", "Entreprise d'insertion : nettoyage de locaux et de vitres, peinture et petits travaux de second œuvre ; nos salariés en parcours d'insertion sont accompagnés vers l'emploi durable."},
		[]string{"fr_siret", "82345697500015"}}},
	{domain.OrgSSESupplier, "FR", "Alliance Intérim Insertion Lorraine", "etti.alliance", "Nathalie Roux", domain.LangFR, "", demoProfile{
		"14 rue de la République", "54300", "Lunéville", "FRF31", 48.5894, 6.4967, "+33 3 83 74 08 15", []string{"fr", "de"},
		[]string{"fr", "Entreprise de travail temporaire d'insertion : mise à disposition de personnel pour la manutention, l'accueil et les déménagements, avec un suivi socioprofessionnel de chaque intérimaire.",
			"de", "Zeitarbeitsunternehmen zur beruflichen Eingliederung: Personal für Umschlag, Empfang und Umzüge, mit sozialpädagogischer Begleitung jeder Zeitarbeitskraft."},
		[]string{"fr_siret", "82345711400010"}}},
	{domain.OrgSSESupplier, "FR", "Coup de Main Nord Mosellan", "ai.coupdemain", "Françoise Klein", domain.LangFR, "", demoProfile{
		"2 place Anne Grommerch", "57100", "Thionville", "FRF33", 49.3580, 6.1680, "+33 3 82 54 61 30", []string{"fr", "de"},
		[]string{"fr", "Association intermédiaire : mise à disposition de salariés en insertion auprès des particuliers, des collectivités et des entreprises pour l'entretien, le jardinage et la manutention."},
		[]string{"fr_siret", "82345724700018"}}},
	{domain.OrgSSESupplier, "FR", "GEIQ Propreté et Services Grand Est", "geiq.proprete", "Didier Marchal", domain.LangFR, "", demoProfile{
		"45 rue aux Arènes", "57000", "Metz", "FRF33", 49.1094, 6.1760, "+33 3 87 18 52 40", []string{"fr"},
		[]string{"fr", "Groupement d'employeurs pour l'insertion et la qualification : nous formons en alternance des agents de propreté et les mettons à disposition des entreprises adhérentes."},
		[]string{"fr_siret", "82345738700012"}}},
	{domain.OrgSSESupplier, "FR", "Imprimerie du Rempart SCOP", "scop.rempart", "Antoine Girard", domain.LangFR, "", demoProfile{
		"9 rue du Rempart", "54200", "Toul", "FRF31", 48.6750, 5.8917, "+33 3 83 43 09 77", []string{"fr", "de", "en"},
		[]string{"fr", "Société coopérative de production : impression offset et numérique, façonnage, mise sous pli et routage, sur papiers recyclés.",
			"de", "Produktivgenossenschaft: Offset- und Digitaldruck, Weiterverarbeitung, Kuvertierung und Versand, auf Recyclingpapier."},
		[]string{"fr_siret", "82345752800011"}}},
	{domain.OrgSSESupplier, "FR", "Les Jardins de la Nied SCIC", "scic.nied", "Élodie Bernard", domain.LangFR, "", demoProfile{
		"Ferme du Moulin", "57220", "Boulay-Moselle", "FRF33", 49.1833, 6.4933, "+33 3 87 79 30 55", []string{"fr", "de"},
		[]string{"fr", "Coopérative d'intérêt collectif : légumes bio de saison, paniers pour les comités d'entreprise, miel et confitures, traiteur pour les événements.",
			"de", "Genossenschaft im Gemeinwohlinteresse: saisonales Bio-Gemüse, Gemüsekisten für Betriebe, Honig und Konfitüren, Catering für Veranstaltungen."},
		[]string{"fr_siret", "82345765000013"}}},
	{domain.OrgSSESupplier, "FR", "Atelier Bois et Vie", "esus.boisvie", "Yannick Colin", domain.LangFR, "", demoProfile{
		"ZA de la Vaxenaire", "88100", "Saint-Dié-des-Vosges", "FRF34", 48.2847, 6.9492, "+33 3 29 56 18 42", []string{"fr"},
		[]string{"fr", "Entreprise solidaire d'utilité sociale : menuiserie en bois des Vosges, mobilier de bureau et d'extérieur, bois de chauffage, avec des salariés éloignés de l'emploi."},
		[]string{"fr_siret", "82345779100015"}}},
	{domain.OrgSSESupplier, "DE", "Trierer Werkstätten gGmbH", "wfbm.trier", "Stefan Klein", domain.LangDE, "", demoProfile{
		"Zur Lohmühle 10", "54290", "Trier", "DEB21", 49.7499, 6.6371, "+49 651 820 44 0", []string{"de", "fr", "lb"},
		[]string{"de", "Werkstatt für behinderte Menschen mit 380 Beschäftigten: Montage und Verpackung, Wäscherei, Grünpflege und eine eigene Bäckerei.",
			"fr", "Atelier pour personnes handicapées de 380 travailleurs : montage et conditionnement, blanchisserie, espaces verts et une boulangerie."},
		[]string{"de_hr", "Amtsgericht Wittlich HRB 41203", "de_vat", "DE291741000"}}},
	{domain.OrgSSESupplier, "DE", "Westpfalz-Werkstätten gGmbH", "wfbm.westpfalz", "Martina Schäfer", domain.LangDE, "", demoProfile{
		"Von-Miller-Straße 21", "67661", "Kaiserslautern", "DEB32", 49.4447, 7.7690, "+49 631 350 68 0", []string{"de", "en"},
		[]string{"de", "Werkstatt für behinderte Menschen: Schreinerei, Verpackung und Konfektionierung, IT-Aufbereitung sowie Druck und Weiterverarbeitung."},
		[]string{"de_hr", "Amtsgericht Kaiserslautern HRB 30417", "de_vat", "DE291741376"}}},
	{domain.OrgSSESupplier, "DE", "Moselhotel Inklusiv gGmbH", "inklusion.mosel", "Julia Hoffmann", domain.LangDE, "", demoProfile{
		"Am Moselufer 5", "54470", "Bernkastel-Kues", "DEB22", 49.9161, 7.0733, "+49 6531 972 10", []string{"de", "en", "nl"},
		[]string{"de", "Inklusionsbetrieb mit Hotel, Tagungscatering und Wäscherei an der Mittelmosel: jede dritte Stelle ist mit einem Menschen mit Schwerbehinderung besetzt.",
			"en", "Inclusive enterprise running a hotel, conference catering and a laundry on the Middle Moselle: one job in three is held by a person with a severe disability."},
		[]string{"de_hr", "Amtsgericht Wittlich HRB 42871", "de_vat", "DE291741745"}}},
	{domain.OrgSSESupplier, "DE", "Saar-Rad Inklusionsbetrieb gGmbH", "inklusion.saarrad", "Michael Wagner", domain.LangDE, "", demoProfile{
		"Bahnhofstraße 52", "66538", "Neunkirchen", "DEC03", 49.3497, 7.1800, "+49 6821 290 35 0", []string{"de", "fr"},
		[]string{"de", "Inklusionsbetrieb rund um die Mobilität: Fahrradwerkstatt und Dienstradflotten, Fahrzeugaufbereitung und Umzugshilfe."},
		[]string{"de_hr", "Amtsgericht Saarbrücken HRB 107755", "de_vat", "DE291742117"}}},
	{domain.OrgSSESupplier, "DE", "Neue Arbeit Saarpfalz eG", "sozial.saarpfalz", "Sabine Müller", domain.LangDE, "", demoProfile{
		"Talstraße 38", "66424", "Homburg", "DEC05", 49.3267, 7.3386, "+49 6841 770 20", []string{"de", "fr", "en"},
		[]string{"de", "Sozialunternehmen in Genossenschaftsform: Langzeitarbeitslose finden bei uns Arbeit in Gebäudereinigung, Umzügen und IT-Recycling.",
			"fr", "Entreprise sociale coopérative : des chômeurs de longue durée trouvent chez nous un emploi dans le nettoyage, les déménagements et le recyclage informatique."},
		[]string{"de_hr", "Amtsgericht Saarbrücken GnR 312", "de_vat", "DE291742481"}}},
	{domain.OrgSSESupplier, "DE", "Hunsrück Kreativ gGmbH", "ggmbh.hunsrueck", "Katrin Schmitt", domain.LangDE, "", demoProfile{
		"Schneewiesenstraße 7", "55765", "Birkenfeld", "DEB15", 49.6511, 7.1672, "+49 6782 988 41", []string{"de"},
		[]string{"de", "Gemeinnützige GmbH: Näherei und Stickerei für Berufskleidung, Imkerei mit Hunsrücker Honig und Brennholz aus nachhaltiger Forstwirtschaft."},
		[]string{"de_hr", "Amtsgericht Bad Kreuznach HRB 22650", "de_vat", "DE291742859"}}},
	{domain.OrgSSESupplier, "BE", "ETA Meuse Namuroise", "eta.namur", "Pierre Lejeune", domain.LangFR, "", demoProfile{
		"Rue de l'Industrie 112", "5002", "Namur", "BE352", 50.4669, 4.8675, "+32 81 73 42 10", []string{"fr", "nl"},
		[]string{"fr", "Entreprise de travail adapté de 250 travailleurs : blanchisserie, conditionnement et entretien des espaces verts pour les entreprises et les pouvoirs publics namurois.",
			"nl", "Maatwerkbedrijf met 250 werknemers: wasserij, verpakking en groenonderhoud voor bedrijven en overheden in de regio Namen."},
		[]string{"be_enterprise", "0723450051"}}},
	{domain.OrgSSESupplier, "BE", "Liège Propreté Insertion", "ei.liege", "Fatima El Amrani", domain.LangFR, "", demoProfile{
		"Quai de Rome 25", "4000", "Liège", "BE332", 50.6326, 5.5797, "+32 4 252 18 60", []string{"fr", "nl", "en"},
		[]string{"fr", "Entreprise d'insertion agréée par la Wallonie : nettoyage de bureaux et de vitres, déménagements ; nous formons des demandeurs d'emploi peu qualifiés."},
		[]string{"be_enterprise", "0723551308"}}},
	{domain.OrgSSESupplier, "BE", "Terre et Table SC", "coop.terretable", "Benoît Collard", domain.LangFR, "", demoProfile{
		"Rue des Tanneurs 4", "6900", "Marche-en-Famenne", "BE343", 50.2268, 5.3442, "+32 84 31 55 20", []string{"fr", "nl", "de"},
		[]string{"fr", "Coopérative agréée : maraîchage en circuit court, cuisine de collectivité et traiteur de produits ardennais.",
			"nl", "Erkende coöperatie: groenteteelt in korte keten, grootkeuken en catering met Ardense producten."},
		[]string{"be_enterprise", "0723652662"}}},
	{domain.OrgSSESupplier, "BE", "Hof Ostbelgien VoG", "sozial.ostbelgien", "Jonas Kessler", domain.LangDE, "", demoProfile{
		"Hauptstraße 71", "4780", "Sankt Vith", "BE336", 50.2803, 6.1272, "+32 80 22 81 40", []string{"de", "fr"},
		[]string{"de", "Anerkanntes Sozialunternehmen in der Deutschsprachigen Gemeinschaft: Schreinerei, Brennholz und Gartenmöbel aus Eifeler Holz.",
			"fr", "Entreprise sociale agréée en Communauté germanophone : menuiserie, bois de chauffage et mobilier de jardin en bois de l'Eifel."},
		[]string{"be_enterprise", "0723753919"}}},
	{domain.OrgSSESupplier, "BE", "Maatwerkgroep Haspengouw", "maatwerk.haspengouw", "Wout Janssens", domain.LangNL, "", demoProfile{
		"Rue de Huy 60", "4300", "Waremme", "BE334", 50.6975, 5.2550, "+32 19 33 27 80", []string{"nl", "fr", "en"},
		[]string{"nl", "Maatwerkbedrijf aan de taalgrens: verpakking en assemblage, digitalisering van dossiers en mailings voor klanten in Wallonië, Vlaanderen en Luxemburg.",
			"fr", "Entreprise de travail adapté à la frontière linguistique : conditionnement et assemblage, numérisation de dossiers et publipostage."},
		[]string{"be_enterprise", "0723855273"}}},
	{domain.OrgSSESupplier, "LU", "Digital Inclusion Kirchberg SIS", "sis.kirchberg", "Laura Schroeder", domain.LangEN, "", demoProfile{
		"15, avenue John F. Kennedy", "L-1855", "Luxembourg", "LU000", 49.6283, 6.1600, "+352 26 43 18 1", []string{"en", "fr", "de", "lb"},
		[]string{"en", "Societal impact company: document digitisation, refurbished laptops and event technicians, staffed by young people we train in digital trades.",
			"fr", "Société d'impact sociétal : numérisation de documents, ordinateurs reconditionnés et techniciens événementiels, avec des jeunes que nous formons aux métiers du numérique."},
		[]string{"lu_rcs", "B272411", "lu_vat", "LU27200016"}}},
	{domain.OrgSSESupplier, "LU", "Ateliers Nordstad", "atelier.nordstad", "Georges Hansen", domain.LangDE, "", demoProfile{
		"8, rue de la Gare", "L-9080", "Ettelbruck", "LU000", 49.8475, 6.1042, "+352 81 92 40", []string{"de", "fr", "lb"},
		[]string{"de", "Geschützte Werkstatt im Norden des Großherzogtums: Verpackung, Wäscherei und eine Bäckerei, die Schulen und Betriebe beliefert.",
			"fr", "Atelier protégé du nord du Grand-Duché : conditionnement, blanchisserie et une boulangerie qui livre écoles et entreprises."},
		[]string{"lu_rcs", "F10482", "lu_vat", "LU27231160"}}},
	{domain.OrgSSESupplier, "LU", "Initiative Emploi Minett", "initiative.minett", "Sandra Da Silva", domain.LangFR, "", demoProfile{
		"42, avenue de la Liberté", "L-4601", "Differdange", "LU000", 49.5242, 5.8914, "+352 58 77 12", []string{"fr", "de", "lb", "en"},
		[]string{"fr", "Initiative sociale en faveur de l'emploi dans le sud du pays : entretien des espaces verts, nettoyage et déménagements par des demandeurs d'emploi en mesure de réinsertion."},
		[]string{"lu_rcs", "F8214"}}},
	{domain.OrgSSESupplier, "LU", "Fondation Jardins du Sud", "fondation.jardins", "Marc Thill", domain.LangFR, "", demoProfile{
		"Rue du Parc 30", "L-3542", "Dudelange", "LU000", 49.4806, 6.0875, "+352 51 61 21", []string{"fr", "de", "lb"},
		[]string{"fr", "Fondation : jardins maraîchers biologiques, ruchers et traiteur, qui emploient et forment des personnes en situation de handicap.",
			"de", "Stiftung: biologische Gemüsegärten, Bienenstöcke und Catering, die Menschen mit Behinderung beschäftigen und ausbilden."},
		[]string{"lu_rcs", "G312"}}},
	{domain.OrgSSESupplier, "LU", "Cuisines Solidaires Mersch SIS", "sis.mersch", "Claude Weber", domain.LangFR, "", demoProfile{
		"3, rue de la Gare", "L-7535", "Mersch", "LU000", 49.7489, 6.1061, "+352 32 88 50", []string{"fr", "de", "en", "lb"},
		[]string{"fr", "Société d'impact sociétal : restauration collective, traiteur et boulangerie, avec des cuisiniers en reconversion professionnelle.",
			"en", "Societal impact company: institutional catering, event catering and a bakery, staffed by cooks retraining into work."},
		[]string{"lu_rcs", "B273052", "lu_vat", "LU27262215"}}},
	// More buyers, public and private: each is ready to post tenders.
	{domain.OrgPublicBuyer, "FR", "Centre hospitalier du Val d'Orne", "achats.valdorne", "Isabelle Martin", domain.LangFR, "", demoProfile{
		"1 avenue du Docteur Schweitzer", "54150", "Briey", "FRF31", 49.2494, 5.9397, "+33 3 82 47 50 00", []string{"fr"},
		[]string{"fr", "Hôpital public de 450 lits : achats de blanchisserie, de restauration et d'entretien des espaces verts, avec des lots réservés aux EA et ESAT."},
		[]string{"fr_siret", "82345793200015"}}},
	{domain.OrgPublicBuyer, "DE", "Verbandsgemeinde Konz an der Saar", "vergabe.konz", "Markus Lehnert", domain.LangDE, "", demoProfile{
		"Am Markt 11", "54329", "Konz", "DEB25", 49.7000, 6.5833, "+49 6501 83 0", []string{"de", "fr"},
		[]string{"de", "Zentrale Vergabestelle der Verbandsgemeinde: Schulverpflegung, Grünpflege und Gebäudereinigung, mit Aufträgen für Werkstätten nach § 118 GWB."},
		[]string{"de_vat", "DE291743224"}}},
	{domain.OrgPublicBuyer, "BE", "Intercommunale Ardenne Services", "achats.ardenne", "Véronique Lambert", domain.LangFR, "", demoProfile{
		"Rue des Récollets 1", "6600", "Bastogne", "BE342", 50.0033, 5.7186, "+32 61 21 04 00", []string{"fr", "de", "nl"},
		[]string{"fr", "Intercommunale de services aux communes ardennaises : entretien des bâtiments, collecte sélective et restauration scolaire ; marchés réservés selon l'article 15 de la loi de 2016."},
		[]string{"be_enterprise", "0723956530"}}},
	{domain.OrgPrivateBuyer, "DE", "Moselwerk Automotive GmbH", "einkauf.moselwerk", "Frank Becker", domain.LangDE, "", demoProfile{
		"Industriepark Nord 4", "66663", "Merzig", "DEC02", 49.4433, 6.6375, "+49 6861 790 0", []string{"de", "fr", "en"},
		[]string{"de", "Automobilzulieferer mit 1.200 Beschäftigten: vergibt Montage, Verpackung und Kantinenverpflegung an Werkstätten und rechnet sie auf die Ausgleichsabgabe an.",
			"en", "Automotive supplier with 1,200 staff: buys assembly, packaging and canteen catering from sheltered workshops and offsets them against the disability levy."},
		[]string{"de_hr", "Amtsgericht Saarbrücken HRB 109214", "de_vat", "DE291743595"}}},
	{domain.OrgPrivateBuyer, "FR", "Hôtels des Trois Frontières SAS", "rse.troisfrontieres", "Caroline Fischer", domain.LangFR, "", demoProfile{
		"10 rue Poincaré", "57200", "Sarreguemines", "FRF33", 49.1100, 7.0683, "+33 3 87 98 44 10", []string{"fr", "de", "en"},
		[]string{"fr", "Groupe de six hôtels entre la Moselle, la Sarre et le Luxembourg : blanchisserie, produits locaux et entretien des jardins achetés à des structures de l'ESS.",
			"de", "Gruppe von sechs Hotels zwischen Moselle, Saarland und Luxemburg: Wäsche, regionale Produkte und Gartenpflege von Sozialunternehmen."},
		[]string{"fr_siret", "82345807000013"}}},
}

// demoMembers are second members (role member) of some demonstration
// organisations, keyed by the owner's demo user: teams of two show the
// membership screens and let offers be written by someone else than the owner.
var demoMembers = map[string]struct {
	user, person string
	lang         domain.Language
}{
	"esat.saulnois":       {"esat.saulnois.commercial", "Lucas Fontaine", domain.LangFR},
	"wfbm.saar":           {"wfbm.saar.vertrieb", "Lena Fischer", domain.LangDE},
	"eta.ardennes":        {"eta.ardennes.commercial", "Sophie Jacquemin", domain.LangFR},
	"atelier.suremoselle": {"atelier.suremoselle.vente", "Tom Schmit", domain.LangDE},
	"ea.nancynum":         {"ea.nancynum.projets", "Hugo Petit", domain.LangFR},
	"maatwerk.haspengouw": {"maatwerk.haspengouw.verkoop", "Lotte Claes", domain.LangNL},
	"sis.kirchberg":       {"sis.kirchberg.sales", "Ben Muller", domain.LangEN},
	"achats.valdemoselle": {"achats.valdemoselle.marches", "Romain Vincent", domain.LangFR},
	"vergabe.konz":        {"vergabe.konz.einkauf", "Petra Zimmer", domain.LangDE},
	"einkauf.moselwerk":   {"einkauf.moselwerk.csr", "Emma Krüger", domain.LangEN},
}
