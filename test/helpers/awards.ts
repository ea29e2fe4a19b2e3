/**
 * A known second half of 2022 for the award tests: only four facilities of Hà Bắc reported (one after the
 * year ended), one of them with evidence, and only the Education Office did all its work and sent its
 * annual report on time.
 */
type Sql = <T = Record<string, any>>(text: string, params?: unknown[]) => Promise<T[]>;

/** One facility's figures for the second half of 2022, written as a commune would have reported them. */
async function figures(sql: Sql, code: string, asOf: string, v: { platforms: string[]; channels: string[]; cashless: number; total: number; focal: string | null }) {
  const [row] = await sql<{ id: string }>(
    `insert into indicator_value (id, created_at, updated_at, version, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless,
                                  cashless_transactions, total_transactions, digital_platforms, cashless_channels, focal_person_name)
     select gen_random_uuid(), now(), now(), 1, f.id, ?::date, ?, '{}', ?, ?, ?, ?::digital_platform[], ?::cashless_channel[], ?
       from facility f where f.code = ? returning id`,
    [asOf, v.platforms.length > 0, v.channels.length > 0, v.cashless, v.total, `{${v.platforms.join(',')}}`, `{${v.channels.join(',')}}`, v.focal, code],
  );
  return row.id;
}

export async function seedKnownHalfYear(sql: Sql): Promise<void> {
  // A known half-year: only these facilities reported, and only the Education Office did all its work on time.
  await sql('delete from indicator_value');
  const best = await figures(sql, 'TH-XA-HABAC', '2022-12-20', { platforms: ['SCHOOL_MANAGEMENT', 'SCHOOL_PARENT_CONNECTION'], channels: ['BANK_TRANSFER_QR'], cashless: 60, total: 100, focal: 'Lê Thị Hoa' });
  await figures(sql, 'MN-XA-HABAC', '2022-12-20', { platforms: ['SCHOOL_MANAGEMENT'], channels: ['E_WALLET'], cashless: 40, total: 100, focal: 'Trần Văn An' });
  await figures(sql, 'TYT-XA-HABAC', '2022-12-20', { platforms: ['E_PRESCRIPTION'], channels: ['CARD'], cashless: 75, total: 100, focal: 'Ngô Thị Lan' });
  // Reported after the year ended: not a candidate for 2022.
  await figures(sql, 'THCS-XA-HABAC', '2023-01-15', { platforms: ['SCHOOL_MANAGEMENT'], channels: ['CARD'], cashless: 90, total: 100, focal: 'Vũ Văn Nam' });
  await sql(
    `insert into evidence (id, created_at, updated_at, version, owner_kind, owner_id, unit_id, uploaded_at, original_name, size, content_type,
                           detected_extension, sha256, storage_key)
     select gen_random_uuid(), now(), now(), 1, 'INDICATOR_VALUE', ?, u.id, now(), 'bien-ban.pdf', 100, 'application/pdf', 'pdf', repeat('a', 64), 'evidence/' || gen_random_uuid()
       from unit u where u.code = 'XA-HABAC'`,
    [best],
  );
  await sql(
    `update assignment a set status = 'DONE', progress = 100, started_at = '2022-03-01T02:00:00Z', submitted_at = '2022-12-01T02:00:00Z',
            completed_at = '2022-12-05T02:00:00Z'
       from unit u where u.id = a.unit_id and u.code = 'PHONG-GDDT'`,
  );
  await sql(
    `update unit_report r set state = 'ACCEPTED', results = 'Đã triển khai.', submitted_at = '2022-12-15T02:00:00Z', reviewed_at = '2022-12-16T02:00:00Z'
       from reporting_obligation o, unit u
      where o.id = r.obligation_id and u.id = r.unit_id and u.code = 'PHONG-GDDT' and o.period = 'ANNUAL'`,
  );
}
