// The same app without Fallkit: the baseline of the bundle-size benchmark.
import { createApp, h } from 'vue';

createApp({ render: () => h('div', 'Hallo') }).mount('#app');
