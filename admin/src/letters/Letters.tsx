import {
  Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery, type Theme,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatDay, formatInstant } from '../format.js';
import { fetchLetters, type LetterState, type UrgingLetterItem } from './api.js';
import { PlanSelect, usePlanChoice } from '../resources/plans/PlanPicker.js';

/** The plan the overview opens on (dashboard/Dashboard.tsx), without loading the overview's charts here. */

const STATE_COLOURS: Record<LetterState, 'default' | 'success' | 'error'> = { PENDING: 'default', READY: 'success', FAILED: 'error' };

function StateChip({ letter }: { letter: UrgingLetterItem }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATE_COLOURS[letter.state]}
      label={translate(`app.letters.state.${letter.state}`)}
      title={letter.error ?? undefined}
      data-testid="letter-state"
      data-value={letter.state}
    />
  );
}

function DownloadButton({ letter }: { letter: UrgingLetterItem }) {
  const translate = useTranslate();
  if (!letter.downloadUrl) return null;
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={letter.downloadUrl} download={letter.fileName ?? undefined} data-testid="letter-download">
      {translate('app.letters.download')}
    </Button>
  );
}

function requester(letter: UrgingLetterItem, translate: (key: string) => string) {
  return letter.automatic ? translate('app.letters.automatic') : letter.requestedByName ?? '—';
}

/** On a phone, one card per letter: the state and the download stay in view without scrolling sideways. */
function LetterCards({ letters }: { letters: UrgingLetterItem[] }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {letters.map((letter) => (
        <Card key={letter.id} variant="outlined" data-testid="letter-row" data-letter-id={letter.id} data-unit-code={letter.unit.code}>
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, '&:last-child': { pb: 1 } }}>
            <Typography variant="subtitle2">{letter.unit.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDay(letter.day)} · {translate('app.letters.count')}: {letter.assignmentCount} · {requester(letter, translate)}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
              <StateChip letter={letter} />
              <DownloadButton letter={letter} />
            </Box>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}

/**
 * The plan's urging letters, newest first: the leadership and the coordinating office see every unit's,
 * a unit its own. While a letter is being drafted the list asks again every two seconds.
 */
export default function Letters() {
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { plans, planId, setPlanId, isPending: plansPending } = usePlanChoice();
  const letters = useQuery({
    queryKey: ['urgingLetters', planId],
    queryFn: () => fetchLetters(planId!),
    enabled: !!planId,
    refetchInterval: (query) => (query.state.data?.some((l) => l.state === 'PENDING') ? 2000 : false),
  });

  if (plansPending) return <Loading />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }} data-testid="letters">
      <Title title={translate('app.letters.title')} />
      <PlanSelect plans={plans} planId={planId} onChange={setPlanId} />
      {letters.isError ? (
        <Typography color="error">{translate(toAppError(letters.error).message, { _: toAppError(letters.error).message })}</Typography>
      ) : letters.isPending ? (
        <Loading />
      ) : !letters.data?.length ? (
        <Typography color="text.secondary" data-testid="letters-empty">{translate('app.letters.empty')}</Typography>
      ) : isSmall ? (
        <LetterCards letters={letters.data} />
      ) : (
        <Card variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.letters.day')}</TableCell>
                <TableCell>{translate('app.letters.unit')}</TableCell>
                <TableCell align="right">{translate('app.letters.count')}</TableCell>
                <TableCell>{translate('app.letters.requested_by')}</TableCell>
                <TableCell>{translate('app.letters.state_label')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {letters.data.map((letter) => (
                <TableRow key={letter.id} data-testid="letter-row" data-letter-id={letter.id} data-unit-code={letter.unit.code}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(letter.day)}</TableCell>
                  <TableCell>{letter.unit.name}</TableCell>
                  <TableCell align="right">{letter.assignmentCount}</TableCell>
                  <TableCell>
                    {requester(letter, translate)}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {formatInstant(letter.createdAt)}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <StateChip letter={letter} />
                  </TableCell>
                  <TableCell>
                    <DownloadButton letter={letter} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </Box>
  );
}
