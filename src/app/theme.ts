// Light and dark themes. Colours are checked for WCAG AA contrast by the axe scans in e2e.
import { createTheme, type Theme } from '@mui/material/styles';

/**
 * `reducedMotion`: the user asked the system for less motion (prefers-reduced-motion), so nothing
 * slides, fades or ripples; a control shows its final colours at once (WCAG 2.3.3).
 */
export function createAppTheme(mode: 'light' | 'dark', reducedMotion = false): Theme {
  return createTheme({
    ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1e4e8c' : '#90b8f8' },
      secondary: { main: mode === 'light' ? '#7a3b8f' : '#d7a6e8' },
      error: { main: mode === 'light' ? '#b3261e' : '#f2b8b5' },
      warning: { main: mode === 'light' ? '#8a5300' : '#f5c26b' },
      success: { main: mode === 'light' ? '#1b6b34' : '#8fd6a2' },
      info: { main: mode === 'light' ? '#0b57a4' : '#8cc8ff' },
      background: mode === 'light' ? { default: '#f6f7f9', paper: '#ffffff' } : { default: '#121417', paper: '#1b1e23' },
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      ...(reducedMotion ? { MuiButtonBase: { defaultProps: { disableRipple: true } } } : {}),
      MuiTextField: { defaultProps: { fullWidth: true } },
    },
  });
}
