// Tells the person when a worker crashed or hung and what the app did about it (restarted, nothing lost).
import { useEffect, useState } from 'react';
import { jobs, serving, type EngineFault } from '../../client/engineClient';
import './EngineAlert.css';

export function EngineAlert() {
  const [fault, setFault] = useState<EngineFault | null>(null);
  useEffect(() => {
    const offs = [serving.onFault(setFault), jobs.onFault(setFault)];
    return () => offs.forEach((off) => off());
  }, []);
  if (!fault) return null;
  const after =
    fault.bridge === 'serving'
      ? 'Your ratings are safe; recommendations come from the last saved model.'
      : 'Nothing half-finished was kept; your ratings, datasets and models are as they were. You can start it again.';
  return (
    <div className="engine-alert" role="alert" data-testid="engine-alert">
      <p>
        <strong>{fault.message}</strong> {after}
      </p>
      <button type="button" onClick={() => setFault(null)}>
        Dismiss
      </button>
    </div>
  );
}
