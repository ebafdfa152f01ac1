// The settings area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/settings/de.json'
import en from '../../i18n/locales/settings/en.json'
import fr from '../../i18n/locales/settings/fr.json'
import nl from '../../i18n/locales/settings/nl.json'

addAreaCatalogue('settings', { en, fr, de, nl })
