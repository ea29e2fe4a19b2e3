import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { TaskInputs } from './TaskInputs.js';

export default function TaskEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <TaskInputs />
    </Edit>
  );
}
