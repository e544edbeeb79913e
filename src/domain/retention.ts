/**
 * How long operational records are kept (pure: `now` is passed in). Webhook deliveries and
 * e-mails that are finished (sent, or given up) go after `deliveryDays` / `emailDays`; sessions,
 * sign-on flows and password-reset or invitation tokens once they have been expired for
 * `expiredDays`. Publication events (the feed) and the audit log are permanent: they are not
 * in this policy and no retention code touches them.
 */
export interface RetentionPolicy {
  deliveryDays: number;
  emailDays: number;
  expiredDays: number;
}

export interface RetentionCutoffs {
  /** Finished webhook deliveries created before this go. */
  deliveries: Date;
  /** Sent e-mails sent before this, and given-up e-mails created before this, go. */
  emails: Date;
  /** Sessions, flows and tokens that expired before this go. */
  expired: Date;
}

const DAY_MS = 86_400_000;

export function retentionCutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    deliveries: before(policy.deliveryDays),
    emails: before(policy.emailDays),
    expired: before(policy.expiredDays),
  };
}
