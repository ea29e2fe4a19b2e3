import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('tiendo'),
  DATA_DIR: z.string().default('.data'),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  RUN_WORKER: z.enum(['true', 'false']).default('true'),
  SEED: z.enum(['true', 'false']).default('true'),
  LOG_SQL: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** Unset means "start the embedded PostgreSQL under dataDir". */
  databaseUrl?: string;
  redisUrl: string;
  queuePrefix: string;
  dataDir: string;
  adminPassword?: string;
  sessionTtlMs: number;
  runWorker: boolean;
  seed: boolean;
  logSql: boolean;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the process naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    throw new ConfigError('Invalid environment: DATABASE_URL is required in production');
  }
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    dataDir: e.DATA_DIR,
    adminPassword: e.ADMIN_PASSWORD,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    runWorker: e.RUN_WORKER === 'true',
    seed: e.SEED === 'true',
    logSql: e.LOG_SQL === 'true',
  };
}
