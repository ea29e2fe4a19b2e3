import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { UnitInputs } from './UnitInputs.js';

export default function UnitEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <UnitInputs />
    </Edit>
  );
}
