import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { CalendarDayInputs } from './CalendarDayInputs.js';

export default function CalendarDayEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <CalendarDayInputs />
    </Edit>
  );
}
