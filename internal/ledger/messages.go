package ledger

import (
	"passerelle/internal/domain"
	"passerelle/internal/domain/legalid"
)

// legalidMsg is a legal identifier error in the four languages.
func legalidMsg(e *legalid.Error) domain.Msg {
	if e == nil {
		return msgUnknownIdentifier
	}
	return domain.Msg{EN: e.Localized("en"), FR: e.Localized("fr"), DE: e.Localized("de"), NL: e.Localized("nl")}
}

var (
	msgNotALedger = domain.Msg{
		EN: "This file is neither a CSV file nor an Excel workbook (.xlsx).",
		FR: "Ce fichier n'est ni un fichier CSV ni un classeur Excel (.xlsx).",
		DE: "Diese Datei ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (.xlsx).",
		NL: "Dit bestand is geen CSV-bestand en geen Excel-werkmap (.xlsx).",
	}
	msgMalformedCSV = domain.Msg{
		EN: "The CSV file cannot be read from line %d on (a quote is not closed?).",
		FR: "Le fichier CSV est illisible à partir de la ligne %d (un guillemet non fermé ?).",
		DE: "Die CSV-Datei ist ab Zeile %d nicht lesbar (ein nicht geschlossenes Anführungszeichen?).",
		NL: "Het CSV-bestand is vanaf regel %d onleesbaar (een aanhalingsteken niet gesloten?).",
	}
	msgMalformedXLSX = domain.Msg{
		EN: "The Excel workbook cannot be read: save it again as .xlsx, or export it as CSV.",
		FR: "Le classeur Excel est illisible : enregistrez-le à nouveau en .xlsx, ou exportez-le en CSV.",
		DE: "Die Excel-Arbeitsmappe ist nicht lesbar: Speichern Sie sie erneut als .xlsx oder exportieren Sie sie als CSV.",
		NL: "De Excel-werkmap is onleesbaar: sla ze opnieuw op als .xlsx, of exporteer ze als CSV.",
	}
	msgTooManyRows = domain.Msg{
		EN: "The ledger has more than %d rows: split it into several files.",
		FR: "Le registre compte plus de %d lignes : répartissez-le en plusieurs fichiers.",
		DE: "Das Journal hat mehr als %d Zeilen: Teilen Sie es in mehrere Dateien auf.",
		NL: "Het register telt meer dan %d regels: verdeel het over meerdere bestanden.",
	}
	msgEmpty = domain.Msg{
		EN: "The ledger has no purchases: a header line, then one line per invoice.",
		FR: "Le registre ne contient aucun achat : une ligne d'en-tête, puis une ligne par facture.",
		DE: "Das Journal enthält keine Einkäufe: eine Kopfzeile, dann eine Zeile pro Rechnung.",
		NL: "Het register bevat geen aankopen: een kopregel, daarna één regel per factuur.",
	}
	msgMissingColumn = domain.Msg{
		EN: "The header has no column %s.",
		FR: "L'en-tête n'a pas de colonne %s.",
		DE: "Der Kopfzeile fehlt die Spalte %s.",
		NL: "De kopregel heeft geen kolom %s.",
	}
	msgRequired = domain.Msg{
		EN: "This cell is empty; it is required.",
		FR: "Cette cellule est vide ; elle est obligatoire.",
		DE: "Diese Zelle ist leer; sie ist Pflicht.",
		NL: "Deze cel is leeg; ze is verplicht.",
	}
	msgUnknownIdentifier = domain.Msg{
		EN: "Not a recognised legal identifier: give a SIRET or SIREN, a VAT number, a Belgian enterprise number, a Luxembourg RCS number or a German register entry.",
		FR: "Identifiant légal non reconnu : indiquez un SIRET ou SIREN, un numéro de TVA, un numéro d'entreprise belge, un numéro RCS luxembourgeois ou une inscription au registre allemand.",
		DE: "Keine erkannte Kennung: Geben Sie eine SIRET oder SIREN, eine USt-IdNr., eine belgische Unternehmensnummer, eine luxemburgische RCS-Nummer oder einen Handelsregistereintrag an.",
		NL: "Geen herkend identificatienummer: geef een SIRET of SIREN, een btw-nummer, een Belgisch ondernemingsnummer, een Luxemburgs RCS-nummer of een Duitse registerinschrijving.",
	}
	msgInvalidAmount = domain.Msg{
		EN: "Not an amount: write a positive number with at most two decimals, e.g. 1234.56 or 1 234,56.",
		FR: "Montant invalide : écrivez un nombre positif d'au plus deux décimales, p. ex. 1234.56 ou 1 234,56.",
		DE: "Kein Betrag: Schreiben Sie eine positive Zahl mit höchstens zwei Nachkommastellen, z. B. 1234.56 oder 1.234,56.",
		NL: "Geen bedrag: schrijf een positief getal met hoogstens twee decimalen, bv. 1234.56 of 1.234,56.",
	}
	msgInvalidCurrency = domain.Msg{
		EN: "Not a currency code: write three letters, e.g. EUR.",
		FR: "Code de devise invalide : écrivez trois lettres, p. ex. EUR.",
		DE: "Kein Währungscode: Schreiben Sie drei Buchstaben, z. B. EUR.",
		NL: "Geen valutacode: schrijf drie letters, bv. EUR.",
	}
	msgInvalidDate = domain.Msg{
		EN: "Not a date: write 2026-03-31 or 31/03/2026.",
		FR: "Date invalide : écrivez 2026-03-31 ou 31/03/2026.",
		DE: "Kein Datum: Schreiben Sie 2026-03-31 oder 31.03.2026.",
		NL: "Geen datum: schrijf 2026-03-31 of 31-03-2026.",
	}
	msgTooLong = domain.Msg{
		EN: "Too long: at most %d characters.",
		FR: "Trop long : %d caractères au plus.",
		DE: "Zu lang: höchstens %d Zeichen.",
		NL: "Te lang: hoogstens %d tekens.",
	}
	msgCellTooLong = domain.Msg{
		EN: "This cell is too long: more than %d bytes (1 KiB; an accented letter takes two). No value of a ledger is that long: are the columns shifted?",
		FR: "Cette cellule est trop longue : plus de %d octets (1 Kio ; une lettre accentuée en compte deux). Aucune valeur d'un registre n'est aussi longue : les colonnes sont-elles décalées ?",
		DE: "Diese Zelle ist zu lang: mehr als %d Byte (1 KiB; ein Umlaut oder Akzentbuchstabe zählt doppelt). Kein Wert eines Journals ist so lang: Sind die Spalten verschoben?",
		NL: "Deze cel is te lang: meer dan %d bytes (1 KiB; een letter met accent telt dubbel). Geen waarde van een register is zo lang: zijn de kolommen verschoven?",
	}
	msgInvalidPercent = domain.Msg{
		EN: "Not a percentage: write a number from 0 to 100, e.g. 40 %.",
		FR: "Pourcentage invalide : écrivez un nombre de 0 à 100, p. ex. 40 %.",
		DE: "Kein Prozentsatz: Schreiben Sie eine Zahl von 0 bis 100, z. B. 40 %.",
		NL: "Geen percentage: schrijf een getal van 0 tot 100, bv. 40 %.",
	}
	msgLabourExceeds = domain.Msg{
		EN: "The labour cost is larger than the invoice amount.",
		FR: "Le coût de la main-d'œuvre dépasse le montant de la facture.",
		DE: "Die Lohnkosten übersteigen den Rechnungsbetrag.",
		NL: "De arbeidskosten zijn hoger dan het factuurbedrag.",
	}
	msgUnzippedTooLarge = domain.Msg{
		EN: "The Excel workbook unpacks to more than %d MB: keep only the ledger's sheet, or export it as CSV.",
		FR: "Le classeur Excel décompressé dépasse %d Mo : ne gardez que la feuille du registre, ou exportez-la en CSV.",
		DE: "Die entpackte Excel-Arbeitsmappe ist größer als %d MB: Behalten Sie nur das Blatt des Journals oder exportieren Sie es als CSV.",
		NL: "De uitgepakte Excel-werkmap is groter dan %d MB: houd alleen het blad van het register over, of exporteer het als CSV.",
	}
	msgRowsBeyondLimit = domain.Msg{
		EN: "The sheet goes on past row %d (empty rows count too): delete the rows below the ledger, or split it into several files.",
		FR: "La feuille va au-delà de la ligne %d (les lignes vides comptent aussi) : supprimez les lignes sous le registre, ou répartissez-le en plusieurs fichiers.",
		DE: "Das Blatt reicht über Zeile %d hinaus (leere Zeilen zählen mit): Löschen Sie die Zeilen unter dem Journal oder teilen Sie es in mehrere Dateien auf.",
		NL: "Het blad loopt door voorbij regel %d (lege regels tellen ook mee): verwijder de regels onder het register, of verdeel het over meerdere bestanden.",
	}
	msgControlCharacter = domain.Msg{
		EN: "This cell holds a control character (a NUL byte, for instance): retype it, or export the ledger again.",
		FR: "Cette cellule contient un caractère de contrôle (un octet NUL, par exemple) : ressaisissez-la, ou exportez à nouveau le registre.",
		DE: "Diese Zelle enthält ein Steuerzeichen (zum Beispiel ein NUL-Byte): Geben Sie sie neu ein oder exportieren Sie das Journal erneut.",
		NL: "Deze cel bevat een stuurteken (bijvoorbeeld een NUL-byte): typ ze opnieuw, of exporteer het register opnieuw.",
	}
)
