/* global document -- runs in the page */
// The bundle-size benchmark's one-element page: the define file alone (lit, the core and zod with it).
import '@fallkit/components/define/fk-assessment-form.js';

document.body.append(document.createElement('fk-assessment-form'));
