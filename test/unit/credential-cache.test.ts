import { describe, expect, it } from 'vitest';
import { CredentialCache, type CachedCredential } from '../../server/auth/credential-cache.js';
import { Role } from '../../server/modules/users/user.entity.js';

const NOW = Date.UTC(2024, 0, 1);
const session = (id: string, expiresAt = NOW + 3_600_000): CachedCredential => ({
  viewer: { id, username: id, role: Role.OFFICER, unitId: 'unit' },
  expiresAt,
});

function listening(ttlMs = 30_000) {
  const cache = new CredentialCache(ttlMs);
  cache.enable();
  return cache;
}

describe('the credential cache', () => {
  it('remembers a credential it may keep, and forgets every credential of a user when told', () => {
    const cache = listening();
    cache.set('phone', session('u1'), cache.version(), NOW);
    cache.set('laptop', session('u1'), cache.version(), NOW);
    cache.set('other', session('u2'), cache.version(), NOW);
    expect(cache.get('phone', NOW)?.viewer.id).toBe('u1');
    cache.evict('u1');
    expect(cache.get('phone', NOW)).toBeUndefined();
    expect(cache.get('laptop', NOW)).toBeUndefined();
    expect(cache.get('other', NOW)?.viewer.id).toBe('u2');
  });

  it('never answers for a credential past its own expiry', () => {
    const cache = listening();
    cache.set('t', session('u1', NOW + 1000), cache.version(), NOW);
    expect(cache.get('t', NOW + 999)).toBeDefined();
    expect(cache.get('t', NOW + 1000)).toBeUndefined();
    cache.set('gone', session('u1', NOW), cache.version(), NOW);
    expect(cache.get('gone', NOW - 1)).toBeUndefined();
  });

  it('does not keep a lookup read while an invalidation arrived', () => {
    const cache = listening();
    const version = cache.version();
    cache.evict('someone-else');
    cache.set('t', session('u1'), version, NOW);
    expect(cache.get('t', NOW)).toBeUndefined();
  });

  it('keeps nothing while invalidations cannot be heard, nor a lookup begun before they could be heard again', () => {
    const cache = new CredentialCache(30_000);
    cache.set('t', session('u1'), cache.version(), NOW);
    expect(cache.get('t', NOW)).toBeUndefined();

    cache.enable();
    cache.set('t', session('u1'), cache.version(), NOW);
    const begun = cache.version();
    cache.disable();
    expect(cache.get('t', NOW)).toBeUndefined();
    cache.enable();
    cache.set('t', session('u1'), begun, NOW);
    expect(cache.get('t', NOW)).toBeUndefined();
  });

  it('with a TTL of 0 it keeps nothing', () => {
    const cache = listening(0);
    cache.set('t', session('u1'), cache.version(), NOW);
    expect(cache.get('t', NOW)).toBeUndefined();
  });
});
