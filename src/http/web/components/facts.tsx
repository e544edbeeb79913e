import type { Child } from 'hono/jsx';
import type { Ui } from '../ui.ts';

/** One term of a description list; says "Chưa có thông tin" when there is nothing to show. */
export function Fact({ ui, term, has, children }: { ui: Ui; term: string; has: boolean; children?: Child }) {
  return (
    <div class="fact">
      <dt>{term}</dt>
      <dd>{has ? children : <span class="muted">{ui.m.platform.notKnown}</span>}</dd>
    </div>
  );
}

/**
 * A link that leaves the registry: marked as external and without access to this page. Only
 * http(s) addresses become links; anything else (a `javascript:` URL in bad data) stays text.
 */
export function ExternalLink({ href, children }: { href: string; children?: Child }) {
  if (!/^https?:\/\//i.test(href)) return <span>{children ?? href}</span>;
  return (
    <a href={href} rel="external noopener noreferrer" class="external">
      {children ?? href}
    </a>
  );
}
