// The entry script: the styles, and the session check, which starts at once and travels in parallel
// with the app's code (index.html preloads that code: see vite.config.ts).
import { startSessionCheck } from './app/boot';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/auth.css';

startSessionCheck();
import('./app/start').catch(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = 'Advance could not load. Check your connection, then reload the page.';
});
