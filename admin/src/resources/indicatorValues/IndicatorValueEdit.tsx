import { Edit } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { IndicatorValueInputs } from './IndicatorValueInputs.js';

export default function IndicatorValueEdit() {
  const onError = useConflictReload();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <IndicatorValueInputs />
    </Edit>
  );
}
