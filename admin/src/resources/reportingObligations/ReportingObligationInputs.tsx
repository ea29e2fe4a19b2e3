import { AutocompleteInput, DateInput, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function ReportingObligationInputs({ creating = false }: { creating?: boolean }) {
  const unit = (source: string, needed: boolean, editable: boolean) => (
    <ReferenceInput source={source} reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={needed ? required() : undefined} disabled={!editable} />
    </ReferenceInput>
  );
  return (
    <SimpleForm>
      <ReferenceInput source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="code" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <TextInput source="subject" validate={required()} multiline fullWidth />
      <EnumInput source="period" enumName="ReportPeriod" validate={required()} disabled={!creating} />
      <DateInput source="dueBefore" validate={required()} />
      {unit('reporterId', true, creating)}
      {unit('recipientId', true, creating)}
      {unit('throughId', false, true)}
    </SimpleForm>
  );
}
