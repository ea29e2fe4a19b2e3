import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { hashPassword } from '../../auth/password.js';
import { Session } from '../../auth/session.entity.js';
import { conflict } from '../../shared/errors.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
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
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, User, USER_SPEC);
  }

  override async list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<User>> {
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
    return super.create({ ...rest, passwordHash: await hashPassword(String(password)) });
  }

  override async update(id: string, version: number, data: Record<string, unknown>): Promise<User> {
    authorize(this.viewer, 'user:manage');
    const { password, ...rest } = data;
    const changes = password ? { ...rest, passwordHash: await hashPassword(String(password)) } : rest;
    const user = await super.update(id, version, changes);
    if (!user.active || password || rest.role || rest.unitId) {
      // A new password, role or unit must not leave old sessions with the old powers.
      await this.em.nativeDelete(Session, { user: user.id });
    }
    return user;
  }

  /** Accounts are never deleted: the history names them. Deleting disables. */
  override async delete(id: string): Promise<User> {
    const user = await this.get(id);
    return this.update(id, user.version, { active: false });
  }
}
