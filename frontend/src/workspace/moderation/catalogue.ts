// The moderation area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/moderation/de.json'
import en from '../../i18n/locales/moderation/en.json'
import fr from '../../i18n/locales/moderation/fr.json'
import nl from '../../i18n/locales/moderation/nl.json'

addAreaCatalogue('moderation', { en, fr, de, nl })
