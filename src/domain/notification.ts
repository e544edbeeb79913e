import { createHmac } from 'node:crypto';

/**
 * What the registry tells the outside world it published: the events of the Atom feed and of
 * webhooks, and the rules of delivering them. Pure: time, ids and secrets are passed in.
 */
export const PUBLICATION_EVENT_TYPES = [
  'platform.created',
  'platform.updated',
  'platform.retired',
  'edition.published',
] as const;
export type PublicationEventType = (typeof PUBLICATION_EVENT_TYPES)[number];

export type PublicationSubject =
  | { kind: 'platform'; platformId: string; slug: string }
  | { kind: 'edition'; editionId: string; documentNumber: string };

export interface PublicationEvent {
  id: string;
  type: PublicationEventType;
  subject: PublicationSubject;
  /** The platform's (or document's) name when it was published. */
  title: string;
  /** The platform version published; null for editions. */
  version: number | null;
  /** Why: the change request's summary. */
  summary: string;
  occurredAt: Date;
}

/** The event a change request's kind publishes. */
export function platformEventType(kind: 'create' | 'update' | 'retire'): PublicationEventType {
  return kind === 'create' ? 'platform.created' : kind === 'retire' ? 'platform.retired' : 'platform.updated';
}

/** An endpoint takes an event when it asked for its type, or for every type (an empty list). */
export function wantsEvent(eventTypes: readonly string[], type: PublicationEventType): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it. */
  baseDelaySeconds: number;
  /** No wait grows beyond this. */
  maxDelaySeconds: number;
}

/**
 * When to try again after failed attempt number `attempt` (1-based), or null when the attempts
 * are used up: exponential back-off, base × 2^(attempt−1), capped.
 */
export function nextAttemptAt(policy: RetryPolicy, attempt: number, now: Date): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  const seconds = Math.min(policy.baseDelaySeconds * 2 ** (attempt - 1), policy.maxDelaySeconds);
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * X-NDP-Signature: "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body). Signing the
 * timestamp with the body lets a receiver refuse replays of an old delivery.
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** An endpoint registered by the authority. Its secret is never part of it (shown once only). */
export interface Webhook {
  id: string;
  url: string;
  description: string;
  /** Empty: every type. */
  eventTypes: PublicationEventType[];
  enabled: boolean;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryState = 'pending' | 'succeeded' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  startedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** When the next attempt was planned after this one (null: no more attempts). */
  nextAttemptAt: Date | null;
}

export interface Delivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: PublicationEventType;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  log: DeliveryAttempt[];
}

/** A receiver's answer that ends the delivery: any 2xx. */
export const isDelivered = (statusCode: number | null): boolean =>
  statusCode !== null && statusCode >= 200 && statusCode < 300;
