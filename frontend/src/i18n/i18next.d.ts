import 'i18next'
import type { Catalogue } from './catalogues'

// Type-checks t('...') keys against the English catalogues.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
  }
}
