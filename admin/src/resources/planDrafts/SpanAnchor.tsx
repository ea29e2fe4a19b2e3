import { IconButton, Tooltip } from '@mui/material';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import { useSourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { TextSpan } from './api.js';
import { useSpanFocus } from './spanFocus.js';

/**
 * Where an item was read from, kept in the form's values (so it follows the item when others are
 * removed) and shown as a button that marks it in the source: the way in for keyboard and touch.
 * An item the user added has no span and no button.
 */
export function SpanAnchor({ source = 'span' }: { source?: string }) {
  const translate = useTranslate();
  const path = useSourceContext().getSource(source);
  const span = useWatch({ name: path }) as TextSpan | null | undefined;
  const { focus } = useSpanFocus();
  if (!span) return null;
  const label = translate('resources.PlanDraft.review.show_in_source');
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={() => focus(span)}
        data-span-start={span.start}
        data-span-end={span.end}
        data-testid="span-anchor"
        sx={{ alignSelf: 'flex-start' }}
      >
        <FindInPageIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
