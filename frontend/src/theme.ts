import { Alert, Badge, createTheme, type CSSVariablesResolver } from '@mantine/core'

/**
 * Mantine's theme, tuned for WCAG 2.1 AA: the default filled shade (blue 6)
 * puts white text at 3.5:1, so filled colours use shade 8 (above 4.5:1).
 * Light and outline badges write their colour's shade on a pale tint or
 * white, which for teal, green or grape stays under 4.5:1 (axe found
 * 3.4–4.3): their text is the dark body colour instead, the tint and the
 * border keep the colour. Alerts likewise: a light alert's title in green
 * 6 on its tint measured 3.8:1, so every alert but a filled one writes in
 * the body colour (the tint, the border and the icon keep the colour).
 * Modals: Mantine renders each dialog's title bar as a <header>, which
 * axe reads as a second page banner (landmark-unique); the dialog is
 * already named by its title, so the bar is given no landmark role.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Badge: Badge.extend({
      vars: (_theme, props) =>
        props.variant === 'light' || props.variant === 'outline'
          ? { root: { '--badge-color': 'var(--mantine-color-dark-9)' } }
          : { root: {} },
    }),
    // A plain entry, not Modal.extend: importing Modal here would pull the
    // whole dialog (and its transitions) into the first page's JavaScript.
    Modal: {
      defaultProps: { attributes: { header: { role: 'none' } } },
    },
    Alert: Alert.extend({
      vars: (_theme, props) =>
        props.variant === 'filled' || props.variant === 'white'
          ? { root: {} }
          : { root: { '--alert-color': 'var(--mantine-color-dark-9)' } },
    }),
  },
})

/**
 * Mantine writes field errors in red 6 (3.3:1 on white); red 9 reaches AA,
 * for every field of every page.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
})
