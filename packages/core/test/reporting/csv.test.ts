import { expect } from 'chai';
import { csvCell, toCsv } from '@fallkit/core/reporting';

describe('CSV export (OWASP CSV injection)', () => {
  it('issue 13, OWASP CSV injection: formula-leading cells (=, +, -, @, tab, CR) are neutralised with a leading apostrophe', () => {
    const attacks = ['=HYPERLINK("https://x.example","klick")', '@SUM(A1:A9)', '+1+1', '-2+3', '\tcmd', '\r=1'];
    for (const attack of attacks) {
      const cell = csvCell(attack);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted, JSON.stringify(attack)).to.equal(`'${attack}`);
    }
    expect(csvCell('Jobcenter Musterstadt')).to.equal('Jobcenter Musterstadt');
    expect(csvCell(12)).to.equal('12');
  });

  it('issue 13, OWASP CSV injection: CR and LF are always quoted, so a bare CR cannot start a row; quotes are doubled', () => {
    expect(csvCell('a\rb')).to.equal('"a\rb"');
    expect(csvCell('a\nb')).to.equal('"a\nb"');
    expect(csvCell('sagt "nein"')).to.equal('"sagt ""nein"""');
    expect(csvCell('a;b')).to.equal('"a;b"');
    expect(csvCell('a,b', ',')).to.equal('"a,b"');
    const csv = toCsv([
      ['Stelle', 'Anzahl'],
      ['=HYPERLINK("x")', 3],
      ['kim\rmusterstadt', 4],
    ]);
    expect(csv.split('\r\n').filter(Boolean)).to.deep.equal([
      'Stelle;Anzahl',
      `"'=HYPERLINK(""x"")";3`,
      '"kim\rmusterstadt";4',
    ]);
  });
});
