import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/components.css';
import './styles/catalogue.css';
import './styles/calendar.css';
import './styles/desk.css';
import './styles/citizen.css';
import './styles/receipt.css';
import './styles/admin.css';
import './styles/reports.css';
import './styles/feedback.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
