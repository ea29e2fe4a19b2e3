import BlockIcon from '@mui/icons-material/Block';
import { DeleteWithConfirmButton, useNotify, useRecordContext, useRefresh } from 'react-admin';

/**
 * "Thu hồi" is the API's delete: the row stays, with its revocation time, for the audit trail. So the
 * list reloads instead of dropping the row as react-admin does after a delete.
 */
export function RevokeButton({ redirect = false }: { redirect?: 'list' | false }) {
  const record = useRecordContext<{ id: string; name: string; revokedAt: string | null }>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || record.revokedAt) return null;
  return (
    <DeleteWithConfirmButton
      label="app.api_token.revoke"
      icon={<BlockIcon />}
      confirmTitle="app.api_token.revoke_title"
      confirmContent="app.api_token.revoke_content"
      translateOptions={{ name: record.name }}
      confirmColor="warning"
      mutationMode="pessimistic"
      redirect={redirect}
      mutationOptions={{
        onSuccess: () => {
          notify('app.api_token.revoked', { type: 'info' });
          refresh();
        },
      }}
      onClick={(e) => e.stopPropagation()}
      data-testid="api-token-revoke"
    />
  );
}
