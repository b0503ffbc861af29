import '@fallkit/components/define/fk-case-provider.js';
import '@fallkit/components/define/fk-assessment-form.js';
import type { AssessmentFormValue, FkChangeEvent } from '@fallkit/components';
import {
  CUSTOM_ELEMENTS_SCHEMA,
  Component,
  provideZonelessChangeDetection,
  signal,
  type AfterViewInit,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { connectHostForm, hostRecord, recordSubmit } from './shared/host-app.js';

/**
 * Angular checks no bindings of custom elements (CUSTOM_ELEMENTS_SCHEMA); the handler's event type comes from
 * the component code (GlobalEventHandlersEventMap, HTMLElementTagNameMap), see docs/components.md.
 */
@Component({
  selector: 'fk-host-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <form id="host-form" (submit)="submit($event)">
      <fk-assessment-form name="assessment" [required]="true" (fk-change)="onChange($event)"></fk-assessment-form>
      <button id="send" type="submit">Senden</button>
    </form>
    <output id="changes">{{ changes() }}</output>
    <fk-case-provider lang="de"><fk-assessment-form id="connected-form"></fk-assessment-form></fk-case-provider>
  `,
})
class HostRoot implements AfterViewInit {
  readonly changes = signal(0);

  submit(event: Event): void {
    recordSubmit(event);
  }

  onChange(event: Event): void {
    // Typed through the event map: what `addEventListener('fk-change', …)` would hand.
    const change = event as FkChangeEvent<AssessmentFormValue>;
    hostRecord().frameworkChanges += 1;
    hostRecord().lastChangeValid = change.detail.valid;
    this.changes.update((n) => n + 1);
  }

  ngAfterViewInit(): void {
    void connectHostForm().then(() => (hostRecord().ready = true));
  }
}

void bootstrapApplication(HostRoot, { providers: [provideZonelessChangeDetection()] });
