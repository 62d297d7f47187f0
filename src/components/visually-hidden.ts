// Styles for text that screen readers announce but the page does not show. Sizes in px, not numbers:
// in MUI's `sx` a number from 0 to 1 is a fraction of the parent (`width: 1` is 100 %), which made
// every hidden label as wide as its container and, placed absolutely, pushed pages sideways (issue 15 §1).
// `left: 0`: inside a table that scrolls in its own frame, an absolutely placed label escapes the frame
// (the frame is not its containing block) and, left where its column is, widened the page.
export const visuallyHidden = {
  position: 'absolute',
  left: 0,
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
