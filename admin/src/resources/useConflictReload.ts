import { useNotify, useRefresh } from 'react-admin';
import { isConflict, toAppError } from '../errors.js';

/**
 * For edit forms: a stale version is refused by the API as CONFLICT; say so in Vietnamese and
 * reload the record so the user sees what the other person saved before trying again.
 */
export function useConflictReload() {
  const notify = useNotify();
  const refresh = useRefresh();
  return (error: unknown) => {
    const e = toAppError(error);
    notify(e.message, { type: 'error', autoHideDuration: 8000 });
    if (isConflict(e)) refresh();
  };
}
