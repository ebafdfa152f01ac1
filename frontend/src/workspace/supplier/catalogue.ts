// The supplier area's texts, added to the interface's catalogues when the
// area's code loads (not in the first download of the site).
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/supplier/de.json'
import en from '../../i18n/locales/supplier/en.json'
import fr from '../../i18n/locales/supplier/fr.json'
import nl from '../../i18n/locales/supplier/nl.json'

addAreaCatalogue('supplier', { en, fr, de, nl })
