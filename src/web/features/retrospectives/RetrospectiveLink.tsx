import { Link } from 'react-router';
import { Card } from '../../ui/Card';

/** On a closed deal's page: where its retrospective is answered. */
export function RetrospectiveLink({ opportunityId }: { opportunityId: string }) {
  return (
    <Card title="Retrospective">
      <p className="small">Judge the process apart from the outcome: what went well, what was luck, what to learn.</p>
      <Link to={`/opportunities/${opportunityId}/retrospective`}>Open the retrospective</Link>
    </Card>
  );
}
