import { toAppError, type GraphQLErrorShape } from '../errors.js';
import { GRAPHQL_URL, gqlRequest } from '../graphql.js';

export const EDUCATION_PLATFORMS = ['SCHOOL_MANAGEMENT', 'ONLINE_TEACHING_LEARNING_EXAMS', 'DIGITISED_LEARNING_MATERIALS', 'SCHOOL_PARENT_CONNECTION'];
export const HEALTH_PLATFORMS = [
  'HOSPITAL_MANAGEMENT', 'TELEMEDICINE', 'E_PRESCRIPTION', 'ELECTRONIC_MEDICAL_RECORDS', 'PERSONAL_HEALTH_RECORDS',
  'VACCINATION_MANAGEMENT', 'ONLINE_HEALTH_ADVICE',
];
export const CHANNELS = ['BANK_TRANSFER_QR', 'CARD', 'E_WALLET', 'AUTOMATIC_DEBIT', 'PUBLIC_SERVICE_PORTAL'];

export interface MyFacility {
  id: string;
  code: string;
  name: string;
  sector: 'EDUCATION' | 'HEALTH';
}

export interface Figures {
  periodStart: string;
  periodEnd: string;
  digitalPlatforms: string[];
  cashlessChannels: string[];
  cashlessTransactions: number;
  totalTransactions: number;
  cashlessAmount: number;
  totalAmount: number;
  focalPersonName: string | null;
  focalPersonPhone: string | null;
}

export interface FigureRow extends Figures {
  id: string;
  asOf: string;
  reason: string | null;
  isCurrent: boolean;
  supersedesId: string | null;
  reportedByName: string | null;
  createdAt: string;
}

const ROW = `id asOf periodStart periodEnd digitalPlatforms cashlessChannels cashlessTransactions totalTransactions cashlessAmount
  totalAmount focalPersonName focalPersonPhone reason isCurrent supersedesId reportedByName createdAt`;

export async function fetchMyFacilities(): Promise<MyFacility[]> {
  return (await gqlRequest<{ myFacilities: MyFacility[] }>('{ myFacilities { id code name sector } }')).myFacilities;
}

export async function fetchHistory(facilityId: string): Promise<FigureRow[]> {
  const data = await gqlRequest<{ Facility: { indicatorValues: FigureRow[] } | null }>(
    `query($id: ID!) { Facility(id: $id) { indicatorValues { ${ROW} } } }`,
    { id: facilityId },
  );
  return data.Facility?.indicatorValues ?? [];
}

export async function reportFigures(facilityId: string, input: Figures): Promise<FigureRow> {
  return (
    await gqlRequest<{ reportIndicatorValue: FigureRow }>(
      `mutation($facilityId: ID!, $input: IndicatorFiguresInput!) { reportIndicatorValue(facilityId: $facilityId, input: $input) { ${ROW} } }`,
      { facilityId, input },
    )
  ).reportIndicatorValue;
}

export async function correctFigures(id: string, input: Figures, reason: string): Promise<FigureRow> {
  return (
    await gqlRequest<{ correctIndicatorValue: FigureRow }>(
      `mutation($id: ID!, $input: IndicatorFiguresInput!, $reason: String!) { correctIndicatorValue(id: $id, input: $input, reason: $reason) { ${ROW} } }`,
      { id, input, reason },
    )
  ).correctIndicatorValue;
}

/** One refusal of an imported workbook, by Excel row and column header. */
export interface ImportProblem {
  row: number;
  column: string | null;
  cell: string | null;
  message: string;
  code: string;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  skippedRows: number;
}

/** The entry template's address: the session cookie signs the download in, like the exports. */
export function templateUrl(periodStart: string, periodEnd: string): string {
  const params = new URLSearchParams();
  if (periodEnd) params.set('asOf', periodEnd);
  if (periodStart) params.set('periodStart', periodStart);
  const query = params.toString();
  return `/facilities/template.xlsx${query ? `?${query}` : ''}`;
}

const IMPORT = 'mutation($file: Upload!, $dryRun: Boolean) { importIndicatorValues(file: $file, dryRun: $dryRun) { dryRun rows skippedRows } }';

/**
 * A filled-in template as a GraphQL multipart request, with the header Apollo's CSRF protection requires.
 * A refused workbook rejects with an AppError whose `details.problems` lists every problem.
 */
export async function importWorkbook(file: File, dryRun = false): Promise<ImportResult> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT, variables: { file: null, dryRun } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  let body: { data?: { importIndicatorValues?: ImportResult }; errors?: GraphQLErrorShape[] };
  try {
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST', body: form, credentials: 'include', headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    body = await response.json().catch(() => ({ errors: undefined, status: response.status }));
  } catch (error) {
    throw toAppError(error);
  }
  if (body.errors?.length || !body.data?.importIndicatorValues) throw toAppError(body);
  return body.data.importIndicatorValues;
}
