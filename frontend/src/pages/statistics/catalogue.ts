// The open data pages' texts (/statistics, /developers), added to the
// interface's catalogues when one of those pages loads.
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/opendata/de.json'
import en from '../../i18n/locales/opendata/en.json'
import fr from '../../i18n/locales/opendata/fr.json'
import nl from '../../i18n/locales/opendata/nl.json'

addAreaCatalogue('opendata', { en, fr, de, nl })
