// The impact area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/impact/de.json'
import en from '../../i18n/locales/impact/en.json'
import fr from '../../i18n/locales/impact/fr.json'
import nl from '../../i18n/locales/impact/nl.json'

addAreaCatalogue('impact', { en, fr, de, nl })
