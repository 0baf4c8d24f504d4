import type { GuestCommitment, GuestPlan } from '../../shared/plan-sharing';
import type { GuestApiError } from './api';

export type Tone = 'success' | 'warning' | 'danger';

/** Everything the page shows. Typed text lives in `drafts` so a re-render never loses it. */
export type State = {
  plan: GuestPlan | null;
  loadError: GuestApiError | null;
  /** The commitment whose "new date" form is open. */
  redating: string | null;
  adding: boolean;
  /** Keys of requests in flight: `tick:<id>`, `redate:<id>`, `answer:<id>`, `add`, `comment`. */
  busy: Set<string>;
  /** A message beside a commitment (by id), the add form ('add') or the comment form ('comment'). */
  messages: Map<string, { text: string; tone: Tone }>;
  /** Field errors by field key, e.g. `redate.reason`. */
  errors: Record<string, string>;
  drafts: Record<string, string>;
};

export type Actions = {
  tick: (c: GuestCommitment, done: boolean) => void;
  openRedate: (id: string) => void;
  closeRedate: () => void;
  submitRedate: (c: GuestCommitment) => void;
  answer: (c: GuestCommitment, renegotiationId: string, accept: boolean) => void;
  openAdd: () => void;
  closeAdd: () => void;
  submitAdd: () => void;
  submitComment: () => void;
  draft: (key: string, value: string) => void;
  reload: () => void;
};

export const initialState = (): State => ({
  plan: null,
  loadError: null,
  redating: null,
  adding: false,
  busy: new Set(),
  messages: new Map(),
  errors: {},
  drafts: {},
});
