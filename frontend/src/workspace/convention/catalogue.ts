// The convention area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site); the public
// event pages load them too.
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/convention/de.json'
import en from '../../i18n/locales/convention/en.json'
import fr from '../../i18n/locales/convention/fr.json'
import nl from '../../i18n/locales/convention/nl.json'

addAreaCatalogue('convention', { en, fr, de, nl })
