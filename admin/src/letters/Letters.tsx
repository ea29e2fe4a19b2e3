import {
  Box, Button, Card, CardContent, Chip, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useMediaQuery, type Theme,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useGetList, useStore, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatDay, formatInstant } from '../format.js';
import { fetchLetters, type LetterState, type UrgingLetterItem } from './api.js';

/** The plan the overview opens on (dashboard/Dashboard.tsx), without loading the overview's charts here. */
const DEFAULT_PLAN_CODE = 'HT-CDS-TTKDTM-2022';

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
  const [chosen, setChosen] = useStore<string | null>('dashboard.planId', null);
  const { data: plans, isPending: plansPending } = useGetList('Plan', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    meta: { sparseFields: ['id', 'code', 'title'] },
  });
  const planId = (plans?.find((p) => p.id === chosen) ?? plans?.find((p) => p.code === DEFAULT_PLAN_CODE) ?? plans?.[0])?.id as
    | string
    | undefined;
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
      {plans && plans.length > 1 && (
        <TextField
          select
          size="small"
          label={translate('app.dashboard.plan')}
          value={planId ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          sx={{ width: { xs: '100%', md: 640 } }}
          slotProps={{ select: { renderValue: (value) => plans.find((p) => p.id === value)?.code ?? '' } }}
        >
          {plans.map((p) => (
            <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: 'normal', maxWidth: 640 }}>
              {p.code} — {p.title}
            </MenuItem>
          ))}
        </TextField>
      )}
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
