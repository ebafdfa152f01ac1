// The organiser area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/organiser/de.json'
import en from '../../i18n/locales/organiser/en.json'
import fr from '../../i18n/locales/organiser/fr.json'
import nl from '../../i18n/locales/organiser/nl.json'

addAreaCatalogue('organiser', { en, fr, de, nl })
