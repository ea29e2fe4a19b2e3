import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailConfig } from '../../config.js';

/** The domain that names our Message-IDs: the sender's, as RFC 5322 suggests. */
export function messageIdDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'tiendo.local';
}

/**
 * A row's Message-ID. It is derived from the outbox row, so if a crash makes the relay send a row a
 * second time, the recipient's mail system (and the recipient) can tell it is the same message.
 */
export function outboxMessageId(rowId: string, from: string): string {
  return `<outbox-${rowId}@${messageIdDomain(from)}>`;
}

export function createMailer(config: EmailConfig): Transporter | null {
  return config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
}
