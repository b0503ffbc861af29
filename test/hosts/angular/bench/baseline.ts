// The same app without Fallkit: the baseline of the bundle-size benchmark.
import { Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({ selector: 'fk-host-root', template: `<div>Hallo</div>` })
class HostRoot {}

void bootstrapApplication(HostRoot, { providers: [provideZonelessChangeDetection()] });
