// The same app without Fallkit: the baseline of the bundle-size benchmark.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>Hallo</div>);
