import './foundation.js';
import { FkAppointments } from '../appointments/appointments.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-appointments', FkAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'fk-appointments': FkAppointments;
  }
}
