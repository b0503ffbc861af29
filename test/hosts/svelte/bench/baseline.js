/* global document -- runs in the page */
// The same app without Fallkit: the baseline of the bundle-size benchmark.
import { mount } from 'svelte';
import Baseline from './Baseline.svelte';

mount(Baseline, { target: document.getElementById('app') });
