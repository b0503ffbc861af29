import '@fallkit/components/define/fk-case-provider.js';
import '@fallkit/components/define/fk-assessment-form.js';
import type { FkChangeEvent, AssessmentFormValue } from '@fallkit/components';
import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHostForm, hostRecord, recordSubmit } from './shared/host-app.js';

function App() {
  const [changes, setChanges] = useState(0);
  const record = hostRecord();
  // After React's commit the elements exist: connect the second form to the case.
  useEffect(() => {
    void connectHostForm().then(() => (hostRecord().ready = true));
  }, []);
  const onChange = (event: FkChangeEvent<AssessmentFormValue>) => {
    // Typed: detail.value is the assessment value, detail.valid a boolean.
    record.frameworkChanges += 1;
    record.lastChangeValid = event.detail.valid;
    setChanges((n) => n + 1);
  };
  return (
    <>
      <form id="host-form" onSubmit={(event: FormEvent<HTMLFormElement>) => recordSubmit(event.nativeEvent)}>
        <fk-assessment-form name="assessment" required onfk-change={onChange} />
        <button id="send" type="submit">
          Senden
        </button>
      </form>
      <output id="changes">{changes}</output>
      <fk-case-provider lang="de">
        <fk-assessment-form id="connected-form" />
      </fk-case-provider>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
