import { BooleanInput, CheckboxGroupInput, SimpleForm, TextInput, maxLength, required, type SimpleFormProps } from 'react-admin';
import { ENUMS, enumChoices } from '../../fields.js';

const httpsUrl = (value: string) => (value && !/^https?:\/\//i.test(value.trim()) ? 'app.webhook.url_invalid' : undefined);

export function WebhookEndpointInputs(props: Omit<SimpleFormProps, 'children'>) {
  return (
    <SimpleForm defaultValues={{ active: true, events: [...ENUMS.WebhookEventType] }} {...props}>
      <TextInput source="url" validate={[required(), maxLength(2000), httpsUrl]} fullWidth helperText="app.webhook.url_help" />
      <TextInput source="description" validate={maxLength(255)} fullWidth />
      <CheckboxGroupInput
        source="events"
        choices={enumChoices('WebhookEventType', ENUMS.WebhookEventType)}
        validate={required()}
        row={false}
      />
      <BooleanInput source="active" />
    </SimpleForm>
  );
}
