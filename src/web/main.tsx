// The entry script: the styles, and the session check, which starts at once and travels in parallel
// with the app's code (index.html preloads that code: see vite.config.ts). Once /setup says the
// browser holds a session, the page's own code starts too, rather than after the app has arrived and
// run: the app waits for it before its first render (app/Root.tsx), so the two travel together.
import { bootSetupAnswer, startSessionCheck } from './app/boot';
import { pagePathAt, startPageCode } from './app/pageCode';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/auth.css';
// The styles of the pages most visits open (plans, Today, deals, Focus, goals, check-ins): a few KB in
// this one file instead of a request each after the page's code.
import './styles/plans.css';
import './styles/interactions.css';
import './styles/focus.css';
import './styles/qualification.css';
import './features/goals/goals.css';
import './features/check-ins/check-ins.css';

startSessionCheck();
void bootSetupAnswer()?.then((setup) => {
  const path = setup.signedIn ? pagePathAt(window.location.pathname) : null;
  // A failure shows when the page itself asks for its code.
  if (path) startPageCode(path).catch(() => undefined);
});
import('./app/start').catch(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = 'Advance could not load. Check your connection, then reload the page.';
});
