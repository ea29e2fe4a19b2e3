import {
  AutocompleteInput, DateInput, FormDataConsumer, ReferenceInput, SimpleForm, TextInput, required, useRecordContext,
} from 'react-admin';
import { EnumInput } from '../../fields.js';
import type { Assignment } from '../../types.js';

/** The planning a form may change; any change of it must say why (the API refuses it otherwise). */
const PLANNING = ['dueDate', 'role', 'assumption'] as const;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value ?? '') || '';

export function planningChanged(values: Partial<Assignment>, record: Partial<Assignment> | undefined): boolean {
  if (!record) return false;
  return PLANNING.some((field) => text(values[field]) !== text(record[field]));
}

/** What the catalogue owner sets: which unit does which task, in which role, by when. Progress is reported from "My work". */
export function AssignmentInputs({ creating = false }: { creating?: boolean }) {
  const record = useRecordContext<Assignment>();
  const reasonRequired = (value: string | undefined, values: Partial<Assignment>) =>
    planningChanged(values, record) && !value?.trim() ? 'app.assignment.reason_required' : undefined;
  return (
    <SimpleForm>
      <ReferenceInput source="taskId" reference="Task" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText={(t: { number: string; title: string }) => `${t.number}. ${t.title}`} validate={required()} disabled={!creating} />
      </ReferenceInput>
      <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <EnumInput source="role" enumName="AssignmentRole" validate={required()} />
      <DateInput source="dueDate" validate={creating ? undefined : required()} />
      <TextInput source="assumption" multiline minRows={2} fullWidth />
      {!creating && (
        <FormDataConsumer<Partial<Assignment>>>
          {({ formData }) =>
            planningChanged(formData, record) ? (
              <TextInput
                source="reason"
                label="app.assignment.reason_label"
                helperText="app.assignment.reason_help"
                multiline
                minRows={2}
                fullWidth
                validate={reasonRequired}
                isRequired
                slotProps={{ htmlInput: { 'data-testid': 'reason-input', maxLength: 2000 } }}
              />
            ) : null
          }
        </FormDataConsumer>
      )}
    </SimpleForm>
  );
}
