import { Create } from 'react-admin';
import { TaskInputs } from './TaskInputs.js';

export default function TaskCreate() {
  return (
    <Create redirect="show">
      <TaskInputs creating />
    </Create>
  );
}
