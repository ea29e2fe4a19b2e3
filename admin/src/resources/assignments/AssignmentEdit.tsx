import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { AssignmentInputs } from './AssignmentInputs.js';

export default function AssignmentEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <AssignmentInputs />
    </Edit>
  );
}
