import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../auth/auth-client';
import { useAuth } from '../auth/AuthProvider';
import { messageFor } from '../lib/errors';

/** `setupUrl` from an invitation lands here; the token travels in the URL fragment, never to a server log. */
export function AcceptInvitationPage() {
  const { auth } = useAuth();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ email: string; tenantName: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await auth.acceptInvitation(token, password, name.trim() || undefined);
      setDone({ email: r.email, tenantName: r.tenantName });
    } catch (err) {
      setError(err instanceof ApiError ? messageFor(err.code, err.message) : 'Could not accept the invitation.');
    }
  }

  return (
    <div className="auth-page">
      {done ? (
        <div className="card auth-card">
          <h1>Welcome to {done.tenantName}</h1>
          <p>
            Sign in as <strong>{done.email}</strong>.
          </p>
          <Link to="/login">Go to sign-in</Link>
        </div>
      ) : (
        <form className="card auth-card" onSubmit={submit}>
          <h1>Accept your invitation</h1>
          {!token && <p className="error">This link has no invitation token. Open the link from your invitation again.</p>}
          <label>
            Your name
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
          <label>
            Choose a password
            <input type="password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={!token}>
            Accept
          </button>
        </form>
      )}
    </div>
  );
}
