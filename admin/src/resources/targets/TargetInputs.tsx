import { AutocompleteInput, DateInput, NumberInput, ReferenceInput, SimpleForm, TextInput, maxValue, minValue, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function TargetInputs() {
  return (
    <SimpleForm>
      <ReferenceInput source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="code" validate={required()} />
      </ReferenceInput>
      <TextInput source="code" validate={required()} />
      <TextInput source="title" validate={required()} multiline fullWidth />
      <EnumInput source="sector" enumName="Sector" validate={required()} />
      <EnumInput source="metric" enumName="TargetMetric" validate={required()} />
      <EnumInput source="comparator" enumName="Comparator" validate={required()} />
      <NumberInput source="thresholdPercent" validate={[required(), minValue(0), maxValue(100)]} />
      <DateInput source="deadline" validate={required()} />
    </SimpleForm>
  );
}
