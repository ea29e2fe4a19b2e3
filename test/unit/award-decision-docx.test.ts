import mammoth from 'mammoth';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwardDecisionContent } from '../../server/modules/awards/award-decision.content.js';
import { awardDecisionDocx, decisionNumberLine } from '../../server/modules/awards/award-decision.docx.js';
import { zipEntries } from '../../server/shared/zip-timestamps.js';
import { buildAwardDecisionContent } from '../factories/award-decision-content.js';
import { buildSnapshot } from '../factories/compiled-report-snapshot.js';

async function docxText(content: AwardDecisionContent): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: await awardDecisionDocx(content) });
  // mammoth puts a blank line between paragraphs and table cells: one line per paragraph reads better.
  return value.split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n');
}

const PLAN_TOPIC =
  'hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục và bệnh viện, ' +
  'cơ sở y tế trên địa bàn huyện Hà Trung';

describe('the draft award decision as a DOCX', () => {
  let text: string;
  beforeAll(async () => {
    text = await docxText(buildAwardDecisionContent());
  });

  it('heads the decision as Decree 30 asks: the committee on two lines, the national motto, the number, place and date', () => {
    expect(text.split('\n').slice(0, 6)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'HUYỆN HÀ TRUNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 125/QĐ-UBND',
      'Hà Trung, ngày 15 tháng 7 năm 2022',
    ]);
  });

  it('names the decision, what it is about and the chairman who issues it', () => {
    const lines = text.split('\n');
    expect(lines.slice(6, 9)).toEqual([
      'QUYẾT ĐỊNH',
      `Về việc khen thưởng tập thể có thành tích trong thực hiện Kế hoạch ${PLAN_TOPIC} 6 tháng đầu năm 2022`,
      'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG',
    ]);
  });

  it('rests on the local government law, the commendation law and the plan, and on the proposal of the Culture and Information Office', () => {
    expect(text).toContain(
      'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG\n' +
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của ' +
        'Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\n' +
        'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ' +
        'ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;\n' +
        'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n' +
        // The seeded plan was filed without a number or a day: it is cited by the month written on it.
        `Căn cứ Kế hoạch tháng 4 năm 2022 của Ủy ban nhân dân huyện Hà Trung về ${PLAN_TOPIC};\n` +
        'Xét đề nghị của Trưởng phòng Văn hóa và Thông tin.\n' +
        'QUYẾT ĐỊNH:\n' +
        'Điều 1.',
    );
  });

  it('cites a numbered plan by its number and day, in the subject and among the grounds', async () => {
    const plan = { ...buildSnapshot().plan, number: '45/KH-UBND', issueDate: '2022-04-20', issuePlaceAndDate: 'Hà Trung, ngày 20 tháng 4 năm 2022' };
    const numbered = await docxText(buildAwardDecisionContent({ plan, periodLabel: 'năm 2022', periodEnd: '2022-12-31', decisionDate: '2023-01-10' }));
    expect(numbered).toContain(`Về việc khen thưởng tập thể có thành tích trong thực hiện Kế hoạch số 45/KH-UBND về ${PLAN_TOPIC} năm 2022`);
    expect(numbered).toContain(`Căn cứ Kế hoạch số 45/KH-UBND ngày 20/04/2022 của Ủy ban nhân dân huyện Hà Trung về ${PLAN_TOPIC};`);
    expect(numbered).toContain('thiết thực, hiệu quả trong năm 2022:');
  });

  it('cites the commendation law in force on the decision’s day: the 2022 law from 2024 on', async () => {
    const before = await docxText(buildAwardDecisionContent({ decisionDate: '2023-12-29' }));
    const after = await docxText(buildAwardDecisionContent({ decisionDate: '2024-01-05' }));
    expect(before).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;');
    expect(before).not.toContain('98/2023/NĐ-CP');
    expect(after).toContain(
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n' +
        'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    );
    expect(after).not.toContain('91/2017/NĐ-CP');
    expect(after).not.toContain('năm 2003');
  });

  it('gives the certificate of merit in Điều 1 to each honoured group, with its commune and what it achieved', () => {
    expect(text).toContain(
      'Điều 1. Tặng Giấy khen của Chủ tịch UBND huyện cho 03 tập thể đã có thành tích trong chuyển đổi số, ' +
        'thanh toán không dùng tiền mặt thiết thực, hiệu quả trong 6 tháng đầu năm 2022:\n' +
        'STT\nTên tập thể\nXã/thị trấn\nThành tích\n' +
        '1\nTrường Tiểu học Hà Bắc\nXã Hà Bắc\nSử dụng nền tảng số trong quản lý nhà trường; 100% học phí được thu không dùng tiền mặt.\n' +
        '2\nTrạm Y tế thị trấn Hà Trung\nThị trấn Hà Trung\nTriển khai hồ sơ sức khỏe điện tử; 78% giao dịch khám, chữa bệnh được thanh toán qua mã QR.\n' +
        // A district office belongs to no commune.
        '3\nPhòng Giáo dục và Đào tạo\n–\nHoàn thành đúng hạn 100% nhiệm vụ được giao trong Kế hoạch.\n' +
        'Điều 2.',
    );
    // Scores rank the nominations; the decision does not print them.
    expect(text).not.toMatch(/\b95\b|\b88\b|\b90\b/);
  });

  it('rewards per the regulations in Điều 2 and names who carries it out in Điều 3', () => {
    expect(text).toContain(
      'Điều 2. Kèm theo Giấy khen, mỗi tập thể được thưởng theo quy định của pháp luật về thi đua, khen thưởng.',
    );
    expect(text).toContain(
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, ' +
        'Trưởng phòng Văn hóa và Thông tin, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể có tên tại Điều 1 ' +
        'chịu trách nhiệm thi hành Quyết định này./.',
    );
  });

  it('ends with the recipients and the vice-chairman signing for the chairman', () => {
    expect(text).toMatch(
      /\nNơi nhận:\n- Như Điều 3;\n- Chủ tịch, các PCT UBND huyện;\n- Lưu: VT\.\nKT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Long$/,
    );
  });

  it('leaves the number blank for the clerk until one is typed, and completes a bare number with the symbol', async () => {
    const unnumbered = await docxText(buildAwardDecisionContent({ decisionNumber: '' }));
    expect(unnumbered.split('\n')[4]).toBe('Số:       /QĐ-UBND');
    expect(decisionNumberLine('Ủy ban nhân dân huyện Hà Trung', '  ')).toBe('Số:       /QĐ-UBND');
    expect(decisionNumberLine('Ủy ban nhân dân huyện Hà Trung', '125')).toBe('Số: 125/QĐ-UBND');
    expect(decisionNumberLine('Ủy ban nhân dân huyện Hà Trung', 'Số: 125/QĐ-UBND')).toBe('Số: 125/QĐ-UBND');
  });

  it('writes a day below 10 and a month below 3 with a leading zero in the date line', async () => {
    const january = await docxText(buildAwardDecisionContent({ decisionDate: '2023-01-05' }));
    expect(january.split('\n')[5]).toBe('Hà Trung, ngày 05 tháng 01 năm 2023');
  });

  it('refuses to draft a decision that honours nobody or has no valid day', async () => {
    await expect(awardDecisionDocx(buildAwardDecisionContent({ honoured: [] }))).rejects.toThrow(/ít nhất một tập thể/);
    await expect(awardDecisionDocx(buildAwardDecisionContent({ decisionDate: '2022-02-30' }))).rejects.toThrow(/Ngày quyết định không hợp lệ/);
  });
});

describe('drawing an award decision', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical files from the same content, whenever it is drawn', async () => {
    const content = buildAwardDecisionContent();
    // Only the clock moves; the timers stay real for the library's own awaits.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-05T08:00:00Z'));
    const first = await awardDecisionDocx(content);
    vi.setSystemTime(new Date('2031-03-06T09:31:01Z'));
    const second = await awardDecisionDocx(content);
    vi.useRealTimers();

    expect(second.equals(first)).toBe(true);
    // Every entry carries the decision's day, midnight in Hà Trung.
    expect(new Set(zipEntries(first).map((e) => e.modified))).toEqual(new Set(['2022-07-15T00:00:00']));
    const core = zipEntries(first).find((e) => e.name === 'docProps/core.xml')!.read().toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-07-14T17:00:00Z</dcterms:created>');
    expect(core).toContain('<dc:creator>Ủy ban nhân dân huyện Hà Trung</dc:creator>');

    // And different content does give different bytes: the comparison above could fail.
    expect((await awardDecisionDocx(buildAwardDecisionContent({ decisionNumber: '126/QĐ-UBND' }))).equals(first)).toBe(false);
  });
});
