import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { TargetInputs } from './TargetInputs.js';

export default function TargetEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <TargetInputs />
    </Edit>
  );
}
