import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Latin and Vietnamese only: the full files also declare Latin Extended over the same letters (ă, đ, ơ,
// ư), and the browser then fetches both subsets of every weight for a Vietnamese page.
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/vietnamese-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/vietnamese-500.css';
import '@fontsource/roboto/latin-700.css';
import '@fontsource/roboto/vietnamese-700.css';
import './print.css';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
