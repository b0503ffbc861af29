// The bundle-size benchmark's one-element React app (bench/cases/host-bundles.bench.mjs).
import '@fallkit/components/define/fk-assessment-form.js';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<fk-assessment-form name="assessment" required />);
