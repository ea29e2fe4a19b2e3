import { Create } from 'react-admin';
import { CalendarDayInputs } from './CalendarDayInputs.js';

export default function CalendarDayCreate() {
  return (
    <Create redirect="list">
      <CalendarDayInputs />
    </Create>
  );
}
