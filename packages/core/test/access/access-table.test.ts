import { expect } from 'chai';
import { ACCESS_TABLE_MARKERS, COMMAND_ACCESS, renderAccessTable } from '@fallkit/core/internal';

/** Node's file system, loaded untyped: the core's tests type-check without platform types. */
interface FileSystem {
  readFileSync(path: string, encoding: 'utf8'): string;
}

/** docs/data-protection.md, found from this file's own URL. */
async function dataProtectionPage(): Promise<string> {
  const fs = (await import('node:fs' as string)) as FileSystem;
  const here = decodeURIComponent((import.meta as unknown as { url: string }).url.replace(/^file:\/\//, ''));
  const root = here.slice(0, here.lastIndexOf('/packages/core/test/'));
  return fs.readFileSync(`${root}/docs/data-protection.md`, 'utf8');
}

/** The table's rows as trimmed cells, so Prettier's column padding does not matter. */
function cells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s|:-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('access: the "who may issue what" table of docs/data-protection.md (DP-40)', () => {
  it('DP-40: the table in docs/data-protection.md is the one the declarations render (run `npm run docs:access`)', async () => {
    const page = await dataProtectionPage();
    const start = page.indexOf(ACCESS_TABLE_MARKERS.start);
    const end = page.indexOf(ACCESS_TABLE_MARKERS.end);
    expect(start, 'start marker').to.be.greaterThan(-1);
    expect(end, 'end marker').to.be.greaterThan(start);
    const inPage = cells(page.slice(start + ACCESS_TABLE_MARKERS.start.length, end));
    expect(inPage).to.deep.equal(cells(renderAccessTable()));
    // One row per declared command, plus the header.
    expect(inPage).to.have.length(Object.keys(COMMAND_ACCESS).length + 1);
  });

  it('DP-40: a changed declaration makes the page differ', () => {
    const changed = {
      ...COMMAND_ACCESS,
      recordNote: {
        ...COMMAND_ACCESS['recordNote']!,
        clauses: [{ roles: ['statistics'] as const, relation: 'assigned' as const }],
      },
    };
    expect(cells(renderAccessTable(changed))).to.not.deep.equal(cells(renderAccessTable()));
  });
});
