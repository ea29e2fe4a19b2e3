import { Create } from 'react-admin';
import { UserInputs } from './UserInputs.js';

export default function UserCreate() {
  return (
    <Create redirect="show">
      <UserInputs creating />
    </Create>
  );
}
