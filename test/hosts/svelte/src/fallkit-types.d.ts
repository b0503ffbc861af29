// Fallkit's Svelte element types for every .svelte file (svelte-check does not apply tsconfig `types` to them).
import type {} from '@fallkit/components/svelte';
