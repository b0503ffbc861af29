/**
 * Registers the provider and every internal control of the foundation. A form's define file imports
 * this before defining itself, so its shadow root can use `<fk-text-field>` and friends.
 */
import './fk-text-field.js';
import './fk-textarea.js';
import './fk-select.js';
import './fk-checkbox.js';
import './fk-checkbox-group.js';
import './fk-radio-group.js';
import './fk-rating.js';
import './fk-date-field.js';
import './fk-reorder-list.js';
import './fk-redacted.js';
import './fk-case-provider.js';
