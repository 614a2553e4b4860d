import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Jira's light or dark theme (and later changes) through the design tokens' CSS variables; the
// stylesheet's fallbacks keep the page readable if theming is unavailable.
view.theme.enable().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
