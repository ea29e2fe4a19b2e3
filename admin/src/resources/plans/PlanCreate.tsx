import { Create } from 'react-admin';
import { PlanInputs } from './PlanInputs.js';

export default function PlanCreate() {
  return (
    <Create redirect="show">
      <PlanInputs creating />
    </Create>
  );
}
