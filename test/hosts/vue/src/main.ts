import '@fallkit/components/define/fk-case-provider.js';
import '@fallkit/components/define/fk-assessment-form.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
