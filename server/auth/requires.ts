import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context.js';
import { forbidden } from '../shared/errors.js';
import { mayEver, requireViewer, type Permission } from './policy.js';

/**
 * A mutation's coarse gate: signed in, and holding at least one of the permissions for some subject.
 * TypeGraphQL runs middlewares before it validates the arguments (class-validator), so someone who may
 * never make this change is told FORBIDDEN (or UNAUTHENTICATED), not which of their fields were wrong.
 * The service still checks the permission against the object itself.
 */
export function requires(...permissions: [Permission, ...Permission[]]): MiddlewareFn<Context> {
  return ({ context }, next) => {
    const viewer = requireViewer(context.viewer);
    if (!permissions.some((permission) => mayEver(viewer, permission))) throw forbidden();
    return next();
  };
}
