import { FkDirectory } from '../directory/directory.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-directory', FkDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'fk-directory': FkDirectory;
  }
}
