import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { AutocompleteInput, DateInput, ReferenceInput, TextInput, required, useTranslate } from 'react-admin';
import { SpanAnchor } from './SpanAnchor.js';
import { useSpanZone } from './spanFocus.js';

/**
 * A part of the review form, titled, whose items light up their words in the source. A part that is
 * one item itself (the header) names where its span is, and its button sits beside the title.
 */
export function DraftSection({
  title,
  hint,
  testId,
  spanSource,
  children,
}: {
  title: string;
  hint?: string;
  testId: string;
  spanSource?: string;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const zone = useSpanZone();
  return (
    <Box
      component="section"
      {...zone}
      data-span-item={spanSource ? true : undefined}
      data-testid={testId}
      sx={{ width: '100%', '& .RaSimpleFormIterator-line:focus-within': { bgcolor: 'action.hover' } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2 }}>
        <Typography variant="h6" component="h2">
          {translate(title)}
        </Typography>
        {spanSource && <SpanAnchor source={spanSource} />}
      </Box>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(hint)}
        </Typography>
      )}
      {children}
    </Box>
  );
}

const pair = { display: 'flex', gap: 2, flexWrap: 'wrap', '& > *': { flex: '1 1 200px' } } as const;

/** The plan's identity as its heading and signature give it; the parent plan when the document names one. */
export function DraftHeaderInputs() {
  return (
    <DraftSection title="resources.PlanDraft.review.header" testId="draft-header" spanSource="header.span">
      <Box sx={{ display: 'flex', flexDirection: 'column' }}>
        <TextInput source="header.title" validate={required()} multiline fullWidth />
        <Box sx={pair}>
          <TextInput source="header.code" validate={required()} helperText="resources.PlanDraft.review.code_hint" />
          <TextInput source="header.number" />
        </Box>
        <TextInput source="header.issuingBody" validate={required()} fullWidth />
        <Box sx={pair}>
          <DateInput source="header.issueDate" />
          <TextInput source="header.issuePlaceAndDate" />
        </Box>
        <Box sx={pair}>
          <DateInput source="header.periodStart" validate={required()} />
          <DateInput source="header.periodEnd" validate={required()} />
        </Box>
        <Box sx={pair}>
          <TextInput source="header.signerName" />
          <TextInput source="header.signerTitle" />
        </Box>
        <ReferenceInput source="header.parentPlanId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput optionText="code" fullWidth />
        </ReferenceInput>
        <TextInput source="header.parentReference" multiline fullWidth />
        <TextInput source="header.assumption" multiline fullWidth />
      </Box>
    </DraftSection>
  );
}
