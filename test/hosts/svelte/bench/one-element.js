/* global document -- runs in the page */
// The bundle-size benchmark's one-element Svelte app (bench/cases/host-bundles.bench.mjs).
import '@fallkit/components/define/fk-assessment-form.js';
import { mount } from 'svelte';
import One from './One.svelte';

mount(One, { target: document.getElementById('app') });
