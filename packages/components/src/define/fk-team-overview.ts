import './foundation.js';
import { FkTeamOverview } from '../team-overview/team-overview.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-team-overview', FkTeamOverview);

declare global {
  interface HTMLElementTagNameMap {
    'fk-team-overview': FkTeamOverview;
  }
}
