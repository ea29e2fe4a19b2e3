import {
  AutocompleteInput, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, minLength, required, useTranslate, type SimpleFormProps,
} from 'react-admin';
import { EnumInput } from '../../fields.js';

/**
 * Validity in days rather than a date picker, whose format follows the browser's locale, not dd/MM/yyyy.
 * At most 365: the API allows 366 days from its own clock, and a client's clock may run a little ahead.
 */
export const VALIDITY_DAYS = [30, 90, 180, 365] as const;

export function ApiTokenInputs(props: Omit<SimpleFormProps, 'children'>) {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={{ scope: 'READ', validDays: 90 }} {...props}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(120)]} fullWidth />
      <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <EnumInput source="scope" enumName="ApiTokenScope" validate={required()} />
      <SelectInput
        source="validDays"
        label="app.api_token.valid_days"
        choices={VALIDITY_DAYS.map((days) => ({ id: days, name: translate('app.api_token.days', { smart_count: days }) }))}
        translateChoice={false}
        validate={required()}
      />
    </SimpleForm>
  );
}
