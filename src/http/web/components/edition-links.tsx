import { paths } from '../paths.ts';
import type { Ui } from '../ui.ts';

/** The documents (editions) that list a platform, each linked to its edition page. */
export function EditionLinks({ ui, numbers }: { ui: Ui; numbers: readonly string[] }) {
  if (numbers.length === 0) return <span class="muted">{ui.m.platform.noEdition}</span>;
  return (
    <ul class="inline-list">
      {numbers.map((number) => (
        <li>
          <a href={paths.edition(number)}>{number}</a>
        </li>
      ))}
    </ul>
  );
}
