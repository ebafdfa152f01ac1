package legalid

// kindNames are the identifiers' names as the sentence subject, with the
// article each language needs (French names all start with the masculine
// "Le numéro" so that the templates' agreements hold).
var kindNames = map[Kind]map[string]string{
	FRSIRET: {"en": "The SIRET number", "fr": "Le numéro SIRET", "de": "Die SIRET-Nummer", "nl": "Het SIRET-nummer"},
	FRSIREN: {"en": "The SIREN number", "fr": "Le numéro SIREN", "de": "Die SIREN-Nummer", "nl": "Het SIREN-nummer"},
	FRVAT: {
		"en": "The French VAT number", "fr": "Le numéro de TVA intracommunautaire",
		"de": "Die französische USt-IdNr.", "nl": "Het Franse btw-nummer",
	},
	BEEnterprise: {
		"en": "The Belgian enterprise number (CBE)", "fr": "Le numéro d'entreprise (BCE)",
		"de": "Die Unternehmensnummer (ZDU)", "nl": "Het ondernemingsnummer (KBO)",
	},
	BEVAT: {
		"en": "The Belgian VAT number", "fr": "Le numéro de TVA belge",
		"de": "Die belgische Mehrwertsteuernummer", "nl": "Het Belgische btw-nummer",
	},
	LURCS: {
		"en": "The Luxembourg RCS number", "fr": "Le numéro RCS luxembourgeois",
		"de": "Die luxemburgische Handelsregisternummer (RCS)", "nl": "Het Luxemburgse RCS-nummer",
	},
	LUVAT: {
		"en": "The Luxembourg VAT number", "fr": "Le numéro de TVA luxembourgeois",
		"de": "Die luxemburgische Mehrwertsteuernummer", "nl": "Het Luxemburgse btw-nummer",
	},
	DEVAT: {
		"en": "The German VAT number (USt-IdNr.)", "fr": "Le numéro de TVA allemand (USt-IdNr.)",
		"de": "Die Umsatzsteuer-Identifikationsnummer (USt-IdNr.)", "nl": "Het Duitse btw-nummer (USt-IdNr.)",
	},
	DEHandelsregister: {
		"en": "The German register entry", "fr": "Le numéro d'inscription au registre allemand (Handelsregister)",
		"de": "Die Registernummer", "nl": "Het Duitse registernummer (Handelsregister)",
	},
}

// kindFormats say what a valid identifier looks like, for format and length errors.
var kindFormats = map[Kind]map[string]string{
	FRSIRET: {"en": "14 digits", "fr": "14 chiffres", "de": "14 Ziffern", "nl": "14 cijfers"},
	FRSIREN: {"en": "9 digits", "fr": "9 chiffres", "de": "9 Ziffern", "nl": "9 cijfers"},
	FRVAT: {
		"en": "FR, a 2-digit key and the 9-digit SIREN",
		"fr": "FR, une clé à 2 chiffres et le SIREN à 9 chiffres",
		"de": "FR, ein zweistelliger Schlüssel und die neunstellige SIREN",
		"nl": "FR, een sleutel van 2 cijfers en het SIREN-nummer van 9 cijfers",
	},
	BEEnterprise: {
		"en": "10 digits starting with 0 or 1, e.g. 0403.170.701",
		"fr": "10 chiffres commençant par 0 ou 1, ex. 0403.170.701",
		"de": "10 Ziffern, beginnend mit 0 oder 1, z. B. 0403.170.701",
		"nl": "10 cijfers, beginnend met 0 of 1, bijv. 0403.170.701",
	},
	BEVAT: {
		"en": "BE and the 10-digit enterprise number, e.g. BE0403170701",
		"fr": "BE et le numéro d'entreprise à 10 chiffres, ex. BE0403170701",
		"de": "BE und die zehnstellige Unternehmensnummer, z. B. BE0403170701",
		"nl": "BE en het ondernemingsnummer van 10 cijfers, bijv. BE0403170701",
	},
	LURCS: {
		"en": "a section letter (A to H, J to N) and up to 6 digits, e.g. B123456",
		"fr": "une lettre de section (A à H, J à N) et jusqu'à 6 chiffres, ex. B123456",
		"de": "ein Abteilungsbuchstabe (A bis H, J bis N) und bis zu 6 Ziffern, z. B. B123456",
		"nl": "een afdelingsletter (A tot H, J tot N) en maximaal 6 cijfers, bijv. B123456",
	},
	LUVAT: {
		"en": "LU and 8 digits", "fr": "LU et 8 chiffres", "de": "LU und 8 Ziffern", "nl": "LU en 8 cijfers",
	},
	DEVAT: {
		"en": "DE and 9 digits", "fr": "DE et 9 chiffres", "de": "DE und 9 Ziffern", "nl": "DE en 9 cijfers",
	},
	DEHandelsregister: {
		"en": "register court, register type (HRA, HRB, GnR, PR or VR) and number, e.g. Amtsgericht Saarbrücken HRB 12345",
		"fr": "tribunal d'enregistrement, type de registre (HRA, HRB, GnR, PR ou VR) et numéro, ex. Amtsgericht Saarbrücken HRB 12345",
		"de": "Registergericht, Registerart (HRA, HRB, GnR, PR oder VR) und Nummer, z. B. Amtsgericht Saarbrücken HRB 12345",
		"nl": "registerrechtbank, registertype (HRA, HRB, GnR, PR of VR) en nummer, bijv. Amtsgericht Saarbrücken HRB 12345",
	},
}
