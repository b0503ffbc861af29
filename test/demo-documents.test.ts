/*
 * The demo's documents tab (issue 22): the Jobcenter case manager opens the example certificate of the
 * Kowalski case (stored encrypted in the demo's Dexie store by the seed), files a new document through the
 * form and removes it again; the team lead sees the certificate withheld. German, through the UI only.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitFor, deepText, mountedDemo } from './support/demo-page.js';

const documentsOf = (root: Element) => waitFor(() => root.querySelector('fk-documents')?.shadowRoot, 'fk-documents');
const textOf = (shadow: ShadowRoot) => shadow.textContent!.replace(/\s+/g, ' ');

describe('demo: documents of the case file (issue 22)', function () {
  this.timeout(90_000);

  it('DP-37, DP-44: the Jobcenter case manager opens the seeded certificate, files a document and removes it', async () => {
    const demo = await mountedDemo('documents-jc', '#/fall/jc-2026-0522/documents?als=jobcenter');
    try {
      const shadow = await documentsOf(demo.root);
      await waitFor(() => textOf(shadow).includes('Bescheinigung der Suchtberatung'), 'the certificate listed');
      expect(textOf(shadow)).to.contain('Berufsgeheimnis (§ 76 SGB X)');
      expect(textOf(shadow)).to.contain('aus der Akte genommen');
      const element = shadow.host;
      let opened: { bytes: Uint8Array; fileName: string } | undefined;
      element.addEventListener('fk-document-opened', (e) => {
        e.preventDefault();
        opened = (e as unknown as { document: { bytes: Uint8Array; fileName: string } }).document;
      });
      shadow.querySelector<HTMLButtonElement>('[data-open]')!.click();
      await waitFor(() => opened, 'the certificate opened');
      expect(new TextDecoder().decode(opened!.bytes)).to.equal('%PDF-1.4 Bescheinigung der Suchtberatung (Beispiel)');

      const picker = shadow.querySelector<HTMLInputElement>('#doc-file')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Mietvertrag, Seite 1'], 'mietvertrag.txt', { type: 'text/plain' }));
      picker.files = transfer.files;
      picker.dispatchEvent(new Event('change'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      shadow.querySelector<HTMLInputElement>('input[name="category"][value="housing"]')!.click();
      shadow.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitFor(() => textOf(shadow).includes('Dokument abgelegt.'), 'filed');
      await waitFor(() => textOf(shadow).includes('mietvertrag.txt'), 'listed');
      const shot = (await executeServerCommand('fk-screenshot', { name: 'demo-documents-jobcenter' })) as {
        bytes: number;
      };
      expect(shot.bytes).to.be.greaterThan(1000);
    } finally {
      await demo.close();
    }
  });

  it('DP-23: the team lead is shown nothing of the certificate (not its title, not its file name)', async () => {
    const demo = await mountedDemo('documents-lead', '#/fall/jc-2026-0522/documents?als=teamlead');
    try {
      // The page settles on whatever the team lead may see of the case (the documents tab or a refusal).
      await waitFor(() => deepText(demo.root).includes('Angemeldet als'), 'the page');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const text = deepText(demo.root);
      expect(text).to.not.contain('Suchtberatung');
      expect(text).to.not.contain('bescheinigung-suchtberatung.pdf');
    } finally {
      await demo.close();
    }
  });
});
