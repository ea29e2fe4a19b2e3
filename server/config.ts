import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** The address users open the admin at: links in e-mails, letters and webhooks point there. */
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('tiendo'),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  EVIDENCE_STORAGE: z.enum(['local', 's3']).default('local'),
  EVIDENCE_DIR: z.string().min(1).optional(),
  EVIDENCE_MAX_FILE_BYTES: z.coerce.number().int().positive().max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  EVIDENCE_MAX_FILES: z.coerce.number().int().positive().max(100).default(10),
  EVIDENCE_S3_ENDPOINT: z.string().url().optional(),
  EVIDENCE_S3_REGION: z.string().min(1).default('us-east-1'),
  EVIDENCE_S3_BUCKET: z.string().min(3).optional(),
  EVIDENCE_S3_PREFIX: z.string().default('evidence/'),
  EVIDENCE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  EVIDENCE_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  /** Largest plan document (.txt, .docx, .pdf) accepted for import. */
  PLAN_IMPORT_MAX_BYTES: z.coerce.number().int().positive().max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  CREDENTIAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  RUN_WORKER: z.enum(['true', 'false']).default('true'),
  /** How long a worker holds a job before another may take it over: a killed worker's jobs wait this long. */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Sweep today's deadlines when the worker starts, not only at 07:00: a worker that was down catches up. */
  SWEEP_ON_START: z.enum(['true', 'false']).default('true'),
  SEED: z.enum(['true', 'false']).default('true'),
  LOG_SQL: z.enum(['true', 'false']).default('false'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().nonnegative().default(15),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(5),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(1000),
  GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(5000),
  /** Failures on one account from one address before that address is locked out of that account. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: z.coerce.number().int().positive().default(10),
  LOGIN_ACCOUNT_AND_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().positive().max(86_400).default(900),
  /** Failures on one account from all addresses before its sign-ins are slowed (not locked). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(500),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /**
   * Query cost points a signed-in user (every session of theirs together) may spend per budget window. The
   * admin's heaviest page (the task list, 100 rows) costs about 2,300 and a tour of every page about 10,000.
   */
  API_BUDGET_USER_POINTS: z.coerce.number().int().positive().default(60_000),
  /** Points an integrator's API token may spend per window. */
  API_BUDGET_TOKEN_POINTS: z.coerce.number().int().positive().default(15_000),
  /** Points requests without a valid credential may spend per window, counted per client address. */
  API_BUDGET_ANONYMOUS_POINTS: z.coerce.number().int().positive().default(2_000),
  API_BUDGET_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** While slowed, an account takes one sign-in attempt per this many seconds from addresses it does not know. */
  LOGIN_THROTTLE_SECONDS: z.coerce.number().int().positive().max(3600).default(60),
  /** How long an address an account signed in from stays known to it, and exempt from the slowing. */
  LOGIN_KNOWN_ADDRESS_DAYS: z.coerce.number().int().positive().max(366).default(30),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  UPLOAD_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().positive().default(366),
  /** Which proxies' X-Forwarded-For to believe (express "trust proxy"): sign-in limits count per client address. */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** smtp://user:pass@host:587 or smtps://…; unset = no e-mail is sent (see docs/DELIVERY.md). */
  SMTP_URL: z.string().url().refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://').optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).default('false'),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(60_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** Without a trailing slash, e.g. https://tiendo.hatrung.thanhhoa.gov.vn */
  publicUrl: string;
  /** Unset means "start the embedded PostgreSQL under dataDir". */
  databaseUrl?: string;
  redisUrl: string;
  queuePrefix: string;
  dataDir: string;
  embeddedPostgresPort: number;
  evidence: EvidenceConfig;
  planImport: PlanImportConfig;
  adminPassword?: string;
  sessionTtlMs: number;
  /** How long a process may answer from memory who a token belongs to; 0 = read the database on every request. */
  credentialCacheMs: number;
  runWorker: boolean;
  /** A job whose worker died is taken over after this long (BullMQ lock duration and stalled check). */
  jobLockMs: number;
  /** Enqueue today's deadline sweep at start (once per day: the day is its job id). */
  sweepOnStart: boolean;
  seed: boolean;
  logSql: boolean;
  limits: SecurityLimits;
  /** express "trust proxy": e.g. "loopback", "10.0.0.0/8", a hop count such as "1", or "false". */
  trustProxy: string | number | boolean;
  email: EmailConfig;
  webhooks: WebhookConfig;
}

/** Outgoing e-mail through the outbox; see docs/DELIVERY.md. */
export interface EmailConfig {
  /** Unset: the relay sends nothing and leaves the outbox as it is. */
  smtpUrl?: string;
  /** The From header, e.g. "Tiến độ <tiendo@hatrung.gov.vn>"; its domain also names Message-IDs. */
  from: string;
  maxAttempts: number;
  /** Wait before the second attempt; doubled at each further one. */
  retryBaseMs: number;
}

export interface WebhookConfig {
  /** Lets endpoints on private, loopback and link-local addresses (and plain http) through: tests and closed networks only. */
  allowPrivateUrls: boolean;
  maxAttempts: number;
  /** Wait before the second attempt; doubled at each further one. */
  retryBaseMs: number;
  timeoutMs: number;
}

