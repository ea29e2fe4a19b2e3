import { AutocompleteInput, BooleanInput, DateInput, NumberInput, ReferenceInput, SimpleForm, TextArrayInput, minValue, required } from 'react-admin';

export function IndicatorValueInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <ReferenceInput source="facilityId" reference="Facility" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <DateInput source="asOf" validate={required()} disabled={!creating} />
      <BooleanInput source="usesDigitalPlatform" />
      <BooleanInput source="acceptsCashless" />
      <TextArrayInput source="platforms" />
      <NumberInput source="totalTransactions" validate={minValue(0)} />
      <NumberInput source="cashlessTransactions" validate={minValue(0)} />
    </SimpleForm>
  );
}
