import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { ReportingObligationInputs } from './ReportingObligationInputs.js';

export default function ReportingObligationEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <ReportingObligationInputs />
    </Edit>
  );
}
