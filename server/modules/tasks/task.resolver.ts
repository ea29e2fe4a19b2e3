import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Task } from './task.entity.js';
import { CreateTaskArgs, TaskFilter, UpdateTaskArgs } from './task.inputs.js';
import { TASK_SPEC } from './task.service.js';

export const TaskResourceResolver = createResourceResolver({
  type: Task,
  name: 'Task',
  plural: 'Tasks',
  connectionField: 'tasks',
  filter: TaskFilter,
  sortable: TASK_SPEC.sortable,
  service: (ctx) => ctx.services.tasks,
  createArgs: CreateTaskArgs,
  updateArgs: UpdateTaskArgs,
  writePermissions: [TASK_SPEC.writePermission],
});

@Resolver(() => Task)
export class TaskFieldResolver {
  @FieldResolver(() => ID)
  planId(@Root() task: Lean<Task>) {
    return task.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() task: Lean<Task>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(task.plan.id);
  }

  @FieldResolver(() => ID, { nullable: true })
  parentId(@Root() task: Lean<Task>) {
    return task.parent?.id ?? null;
  }

  @FieldResolver(() => Task, { nullable: true })
  parent(@Root() task: Lean<Task>, @Ctx() ctx: Context) {
    return task.parent ? ctx.loaders.task.load(task.parent.id) : null;
  }

  @FieldResolver(() => [Task], { description: 'Nhiệm vụ con (1.1, 1.2 …)' })
  subtasks(@Root() task: Lean<Task>, @Ctx() ctx: Context) {
    return ctx.loaders.subtasksByTask.load(task.id);
  }

  @FieldResolver(() => [Assignment], { description: 'Các đơn vị chủ trì, phối hợp' })
  assignments(@Root() task: Lean<Task>, @Ctx() ctx: Context) {
    return ctx.loaders.assignmentsByTask.load(task.id);
  }
}
