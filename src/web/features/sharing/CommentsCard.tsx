import { CreateCommentBody } from '../../../shared/plan-sharing';
import { useMe } from '../../app/session';
import { formatDateTime, relativeTime } from '../../lib/format';
import { FIX_FIELDS, check, clearedIfUnchanged, fromServer, useForm } from '../../lib/forms';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { SIDE_LABELS } from '../commitments/commitmentWords';
import { useAddComment, useComments } from './api';

const FIELDS = ['body'] as const;

/** The conversation on the plan: the customer writes from their page, the seller side answers here. */
export function CommentsCard({ planId }: { planId: string }) {
  const me = useMe();
  const comments = useComments(planId);
  const add = useAddComment(planId);
  const form = useForm({ body: '' });
  const list = comments.data?.data ?? [];
  return (
    <Card title="Conversation" flush>
      {comments.isPending ? (
        <SkeletonLines lines={2} padded />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty-inline">No comments yet. The customer can write here from their plan page, and sees your replies.</p>
      ) : (
        <ol className="timeline">
          {list.map((c) => (
            <li key={c.id} className="timeline-item">
              <Avatar name={c.authorName} size="sm" />
              <div className="timeline-body">
                <p>
                  <strong>{c.authorName}</strong> <span className={`side-pill side-pill-${c.authorSide}`}>{SIDE_LABELS[c.authorSide]}</span>
                </p>
                <p className="pre-wrap">{c.body}</p>
                <time className="timeline-time" dateTime={c.createdAt} title={formatDateTime(c.createdAt, me.user.timeZone)}>
                  {relativeTime(c.createdAt, me.user.timeZone)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form
        className="card-pad comment-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (add.isPending) return;
          const typed = form.values.body;
          const result = check(CreateCommentBody, { body: typed.trim() }, FIELDS);
          if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
          form.clear();
          add.mutate(result.data, {
            onSuccess: () => form.markSaved((prev) => ({ body: clearedIfUnchanged(typed)(prev.body) })),
            onError: (err) => {
              const { fieldErrors, formError } = fromServer(err, FIELDS);
              form.fail(fieldErrors, formError);
            },
          });
        }}
      >
        <FormAlert message={form.formError} />
        <TextAreaField label="Write to the customer" required rows={2} hint="Everyone with a link to this plan sees it." {...form.field('body')} />
        <Button type="submit" size="sm" variant="primary" busy={add.isPending}>
          Send
        </Button>
      </form>
    </Card>
  );
}
