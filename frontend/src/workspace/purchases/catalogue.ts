// The purchases area's texts (ledger import, levy offsets), added to the
// interface's catalogues when the area's code loads.
import { addAreaCatalogue } from '../../i18n/areas'
import de from '../../i18n/locales/purchases/de.json'
import en from '../../i18n/locales/purchases/en.json'
import fr from '../../i18n/locales/purchases/fr.json'
import nl from '../../i18n/locales/purchases/nl.json'

addAreaCatalogue('purchases', { en, fr, de, nl })
