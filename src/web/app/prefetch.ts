/** How long the pointer or keyboard focus rests on a link before it counts as intent to follow it. */
export const INTENT_DELAY_MS = 80;

/** The in-app address a link leads to, or null for links that leave the page's tab or the app. */
function inAppHref(target: EventTarget | null): string | null {
  const link = target instanceof Element ? target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  if (link.origin !== window.location.origin || link.pathname.startsWith('/api/')) return null;
  return link.pathname + link.search;
}

/**
 * Calls `onIntent` with a link's address as soon as the person shows they mean to follow it: pressing
 * it (before the click completes), or resting the pointer or keyboard focus on it for a moment
 * (a pointer sweeping across a list asks for nothing). Returns the function that stops listening.
 */
export function prefetchOnIntent(doc: Document, onIntent: (href: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  const soon = (e: Event) => {
    const href = inAppHref(e.target);
    cancel();
    if (href) timer = setTimeout(() => onIntent(href), INTENT_DELAY_MS);
  };
  const now = (e: Event) => {
    // Another button, or a modifier (a new tab or window): the page does not change here.
    if (e instanceof MouseEvent && (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) return;
    const href = inAppHref(e.target);
    if (href) onIntent(href);
  };
  const listeners: [string, (e: Event) => void][] = [
    ['pointerover', soon],
    ['focusin', soon],
    ['pointerout', cancel],
    ['focusout', cancel],
    ['pointerdown', now],
    ['click', now],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, { capture: true, passive: true });
  return () => {
    cancel();
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn, { capture: true });
  };
}
