import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@fallkit/components/define/fk-subject-export';
/**
 * `<fk-subject-export>`: the person's export (Auskunft, DP-29, Art. 15/20 GDPR) as a printable German
 * document, with downloads of the JSON and the FHIR R4 Bundle.
 */
declare const meta: Meta;
export default meta;
/** The document with print, JSON and FHIR downloads. */
export declare const Auskunft: StoryObj;
/** The same in English, without a Bundle (the host offers none). */
export declare const English: StoryObj;
