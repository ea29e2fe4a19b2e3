import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps response times from revealing usernames. */
export const DUMMY_HASH = await hashPassword('not-a-real-password-for-timing');
