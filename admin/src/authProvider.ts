import type { AuthProvider } from 'react-admin';
import { AppError, toAppError } from './errors.js';
import { gqlRequest } from './graphql.js';
import type { Identity } from './types.js';

const ME = 'query { me { id username fullName role unitId unit { code name } } }';

let cached: Promise<Identity | null> | null = null;

/** Who is signed in, asked once per page load and after each sign-in; the cookie itself is unreadable here. */
export function currentUser(refresh = false): Promise<Identity | null> {
  if (!cached || refresh) {
    cached = gqlRequest<{ me: Identity | null }>(ME)
      .then((data) => data.me)
      .catch((error) => {
        cached = null;
        throw error;
      });
  }
  return cached;
}


export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      await gqlRequest(
        'mutation($username: String!, $password: String!) { login(username: $username, password: $password) { expiresAt } }',
        { username, password },
      );
    } catch (error) {
      const e = toAppError(error);
      // A wrong password is UNAUTHENTICATED too: say so plainly instead of "session ended".
      throw new Error(e.code === 'UNAUTHENTICATED' ? 'app.auth.wrong_credentials' : e.message);
    }
    await currentUser(true);
  },

  async logout() {
    cached = null;
    await gqlRequest('mutation { logout }').catch(() => undefined);
  },

  async checkAuth() {
    const me = await currentUser().catch(() => null);
    if (!me) throw new Error('app.auth.please_sign_in');
  },

  async checkError(error: unknown) {
    const e = error as AppError;
    if (e?.status === 401 || e?.code === 'UNAUTHENTICATED') {
      cached = null;
      throw new Error('app.errors.unauthenticated');
    }
  },

  async getIdentity() {
    const me = await currentUser();
    if (!me) throw new Error('app.auth.please_sign_in');
    return { ...me, id: me.id, fullName: me.fullName };
  },

  async getPermissions() {
    const me = await currentUser().catch(() => null);
    return me?.role ?? null;
  },
};
