import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config.js';

const compose = parse(await readFile(new URL('../../docker-compose.yml', import.meta.url), 'utf8'));
const dockerfile = await readFile(new URL('../../Dockerfile', import.meta.url), 'utf8');

describe('docker-compose.yml describes the production shape', () => {
  it('has postgres, redis, the API and a separate worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect(compose.services.api.build).toBe('.');
    expect(compose.services.worker.build).toBe('.');
    expect(compose.services.worker.command.join(' ')).toContain('dist/jobs/main.js');
    expect(compose.services.api.command.join(' ')).toContain('dist/server/main.js');
    expect(dockerfile).toMatch(/^FROM node:22/m);
  });

  it('keeps Redis durable and never evicting queue keys', () => {
    const command = compose.services.redis.command.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(compose.services.redis.volumes.length).toBeGreaterThan(0);
  });

  it('runs the API in production against the compose database and Redis, with the worker apart', () => {
    const api = compose.services.api.environment;
    expect(api).toMatchObject({ NODE_ENV: 'production', REDIS_URL: 'redis://redis:6379', RUN_WORKER: 'false' });
    expect(api.DATABASE_URL).toMatch(/^postgres:\/\/tiendo:\$\{POSTGRES_PASSWORD\}@postgres:5432\/tiendo$/);
    expect(api.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?/);
    expect(compose.services.worker.environment).toMatchObject({ NODE_ENV: 'production', REDIS_URL: 'redis://redis:6379' });
    expect(compose.services.api.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('keeps evidence files in a named volume, so recreating the API container loses none', () => {
    const dir = compose.services.api.environment.EVIDENCE_DIR;
    expect(dir).toBeTruthy();
    const mount = compose.services.api.volumes.find((v: string) => v.endsWith(`:${dir}`));
    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(mount.split(':')[0]);
  });

  it('sets only variables the server knows, with values its configuration accepts', () => {
    const substitute = (value: string) => value.replace(/\$\{([A-Z_]+)[^}]*\}/g, 'secret-value');
    for (const name of ['api', 'worker']) {
      const env = Object.fromEntries(Object.entries(compose.services[name].environment as Record<string, string>).map(([k, v]) => [k, substitute(String(v))]));
      expect(() => loadConfig(env)).not.toThrow();
      expect(loadConfig(env).isProduction).toBe(true);
    }
  });

  it('commits no secret: passwords come from the environment', () => {
    const text = JSON.stringify(compose);
    expect(text).not.toMatch(/PASSWORD: [^$]/);
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD/);
  });
});
