import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { resetDemoWorkspace } from '../../shared/routes/operations/auth';
import { call, isApiError } from './api';
import { sessionQuery } from './session';

/** Says this is the demo, and offers to put its story back as of today (the server refuses elsewhere). */
export function DemoBanner() {
  const client = useQueryClient();
  const [state, setState] = useState<'idle' | 'confirm' | 'busy' | 'failed'>('idle');
  const [error, setError] = useState('');
  const reset = async () => {
    setState('busy');
    try {
      const me = await call(resetDemoWorkspace);
      client.clear();
      client.setQueryData(sessionQuery.queryKey, me);
      window.location.assign('/today');
    } catch (err) {
      setError(isApiError(err) ? err.message : 'The demo could not be reset. Try again.');
      setState('failed');
    }
  };
  return (
    <section className="demo-banner" aria-label="Demo workspace">
      <Icon name="sparkles" size={15} />
      <span>You are exploring the demo workspace — a sample team with made-up customers. Change anything you like.</span>
      {state === 'confirm' || state === 'busy' ? (
        <span className="demo-banner-actions">
          <span>Put every plan back as of today? Your changes go.</span>
          <Button size="sm" variant="primary" busy={state === 'busy'} onClick={() => void reset()}>
            Yes, reset
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setState('idle')} disabled={state === 'busy'}>
            Keep my changes
          </Button>
        </span>
      ) : (
        <Button size="sm" variant="ghost" icon="refresh" onClick={() => setState('confirm')}>
          Reset demo
        </Button>
      )}
      {state === 'failed' ? (
        <span role="alert" className="demo-banner-error">
          {error}
        </span>
      ) : null}
    </section>
  );
}
