import './foundation.js';
import { FkPersonRecord } from '../person-record/person-record.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-person-record', FkPersonRecord);

declare global {
  interface HTMLElementTagNameMap {
    'fk-person-record': FkPersonRecord;
  }
}
