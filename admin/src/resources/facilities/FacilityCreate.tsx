import { Create } from 'react-admin';
import { FacilityInputs } from './FacilityInputs.js';

export default function FacilityCreate() {
  return (
    <Create redirect="show">
      <FacilityInputs creating />
    </Create>
  );
}
