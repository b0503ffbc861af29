// The bundle-size benchmark's one-element Angular app (bench/cases/host-bundles.bench.mjs).
import '@fallkit/components/define/fk-assessment-form.js';
import { CUSTOM_ELEMENTS_SCHEMA, Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'fk-host-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<fk-assessment-form name="assessment" [required]="true"></fk-assessment-form>`,
})
class HostRoot {}

void bootstrapApplication(HostRoot, { providers: [provideZonelessChangeDetection()] });
