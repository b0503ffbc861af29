import '@fallkit/components/define/fk-case-provider.js';
import '@fallkit/components/define/fk-assessment-form.js';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
