import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { PlanInputs } from './PlanInputs.js';

export default function PlanEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <PlanInputs />
    </Edit>
  );
}
