import { useParams } from 'react-router';
import { useRecord, type ListedResource, type RecordOf } from '../../app/records';
import { RecordPage, type RecordPageProps } from './RecordPage';

/** The page of the account, contact or opportunity the address names (`/accounts/:id`). */
export function RecordRoute<R extends ListedResource>({ resource, noun, ...rest }: Omit<RecordPageProps<RecordOf<R>>, 'query' | 'title' | 'resource'> & { resource: R }) {
  const { id = '' } = useParams();
  const query = useRecord(resource, id);
  return <RecordPage query={query} noun={noun} resource={resource} title={query.data?.name ?? noun.charAt(0).toUpperCase() + noun.slice(1)} {...rest} />;
}
