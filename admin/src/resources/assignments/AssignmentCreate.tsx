import { Create } from 'react-admin';
import { AssignmentInputs } from './AssignmentInputs.js';

export default function AssignmentCreate() {
  return (
    <Create redirect="show">
      <AssignmentInputs creating />
    </Create>
  );
}
