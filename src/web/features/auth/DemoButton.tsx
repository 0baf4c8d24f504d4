import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createDemoSession } from '../../../shared/routes/operations/auth';
import { call } from '../../app/api';
import { useStartSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';

export function DemoButton({ variant = 'secondary', label = 'Explore the demo workspace' }: { variant?: 'primary' | 'secondary'; label?: string }) {
  const startSession = useStartSession();
  const navigate = useNavigate();
  const demo = useMutation({
    mutationFn: () => call(createDemoSession),
    onSuccess: (me) => {
      startSession(me);
      navigate('/today', { replace: true });
    },
  });
  return (
    <div className="demo-button">
      <Button variant={variant} icon="sparkles" busy={demo.isPending} onClick={() => demo.mutate()}>
        {label}
      </Button>
      <FormAlert message={demo.isError ? `The demo could not be opened: ${demo.error.message}` : null} />
    </div>
  );
}
