// The bundle-size benchmark's one-element Vue app (render function: no compiler plugin needed).
import '@fallkit/components/define/fk-assessment-form.js';
import { createApp, h } from 'vue';

createApp({ render: () => h('fk-assessment-form', { name: 'assessment', required: true }) }).mount('#app');
