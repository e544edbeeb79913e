import { paths } from '../paths.ts';
import { cite, type Ui } from '../ui.ts';

/**
 * The documents (editions) that list a platform, each linked to its edition page and cited with
 * its date ("2765/BTTTT-CĐSQG ngày 15/07/2024") when the page knows it.
 */
export function EditionLinks({ ui, numbers }: { ui: Ui; numbers: readonly string[] }) {
  if (numbers.length === 0) return <span class="muted">{ui.m.platform.noEdition}</span>;
  return (
    <ul class="inline-list">
      {numbers.map((number) => {
        const issuedOn = ui.documents?.get(number);
        return (
          <li>
            <a href={paths.edition(number)}>{issuedOn ? cite(ui, number, issuedOn) : number}</a>
          </li>
        );
      })}
    </ul>
  );
}
