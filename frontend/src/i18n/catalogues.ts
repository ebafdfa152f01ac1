// Every interface text of each language, for the types of t() keys and the
// catalogue tests: the public pages' catalogue (locales/<lang>.json) plus
// one catalogue per workspace area (locales/<area>/<lang>.json), nested
// under the area's name, so that the key supplier.offers.title finds
// locales/supplier/<lang>.json's offers.title. The app itself loads only
// the public texts and the workspace frame's at first (index.ts); each
// area adds its own when its code loads (areas.ts, <area>/catalogue.ts).
import settingsDe from './locales/settings/de.json'
import settingsEn from './locales/settings/en.json'
import settingsFr from './locales/settings/fr.json'
import settingsNl from './locales/settings/nl.json'
import buyerDe from './locales/buyer/de.json'
import buyerEn from './locales/buyer/en.json'
import buyerFr from './locales/buyer/fr.json'
import buyerNl from './locales/buyer/nl.json'
import conventionDe from './locales/convention/de.json'
import conventionEn from './locales/convention/en.json'
import conventionFr from './locales/convention/fr.json'
import conventionNl from './locales/convention/nl.json'
import de from './locales/de.json'
import en from './locales/en.json'
import fr from './locales/fr.json'
import moderationDe from './locales/moderation/de.json'
import moderationEn from './locales/moderation/en.json'
import moderationFr from './locales/moderation/fr.json'
import moderationNl from './locales/moderation/nl.json'
import nl from './locales/nl.json'
import organiserDe from './locales/organiser/de.json'
import organiserEn from './locales/organiser/en.json'
import organiserFr from './locales/organiser/fr.json'
import organiserNl from './locales/organiser/nl.json'
import opendataDe from './locales/opendata/de.json'
import opendataEn from './locales/opendata/en.json'
import opendataFr from './locales/opendata/fr.json'
import opendataNl from './locales/opendata/nl.json'
import purchasesDe from './locales/purchases/de.json'
import purchasesEn from './locales/purchases/en.json'
import purchasesFr from './locales/purchases/fr.json'
import purchasesNl from './locales/purchases/nl.json'
import supplierDe from './locales/supplier/de.json'
import supplierEn from './locales/supplier/en.json'
import supplierFr from './locales/supplier/fr.json'
import supplierNl from './locales/supplier/nl.json'
import workspaceDe from './locales/workspace/de.json'
import workspaceEn from './locales/workspace/en.json'
import workspaceFr from './locales/workspace/fr.json'
import workspaceNl from './locales/workspace/nl.json'
import impactDe from './locales/impact/de.json'
import impactEn from './locales/impact/en.json'
import impactFr from './locales/impact/fr.json'
import impactNl from './locales/impact/nl.json'

export const catalogues = {
  en: {
    ...en,
    workspace: workspaceEn,
    supplier: supplierEn,
    buyer: buyerEn,
    moderation: moderationEn,
    settings: settingsEn,
    organiser: organiserEn,
    opendata: opendataEn,
    convention: conventionEn,
    impact: impactEn,
    purchases: purchasesEn,
  },
  fr: {
    ...fr,
    workspace: workspaceFr,
    supplier: supplierFr,
    buyer: buyerFr,
    moderation: moderationFr,
    settings: settingsFr,
    organiser: organiserFr,
    opendata: opendataFr,
    convention: conventionFr,
    impact: impactFr,
    purchases: purchasesFr,
  },
  de: {
    ...de,
    workspace: workspaceDe,
    supplier: supplierDe,
    buyer: buyerDe,
    moderation: moderationDe,
    settings: settingsDe,
    organiser: organiserDe,
    opendata: opendataDe,
    convention: conventionDe,
    impact: impactDe,
    purchases: purchasesDe,
  },
  nl: {
    ...nl,
    workspace: workspaceNl,
    supplier: supplierNl,
    buyer: buyerNl,
    moderation: moderationNl,
    settings: settingsNl,
    organiser: organiserNl,
    opendata: opendataNl,
    convention: conventionNl,
    impact: impactNl,
    purchases: purchasesNl,
  },
}

/** The English catalogue's shape: t() keys are checked against it. */
export type Catalogue = (typeof catalogues)['en']
