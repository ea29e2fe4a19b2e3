import { Create } from 'react-admin';
import { UnitInputs } from './UnitInputs.js';

export default function UnitCreate() {
  return (
    <Create redirect="show">
      <UnitInputs creating />
    </Create>
  );
}
