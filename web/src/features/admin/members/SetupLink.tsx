import { useState } from 'react';

interface SetupLinkProps {
  email: string;
  setupUrl: string;
  expiresAt: string;
  onDone(): void;
}

/**
 * The invitation's setup link, shown once: the API keeps only a hash of its token, so it cannot be shown again
 * (a new invitation makes a new link and retires this one).
 */
export function SetupLink({ email, setupUrl, expiresAt, onDone }: SetupLinkProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(setupUrl);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div className="setup-link">
      <p>
        Send this link to <strong>{email}</strong> over a private channel. They choose a password there and join the
        workspace.
      </p>
      <p className="setup-link-once" role="note">
        The link is shown only once: copy it now. It expires on {new Date(expiresAt).toLocaleString()}.
      </p>
      <label>
        Setup link
        <input readOnly value={setupUrl} onFocus={(e) => e.currentTarget.select()} data-testid="setup-url" />
      </label>
      <div className="dialog-actions">
        <span role="status" className="muted small">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed: select the link and copy it.' : ''}
        </span>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
