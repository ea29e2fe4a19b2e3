import type { Request } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity.js';
import { ApiToken } from '../../auth/api-token.entity.js';
import { AuditAction, AuditEvent } from './audit-event.entity.js';
import type { Viewer } from '../../auth/policy.js';

export interface AuditEntry {
  action: AuditAction;
  by?: Viewer | null;
  subjectUserId?: string | null;
  subjectTokenId?: string | null;
  username?: string | null;
  address?: string | null;
  details?: Record<string, unknown> | null;
}

/** The client's address as express sees it (trust proxy decides whether X-Forwarded-For counts). */
export function clientAddress(req: Request | undefined): string | null {
  return req?.ip?.slice(0, 64) ?? null;
}

/** Appends security events; the caller's flush writes them with the change they describe. */
export class AuditLog {
  constructor(private readonly em: EntityManager) {}

  record(entry: AuditEntry): AuditEvent {
    const by = entry.by;
    return this.em.create(AuditEvent, {
      action: entry.action,
      actor: by && !by.token ? this.em.getReference(User, by.id) : null,
      actorToken: by?.token ? this.em.getReference(ApiToken, by.token.id) : null,
      subjectUser: entry.subjectUserId ? this.em.getReference(User, entry.subjectUserId) : null,
      subjectToken: entry.subjectTokenId ? this.em.getReference(ApiToken, entry.subjectTokenId) : null,
      username: entry.username?.slice(0, 64) ?? null,
      address: entry.address ?? null,
      details: entry.details ?? null,
      at: new Date(),
    });
  }

  /** For events that must be kept even though the request then fails, such as a refused sign-in. */
  async recordNow(entry: AuditEntry): Promise<void> {
    const fork = this.em.fork();
    new AuditLog(fork).record(entry);
    await fork.flush();
  }
}
