// A user-supplied link: an anchor only for http(s) (issue 4 §7), opened in a new tab without an
// opener; anything else is shown as plain text, never as an href.
import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { isHttpUrl } from '../../api/contract/primitives';

export function SafeLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!isHttpUrl(href)) return <span>{children ?? href}</span>;
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
      {children ?? href}
    </Link>
  );
}

/** The host of a link, for compact display (`https://example.org/a/b` -> `example.org`). */
export function linkHost(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}
