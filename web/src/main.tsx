import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AuthClient } from './auth/auth-client';
import { AuthProvider } from './auth/AuthProvider';
import { createSessionStore } from './auth/session-store';
import { ToastProvider } from './features/shell/toasts';
import { AppRoutes } from './routes/AppRoutes';
import './styles.css';

const auth = new AuthClient(createSessionStore());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider auth={auth}>
        <ToastProvider>
          <AppRoutes />
        </ToastProvider>
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
