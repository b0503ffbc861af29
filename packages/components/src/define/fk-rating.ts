import { FkRating } from '../fields/rating.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-rating', FkRating);

declare global {
  interface HTMLElementTagNameMap {
    'fk-rating': FkRating;
  }
}
