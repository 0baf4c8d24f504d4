import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
} from '../../../shared/routes/operations/webhooks';
import type { WebhookDeliveryStatus } from '../../../shared/webhook-events';
import { call, callAtVersion, type BodyOf } from '../../app/api';

const endpointsKey = ['webhook-endpoints'] as const;

export function useWebhookEndpoints() {
  return useQuery({ queryKey: endpointsKey, queryFn: () => call(listWebhookEndpoints, { query: { limit: 200 } }) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: endpointsKey });
    void client.invalidateQueries({ queryKey: ['webhook-deliveries'] });
    void client.invalidateQueries({ queryKey: ['webhook-delivery'] });
  };
}

export function useCreateWebhookEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: BodyOf<typeof createWebhookEndpoint>) => call(createWebhookEndpoint, { body }), onSuccess: invalidate });
}

export function useUpdateWebhookEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateWebhookEndpoint> }) => call(updateWebhookEndpoint, { params: { id }, body }), onSettled: invalidate });
}

export function useDeleteWebhookEndpoint() {
  const invalidate = useInvalidate();
  // From the version shown: another admin's change since answers 409 and removes nothing.
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => callAtVersion(deleteWebhookEndpoint, version, { params: { id } }), onSettled: invalidate });
}

export function useRotateWebhookSecret() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => call(rotateWebhookSecret, { params: { id }, body: { version } }), onSettled: invalidate });
}

export function useSendWebhookTest() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => call(sendWebhookTest, { params: { id } }), onSettled: invalidate });
}

/** The log of one endpoint; while something waits it refreshes every few seconds (a test shows its answer). */
export function useWebhookDeliveries(endpointId: string, status: WebhookDeliveryStatus | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['webhook-deliveries', endpointId, status ?? 'all', cursor ?? ''],
    queryFn: () => call(listWebhookDeliveries, { params: { id: endpointId }, query: { limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } }),
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === 'pending') ? 2_000 : false),
  });
}

export function useWebhookDelivery(id: string | null) {
  return useQuery({ queryKey: ['webhook-delivery', id], queryFn: () => call(getWebhookDelivery, { params: { id: id! } }), enabled: id !== null });
}

export function useRetryWebhookDelivery() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => call(retryWebhookDelivery, { params: { id } }), onSettled: invalidate });
}
