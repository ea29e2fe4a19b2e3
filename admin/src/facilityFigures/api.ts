import { gqlRequest } from '../graphql.js';

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
