// One banner line of the page's messages: plain (a notice), `warn` (a fallback, a bad link, a rejected
// step) or `error` (a refused file or setting, announced as an alert); given `onDismiss`, it ends with a
// "dismiss" link button. Shared by the studio's Messages and the trainer's Banners.
import type { ReactNode } from 'react';

export interface BannerProps {
  readonly tone?: 'warn' | 'error';
  readonly testId?: string;
  readonly onDismiss?: () => void;
  readonly children: ReactNode;
}

export function Banner({ tone, testId, onDismiss, children }: BannerProps) {
  return (
    <p
      className={tone ? `banner banner-${tone}` : 'banner'}
      data-testid={testId}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {children}
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="dismiss">
          dismiss
        </button>
      )}
    </p>
  );
}
