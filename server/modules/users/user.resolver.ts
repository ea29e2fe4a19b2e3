import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Unit } from '../units/unit.entity.js';
import { User } from './user.entity.js';
import { CreateUserArgs, UpdateUserArgs, UserFilter } from './user.inputs.js';
import { USER_SPEC } from './user.service.js';

export const UserResourceResolver = createResourceResolver({
  type: User,
  name: 'User',
  plural: 'Users',
  connectionField: 'users',
  filter: UserFilter,
  sortable: USER_SPEC.sortable,
  service: (ctx) => ctx.services.users,
  createArgs: CreateUserArgs,
  updateArgs: UpdateUserArgs,
  writePermissions: [USER_SPEC.writePermission],
});

@Resolver(() => User)
export class UserFieldResolver {
  @FieldResolver(() => ID)
  unitId(@Root() user: Lean<User>) {
    return user.unit.id;
  }

  @FieldResolver(() => Unit)
  unit(@Root() user: Lean<User>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(user.unit.id);
  }
}