/** Numbers that bound what one request or one address may cost the server. */
export interface SecurityLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Upper bound on rows a query may fan out to: page sizes of nested lists multiplied. */
  maxCost: number;
  /** Failures on one account from one address within loginAccountAddressWindowSeconds: then ACCOUNT_LOCKED, from there only. */
  loginFailuresPerAccountAddress: number;
  loginAccountAddressWindowSeconds: number;
  /** Failures on one account from everywhere within loginFailureWindowSeconds: then its sign-ins are slowed. */
  loginFailuresPerAccount: number;
  /** Failures from one address on any accounts within loginFailureWindowSeconds: then TOO_MANY_REQUESTS. */
  loginFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  /** Query cost points per caller and window, shared by every API process through Redis. */
  budget: BudgetLimits;
  /** A slowed account takes one attempt per this many seconds from addresses it has not signed in from. */
  loginThrottleSeconds: number;
  loginKnownAddressSeconds: number;
  requestTimeoutMs: number;
  /** Evidence uploads from a phone on a slow link take minutes, not seconds. */
  uploadTimeoutMs: number;
  apiTokenMaxDays: number;
}

/** See docs/INTEGRATORS.md §6: what each caller may spend, in the points the cost limit counts. */
export interface BudgetLimits {
  userPoints: number;
  tokenPoints: number;
  /** Per client address (TRUST_PROXY decides which address that is). */
  anonymousPoints: number;
  windowSeconds: number;
}

/** Where evidence files are kept and how large uploads may be; see docs/EVIDENCE.md. */
export interface EvidenceConfig {
  storage: 'local' | 's3';
  /** The local store, and in every mode the staging folder for uploads being received. */
  dir: string;
  maxFileBytes: number;
  maxFiles: number;
  s3?: {
    endpoint?: string;
    region: string;
    bucket: string;
    prefix: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
}

/** Plans read from their documents (server/modules/plan-import). */
export interface PlanImportConfig {
  maxFileBytes: number;
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
  if (e.EVIDENCE_STORAGE === 's3' && !e.EVIDENCE_S3_BUCKET) {
    throw new ConfigError('Invalid environment: EVIDENCE_S3_BUCKET is required when EVIDENCE_STORAGE=s3');
  }
  if (e.SMTP_URL && !e.EMAIL_FROM) {
    throw new ConfigError('Invalid environment: EMAIL_FROM is required when SMTP_URL is set');
  }
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    throw new ConfigError('Invalid environment: DATABASE_URL is required in production');
  }
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    dataDir: e.DATA_DIR,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    evidence: {
      storage: e.EVIDENCE_STORAGE,
      dir: e.EVIDENCE_DIR ?? `${e.DATA_DIR}/evidence`,
      maxFileBytes: e.EVIDENCE_MAX_FILE_BYTES,
      maxFiles: e.EVIDENCE_MAX_FILES,
      s3:
        e.EVIDENCE_STORAGE === 's3'
          ? {
              endpoint: e.EVIDENCE_S3_ENDPOINT,
              region: e.EVIDENCE_S3_REGION,
              bucket: e.EVIDENCE_S3_BUCKET!,
              prefix: e.EVIDENCE_S3_PREFIX,
              accessKeyId: e.EVIDENCE_S3_ACCESS_KEY_ID,
              secretAccessKey: e.EVIDENCE_S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.EVIDENCE_S3_FORCE_PATH_STYLE === 'true',
            }
          : undefined,
    },
    planImport: { maxFileBytes: e.PLAN_IMPORT_MAX_BYTES },
    adminPassword: e.ADMIN_PASSWORD,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    credentialCacheMs: e.CREDENTIAL_CACHE_SECONDS * 1000,
    runWorker: e.RUN_WORKER === 'true',
    jobLockMs: e.JOB_LOCK_SECONDS * 1000,
    sweepOnStart: e.SWEEP_ON_START === 'true',
    seed: e.SEED === 'true',
    logSql: e.LOG_SQL === 'true',
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    email: {
      smtpUrl: e.SMTP_URL,
      from: e.EMAIL_FROM ?? 'Tiến độ <tiendo@localhost>',
      maxAttempts: e.EMAIL_MAX_ATTEMPTS,
      retryBaseMs: e.EMAIL_RETRY_BASE_SECONDS * 1000,
    },
    webhooks: {
      allowPrivateUrls: e.WEBHOOK_ALLOW_PRIVATE_URLS === 'true',
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      loginFailuresPerAccountAddress: e.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
      loginAccountAddressWindowSeconds: e.LOGIN_ACCOUNT_AND_ADDRESS_WINDOW_SECONDS,
      loginFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      loginFailureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
      budget: {
        userPoints: e.API_BUDGET_USER_POINTS,
        tokenPoints: e.API_BUDGET_TOKEN_POINTS,
        anonymousPoints: e.API_BUDGET_ANONYMOUS_POINTS,
        windowSeconds: e.API_BUDGET_WINDOW_SECONDS,
      },
      loginThrottleSeconds: e.LOGIN_THROTTLE_SECONDS,
      loginKnownAddressSeconds: e.LOGIN_KNOWN_ADDRESS_DAYS * 86_400,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      uploadTimeoutMs: e.UPLOAD_TIMEOUT_MS,
      apiTokenMaxDays: e.API_TOKEN_MAX_DAYS,
    },
  };
}
