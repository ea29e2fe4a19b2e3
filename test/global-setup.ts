import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/database.js';
import { PlanStatus } from '../server/modules/plans/plan.entity.js';
import { databaseUrl, dropDatabase, withAdmin } from './helpers/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a template database with every migration applied and the plan seeded, so each
 * test file clones a fresh copy in milliseconds instead of migrating its own.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `tiendo_test_${runId}_tpl`;
  await withAdmin((client) => client.query(`create database "${template}"`));
  // No demo activity: tests start from work nobody has touched. The 2022 plan stays ACTIVE so that
  // the sweeps chase its deadlines.
  const { orm } = await openDatabase({ url: databaseUrl(template), seed: { demo: true, planStatus: PlanStatus.ACTIVE } });
  await orm.close(true);
  project.provide('runId', runId);
  project.provide('templateDatabase', template);

  return async () => {
    await withAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`tiendo_test_${runId}%`],
      );
      for (const row of rows) await dropDatabase(client, row.datname);
    });
  };
}
