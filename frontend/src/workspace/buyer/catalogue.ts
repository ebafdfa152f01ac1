// The buyer area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/buyer/de.json'
import en from '../../i18n/locales/buyer/en.json'
import fr from '../../i18n/locales/buyer/fr.json'
import nl from '../../i18n/locales/buyer/nl.json'

addAreaCatalogue('buyer', { en, fr, de, nl })
