import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { UserInputs } from './UserInputs.js';

export default function UserEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <UserInputs />
    </Edit>
  );
}
