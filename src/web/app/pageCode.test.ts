import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PAGE_CODE, pagePathAt, REDIRECTS, type PagePath } from './pageCode';

/** The page react-router's ranking picks among PAGE_CODE's paths (what SignedInApp renders). */
function routerPick(pathname: string): string | null {
  const matches = matchRoutes(
    (Object.keys(PAGE_CODE) as PagePath[]).map((path) => ({ path: `/${path}` })),
    REDIRECTS[pathname] ?? pathname,
  );
  return matches?.at(-1)?.route.path?.slice(1) ?? null;
}

describe('the page the entry script starts loading', () => {
  const cases: [string, PagePath | null][] = [
    ['/', 'today'],
    ['/today', 'today'],
    ['/accounts', 'accounts'],
    ['/accounts/new', 'accounts/new'],
    ['/accounts/019a-acc', 'accounts/:id'],
    ['/opportunities/019a-deal', 'opportunities/:id'],
    ['/opportunities/019a-deal/retrospective', 'opportunities/:id/retrospective'],
    ['/goals/whys/019a-why', 'goals/whys/:id'],
    ['/goals/new', 'goals/new'],
    ['/goals/019a-goal', 'goals/:id'],
    ['/settings', 'settings/*'],
    ['/settings/webhooks/019a-hook', 'settings/*'],
    ['/check-ins/019a-check', 'check-ins/:id'],
    ['/invite/some-token', null],
    ['/nowhere', null],
    ['/today/extra', null],
  ];
  it.each(cases)('%s: %s, as the router picks it', (pathname, expected) => {
    expect(pagePathAt(pathname)).toBe(expected);
    expect(routerPick(pathname)).toBe(expected);
  });
});
