package legalid

// validateCase is one row of the validation tables; the fuzz test seeds its
// corpus from the same rows.
type validateCase struct {
	name string
	kind Kind
	in   string
	code string // "" when valid
	want string // canonical form of a valid input; "" to skip the check
}

func allCases() []validateCase {
	var all []validateCase
	for _, table := range [][]validateCase{franceCases, belgiumCases, luxembourgCases, germanVATCases, handelsregisterCases} {
		all = append(all, table...)
	}
	return all
}

// Every valid number below was checked twice: by this package and by an
// independent computation (a separate script and by hand for the short ones).
var franceCases = []validateCase{
	{"SIRET from the brief", FRSIRET, "73282932000074", "", "73282932000074"},
	{"SIRET with spaces", FRSIRET, "732 829 320 00074", "", "73282932000074"},
	{"SIRET with no-break spaces", FRSIRET, "732\u00a0829\u00a0320\u202f00074", "", "73282932000074"},
	{"SIRET with dots and dashes", FRSIRET, "732.829.320-00074", "", "73282932000074"},
	{"SIRET published online", FRSIRET, "30206838200050", "", ""},
	{"SIRET published online 2", FRSIRET, "44126652500019", "", ""},
	{"La Poste head office, Luhn", FRSIRET, "35600000000048", "", ""},
	{"La Poste establishment, digit sum 35", FRSIRET, "356 000 000 09075", "", "35600000009075"},
	{"La Poste establishment, digit sum 45", FRSIRET, "35600000049837", "", ""},
	{"La Poste computed, digit sum 30, fails Luhn", FRSIRET, "35600000012346", "", ""},
	{"SIRET empty", FRSIRET, "", CodeEmpty, ""},
	{"SIRET blank", FRSIRET, " \t ", CodeEmpty, ""},
	{"SIRET 13 digits", FRSIRET, "7328293200007", CodeLength, ""},
	{"SIRET 15 digits", FRSIRET, "732829320000745", CodeLength, ""},
	{"SIRET with a letter", FRSIRET, "7328293200007A", CodeFormat, ""},
	{"SIRET last digit changed", FRSIRET, "73282932000075", CodeChecksum, ""},
	{"SIRET passing Luhn with a bad SIREN part", FRSIRET, "03282932050074", CodeChecksum, ""},
	{"La Poste digit sum 46", FRSIRET, "35600000049838", CodeChecksum, ""},
	{"La Poste digit sum 29", FRSIRET, "35600000012345", CodeChecksum, ""},
	{"La Poste passing Luhn but digit sum 19", FRSIRET, "35600000000014", CodeChecksum, ""},

	{"SIREN from the brief's SIRET", FRSIREN, "732 829 320", "", "732829320"},
	{"SIREN TotalEnergies SE", FRSIREN, "542051180", "", ""},
	{"SIREN La Poste", FRSIREN, "356000000", "", ""},
	{"SIREN last digit changed", FRSIREN, "732829321", CodeChecksum, ""},
	{"SIREN 8 digits", FRSIREN, "73282932", CodeLength, ""},
	{"SIREN letters", FRSIREN, "ABCDEFGHI", CodeFormat, ""},

	{"VAT from the brief's SIREN", FRVAT, "FR44732829320", "", ""},
	{"VAT TotalEnergies SE", FRVAT, "FR 59 542 051 180", "", "FR59542051180"},
	{"VAT La Poste", FRVAT, "FR39356000000", "", ""},
	{"VAT lower case", FRVAT, "fr40303265045", "", "FR40303265045"},
	{"VAT Monaco, not a SIREN", FRVAT, "FR 53 0000 04605", "", "FR53000004605"},
	{"VAT key changed", FRVAT, "FR45732829320", CodeChecksum, ""},
	{"VAT SIREN part fails Luhn", FRVAT, "FR44732829321", CodeChecksum, ""},
	{"VAT without FR", FRVAT, "44732829320", CodeFormat, ""},
	{"VAT too short", FRVAT, "FR4473282932", CodeLength, ""},
	{"VAT letter in the SIREN", FRVAT, "FR4473282932X", CodeFormat, ""},
	{"VAT alphanumeric key", FRVAT, "FRK7399859412", CodeUnsupportedKey, ""},
}

