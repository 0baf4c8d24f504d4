import { createElement, use, type ComponentType } from 'react';

/** A page whose code loads on demand; `preload()` starts (or joins) that load ahead of the render. */
export type LazyPage = ComponentType & { preload: () => Promise<unknown> };

/**
 * Like React.lazy for a module's named export (the codebase uses named exports only), plus
 * `preload()`, so navigation can fetch a page's code alongside its data. Once the code is in, the
 * page renders at once: React.lazy would still suspend for a moment, and React holds a fallback it
 * has just shown on screen for 300 ms before it shows what replaced it.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name] as ComponentType),
      (err: unknown) => {
        // A failed load (offline, a deploy replaced the file) is tried again on the next visit.
        loading = undefined;
        throw err;
      },
    ));
  function Page() {
    return createElement(loaded ?? use(preload()));
  }
  Page.displayName = `lazyPage(${String(name)})`;
  return Object.assign(Page, { preload });
}
