import { useParams } from 'react-router';
import { useRecord, type RecordResource } from '../../app/records';
import { RecordPage, type RecordPageProps } from './RecordPage';

/** The page of the account, contact or opportunity the address names (`/accounts/:id`). */
export function RecordRoute<T extends { name: string }>({ resource, noun, ...rest }: Omit<RecordPageProps<T>, 'query' | 'title' | 'resource'> & { resource: RecordResource }) {
  const { id = '' } = useParams();
  const query = useRecord<T>(resource, id);
  return <RecordPage query={query} noun={noun} resource={resource} title={query.data?.name ?? noun.charAt(0).toUpperCase() + noun.slice(1)} {...rest} />;
}
