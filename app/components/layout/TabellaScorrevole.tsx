import type { ReactNode } from "react";

/**
 * A table wider than a phone screen scrolls inside its own box, never the whole page (WCAG 1.4.10 Reflow).
 * The box is a labelled region that takes the keyboard focus, so that it can be scrolled with the arrow keys
 * (WCAG 2.1.1; axe `scrollable-region-focusable`) and a screen reader announces what it holds.
 */
export function TabellaScorrevole({ etichetta, children }: { etichetta: string; children: ReactNode }) {
  return (
    <div className="tabella-scorrevole" role="region" aria-label={etichetta} tabIndex={0}>
      {children}
    </div>
  );
}
