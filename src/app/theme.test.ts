import { describe, expect, it } from 'vitest';
import { createAppTheme } from './theme';

describe('createAppTheme', () => {
  it('moves nothing when the user asked the system for reduced motion', () => {
    const reduced = createAppTheme('light', true);
    expect(reduced.transitions.create(['background-color'])).toBe('none');
    expect(reduced.components?.MuiButtonBase?.defaultProps?.disableRipple).toBe(true);
  });

  it('keeps its transitions otherwise', () => {
    const theme = createAppTheme('dark');
    expect(theme.transitions.create(['background-color'])).toContain('background-color');
    expect(theme.components?.MuiButtonBase).toBeUndefined();
  });
});
