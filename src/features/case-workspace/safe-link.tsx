// A user-supplied link: an anchor only for http(s) (issue 4 §7), opened in a new tab without an
// opener; anything else is shown as plain text, never as an href.
import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { isHttpUrl } from '../../api/contract/primitives';

export function SafeLink({ href, children, plain }: { href: string; children?: ReactNode; plain?: boolean }) {
  if (!isHttpUrl(href)) return <span>{children ?? href}</span>;
  // `plain`: a bare anchor styled by its container (thousands of board cards skip the Link component).
  if (plain) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children ?? href}
      </a>
    );
  }
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
