import { createTheme } from '@mantine/core'

/**
 * Mantine's theme, tuned for WCAG 2.1 AA: the default filled shade (blue 6)
 * puts white text at 3.5:1, so filled colours use shade 8 (above 4.5:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
})
