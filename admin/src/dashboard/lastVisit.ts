/**
 * "Since your last visit": the previous visit's instant per user and plan in localStorage, read once per
 * browser tab (sessionStorage) so that coming back to the dashboard within the same sitting keeps showing
 * what was new when it began, while the next sitting starts from this one.
 */
const VISIT_KEY = 'tiendo.dashboard.visit';

export function previousVisit(userId: string, planId: string, now: Date = new Date()): string | null {
  const key = `${VISIT_KEY}.${userId}.${planId}`;
  try {
    const sitting = sessionStorage.getItem(key);
    if (sitting !== null) return sitting === '' ? null : sitting;
    const previous = localStorage.getItem(key);
    sessionStorage.setItem(key, previous ?? '');
    localStorage.setItem(key, now.toISOString());
    return previous;
  } catch {
    // Storage refused (private mode, quota): every visit is a first one.
    return null;
  }
}
