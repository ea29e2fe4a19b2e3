import { Create } from 'react-admin';
import { IndicatorValueInputs } from './IndicatorValueInputs.js';

export default function IndicatorValueCreate() {
  return (
    <Create redirect="show">
      <IndicatorValueInputs creating />
    </Create>
  );
}
