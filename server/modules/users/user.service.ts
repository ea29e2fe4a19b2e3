import type { EntityManager } from '@mikro-orm/postgresql';
import type { Lean } from '../../shared/lean.js';
import { authorize, type Viewer } from '../../auth/policy.js';
import { hashPassword } from '../../auth/password.js';
import { assertAcceptablePassword, type PasswordOwner } from '../../auth/password-policy.js';
import { Session } from '../../auth/session.entity.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditLog } from '../audit/audit-log.js';
import type { CredentialInvalidator } from '../../auth/credential-cache.js';
import { conflict } from '../../shared/errors.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { isId, ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Unit } from '../units/unit.entity.js';
import { User } from './user.entity.js';

export const USER_SPEC: ResourceSpec = {
  label: 'người dùng',
  searchFields: ['username', 'fullName'],
  sortable: ['username', 'fullName', 'role', 'createdAt'],
  defaultSort: ['username', OrderDirection.ASC],
  writePermission: 'user:manage',
};

/** Accounts are administered by ADMIN only; a disabled account loses its sessions at once. */
export class UserService extends ResourceService<User> {
  constructor(
    em: EntityManager,
    viewer: Viewer | null,
    private readonly credentials?: CredentialInvalidator,
  ) {
    super(em, viewer, User, USER_SPEC);
  }

  override async list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<User>>> {
    authorize(this.viewer, 'user:manage');
    return super.list(filter, sortField, direction, window);
  }

  override async get(id: string): Promise<User> {
    authorize(this.viewer, 'user:manage');
    return super.get(id);
  }

  override async create(data: Record<string, unknown>): Promise<User> {
    authorize(this.viewer, 'user:manage');
    const { password, ...rest } = data;
    if (await this.em.count(User, { username: String(rest.username) })) {
      throw conflict(`Tên đăng nhập "${String(rest.username)}" đã có.`, { argument: 'username' });
    }
    assertAcceptablePassword(String(password), await this.passwordOwner(String(rest.username), String(rest.fullName), rest.unitId));
    const user = await super.create({ ...rest, passwordHash: await hashPassword(String(password)) });
    new AuditLog(this.em).record({
      action: AuditAction.USER_CREATED,
      by: this.viewer,
      subjectUserId: user.id,
      username: user.username,
      details: { role: user.role, unitId: user.unit.id },
    });
    await this.em.flush();
    return user;
  }

  override async update(id: string, version: number, data: Record<string, unknown>): Promise<User> {
    authorize(this.viewer, 'user:manage');
    const { password, ...rest } = data;
    const current = await this.get(id);
    if (password) {
      // Judged against the account as it will be: its new name or unit if this change brings one.
      const fullName = typeof rest.fullName === 'string' ? rest.fullName : current.fullName;
      assertAcceptablePassword(String(password), await this.passwordOwner(current.username, fullName, rest.unitId ?? current.unit.id));
    }
    const changes = password ? { ...rest, passwordHash: await hashPassword(String(password)) } : rest;
    // Recorded before the update so that its flush writes the events with the change, or neither.
    this.audit(current, rest, Boolean(password));
    const user = await super.update(id, version, changes);
    if (!user.active || password || rest.role || rest.unitId) {
      // A new password, role or unit must not leave old sessions with the old powers.
      await this.em.nativeDelete(Session, { user: user.id });
      await this.credentials?.invalidate(user.id);
    }
    return user;
  }

  /** What a password of this account must not be built from: its username, its holder's name, its unit. */
  private async passwordOwner(username: string, fullName: string, unitId: unknown): Promise<PasswordOwner> {
    const unit = isId(unitId) ? await this.em.findOne(Unit, { id: unitId }) : null;
    return { username, fullName, unit: unit ? [unit.name, unit.shortName, unit.code] : [] };
  }

  /** The security events an account change makes: disabled or enabled, new role, new unit, new password. */
  private audit(user: User, changes: Record<string, unknown>, passwordChanged: boolean) {
    const log = new AuditLog(this.em);
    const entry = { by: this.viewer, subjectUserId: user.id, username: user.username };
    const differs = (value: unknown, current: unknown) => value !== undefined && value !== null && value !== current;
    if (differs(changes.active, user.active)) {
      log.record({ ...entry, action: changes.active ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED });
    }
    if (differs(changes.role, user.role)) log.record({ ...entry, action: AuditAction.ROLE_CHANGED, details: { from: user.role, to: changes.role } });
    if (differs(changes.unitId, user.unit.id)) {
      log.record({ ...entry, action: AuditAction.UNIT_CHANGED, details: { from: user.unit.id, to: changes.unitId } });
    }
    if (passwordChanged) log.record({ ...entry, action: AuditAction.PASSWORD_CHANGED });
  }

  /** Accounts are never deleted: the history names them. Deleting disables. */
  override async delete(id: string): Promise<User> {
    const user = await this.get(id);
    return this.update(id, user.version, { active: false });
  }
}
