import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Lean } from '../shared/lean.js';
import { Unit } from '../modules/units/unit.entity.js';
import { User } from '../modules/users/user.entity.js';
import { badInput, notFound } from '../shared/errors.js';
import { OrderDirection, type Page, type Window } from '../shared/pagination.js';
import { ResourceService, isId, type ResourceSpec } from '../shared/resource.service.js';
import { API_TOKEN_PREFIX, ApiToken, ApiTokenScope } from './api-token.entity.js';
import { AuditAction } from '../modules/audit/audit-event.entity.js';
import { AuditLog } from '../modules/audit/audit-log.js';
import { hashToken } from './auth.service.js';
import { authorize, type Viewer } from './policy.js';
import type { CredentialInvalidator } from './credential-cache.js';

export const API_TOKEN_SPEC: ResourceSpec = {
  label: 'mã truy cập API',
  searchFields: ['name', 'prefix'],
  sortable: ['name', 'createdAt', 'expiresAt', 'lastUsedAt'],
  defaultSort: ['createdAt', OrderDirection.DESC],
  writePermission: 'security:manage',
};

const DAY_MS = 86_400_000;
export const DEFAULT_TOKEN_DAYS = 90;

/** A new secret: the prefix, then 256 bits from the CSPRNG. */
export function newTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface CreateApiTokenData {
  name: string;
  unitId: string;
  scope: ApiTokenScope;
  expiresAt?: Date | null;
}

/** ADMIN issues and revokes integrators' tokens; every issue and revocation goes to the audit log. */
export class ApiTokenService extends ResourceService<ApiToken> {
  constructor(
    em: EntityManager,
    viewer: Viewer | null,
    private readonly maxDays: number,
    private readonly address: string | null = null,
    private readonly credentials?: CredentialInvalidator,
  ) {
    super(em, viewer, ApiToken, API_TOKEN_SPEC);
  }

  override async list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<ApiToken>>> {
    authorize(this.viewer, 'security:manage');
    return super.list(filter, sortField, direction, window);
  }

  override async get(id: string): Promise<ApiToken> {
    authorize(this.viewer, 'security:manage');
    return super.get(id);
  }

  override async create(input: Record<string, unknown>): Promise<ApiToken> {
    const viewer = authorize(this.viewer, 'security:manage');
    const data = input as unknown as CreateApiTokenData;
    const unit = isId(data.unitId) ? await this.em.findOne(Unit, { id: data.unitId }) : null;
    if (!unit) throw badInput(`unitId: không tìm thấy (${data.unitId}).`, { argument: 'unitId' });
    const now = Date.now();
    const expiresAt = data.expiresAt ?? new Date(now + DEFAULT_TOKEN_DAYS * DAY_MS);
    if (expiresAt.getTime() <= now) throw badInput('Ngày hết hạn phải ở tương lai.', { argument: 'expiresAt' });
    if (expiresAt.getTime() > now + this.maxDays * DAY_MS) {
      throw badInput(`Mã truy cập có hiệu lực tối đa ${this.maxDays} ngày.`, { argument: 'expiresAt' });
    }
    const secret = newTokenSecret();
    const token = this.em.create(ApiToken, {
      name: data.name.trim(),
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 12),
      unit,
      scope: data.scope,
      expiresAt,
      createdBy: this.em.getReference(User, viewer.id),
    });
    new AuditLog(this.em).record({
      action: AuditAction.TOKEN_CREATED,
      by: viewer,
      subjectTokenId: token.id,
      address: this.address,
      details: { name: token.name, unit: unit.code, scope: token.scope, expiresAt: expiresAt.toISOString() },
    });
    await this.em.flush();
    token.secret = secret;
    return token;
  }

  override async update(): Promise<ApiToken> {
    throw badInput('Không sửa được mã truy cập: hãy thu hồi và tạo mã mới.');
  }

  /** Revoking keeps the row (the audit log names it) and ends access from the next request on. */
  override async delete(id: string): Promise<ApiToken> {
    const viewer = authorize(this.viewer, 'security:manage');
    const token = await this.get(id);
    if (!token) throw notFound(API_TOKEN_SPEC.label, id);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      new AuditLog(this.em).record({
        action: AuditAction.TOKEN_REVOKED,
        by: viewer,
        subjectTokenId: token.id,
        address: this.address,
        details: { name: token.name },
      });
      await this.em.flush();
    }
    await this.credentials?.invalidate(token.id);
    return token;
  }
}
