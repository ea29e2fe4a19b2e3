import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { FacilityInputs } from './FacilityInputs.js';

export default function FacilityEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <FacilityInputs />
    </Edit>
  );
}
