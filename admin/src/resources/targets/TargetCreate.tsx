import { Create } from 'react-admin';
import { TargetInputs } from './TargetInputs.js';

export default function TargetCreate() {
  return (
    <Create redirect="show">
      <TargetInputs />
    </Create>
  );
}
