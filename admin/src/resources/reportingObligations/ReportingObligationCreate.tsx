import { Create } from 'react-admin';
import { ReportingObligationInputs } from './ReportingObligationInputs.js';

export default function ReportingObligationCreate() {
  return (
    <Create redirect="show">
      <ReportingObligationInputs creating />
    </Create>
  );
}