var belgiumCases = []validateCase{
	{"enterprise from the brief", BEEnterprise, "0403.170.701", "", "0403170701"},
	{"enterprise old 9-digit form", BEEnterprise, "403.170.701", "", "0403170701"},
	{"enterprise with BE prefix", BEEnterprise, "BE 0403.170.701", "", "0403170701"},
	{"enterprise Proximus", BEEnterprise, "0202.239.951", "", ""},
	{"enterprise AB InBev", BEEnterprise, "0417.497.106", "", ""},
	{"enterprise computed in the 1 range", BEEnterprise, "1000.000.021", "", "1000000021"},
	{"enterprise last digit changed", BEEnterprise, "0403.170.702", CodeChecksum, ""},
	{"enterprise all zeros", BEEnterprise, "0000000000", CodeChecksum, ""},
	{"enterprise starting with 2", BEEnterprise, "2403170701", CodeFormat, ""},
	{"enterprise 11 digits", BEEnterprise, "04031707011", CodeLength, ""},
	{"enterprise with a letter", BEEnterprise, "0403I70701", CodeFormat, ""},
	{"enterprise empty", BEEnterprise, "", CodeEmpty, ""},

	{"VAT", BEVAT, "BE0403170701", "", ""},
	{"VAT formatted", BEVAT, "be 0403.170.701", "", "BE0403170701"},
	{"VAT old 9-digit form", BEVAT, "BE403170701", "", "BE0403170701"},
	{"VAT without BE", BEVAT, "0403170701", CodeFormat, ""},
	{"VAT of another country", BEVAT, "NL0403170701", CodeFormat, ""},
	{"VAT last digit changed", BEVAT, "BE0403170702", CodeChecksum, ""},
	{"VAT too short", BEVAT, "BE04031707", CodeLength, ""},
}

var luxembourgCases = []validateCase{
	{"RCS commercial company", LURCS, "B82454", "", ""},
	{"RCS as printed on a prospectus", LURCS, "R.C.S. Luxembourg B 33.614", "", "B33614"},
	{"RCS non-profit association", LURCS, "RCS Luxembourg F15680", "", "F15680"},
	{"RCS foundation", LURCS, "G222", "", ""},
	{"RCS public establishment", LURCS, "J 32", "", "J32"},
	{"RCS lower case", LURCS, "b123456", "", "B123456"},
	{"RCSL label", LURCS, "RCSL B123456", "", "B123456"},
	{"RCS label glued", LURCS, "RCSLUXEMBOURG-B123456", "", "B123456"},
	{"RCS label then section L", LURCS, "RCS L123", "", "L123"},
	{"RCS section I does not exist", LURCS, "I12345", CodeFormat, ""},
	{"RCS section Z does not exist", LURCS, "Z123", CodeFormat, ""},
	{"RCS without section", LURCS, "123456", CodeFormat, ""},
	{"RCS letter only", LURCS, "B", CodeLength, ""},
	{"RCS 7 digits", LURCS, "B1234567", CodeLength, ""},
	{"RCS letter inside", LURCS, "B12A45", CodeFormat, ""},
	{"RCS leading zero", LURCS, "B012345", CodeFormat, ""},
	{"RCS label only", LURCS, "RCS Luxembourg", CodeEmpty, ""},

	{"VAT from the brief", LUVAT, "LU26375245", "", ""},
	{"VAT formatted", LUVAT, "LU 150 274 42", "", "LU15027442"},
	{"VAT lower case", LUVAT, "lu26375245", "", "LU26375245"},
	{"VAT last digit changed", LUVAT, "LU26375246", CodeChecksum, ""},
	{"VAT 7 digits", LUVAT, "LU2637524", CodeLength, ""},
	{"VAT without LU", LUVAT, "26375245", CodeFormat, ""},
	{"VAT with a letter", LUVAT, "LU2637524A", CodeFormat, ""},
}

var germanVATCases = []validateCase{
	{"VAT from the brief", DEVAT, "DE136695976", "", ""},
	{"VAT formatted", DEVAT, "DE 136 695 976", "", "DE136695976"},
	{"VAT lower case", DEVAT, "de136695976", "", "DE136695976"},
	{"VAT SAP SE", DEVAT, "DE143454214", "", ""},
	{"VAT Siemens AG", DEVAT, "DE129274202", "", ""},
	{"VAT last digit changed", DEVAT, "DE136695978", CodeChecksum, ""},
	{"VAT 8 digits", DEVAT, "DE13669597", CodeLength, ""},
	{"VAT without DE", DEVAT, "136695976", CodeFormat, ""},
	{"VAT starting with 0", DEVAT, "DE036695976", CodeFormat, ""},
	{"VAT with a letter", DEVAT, "DE13669597X", CodeFormat, ""},
	{"VAT empty", DEVAT, "  ", CodeEmpty, ""},
}
