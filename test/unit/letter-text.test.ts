import { describe, expect, it } from 'vitest';
import {
  bodySymbol, committeeShortName, letterFileName, letterhead, letterheadLines, longDate, numberLine, placeAndDate, planCitation,
  planNameAndTopic, signerTitleLines, subjectLine,
} from '../../server/modules/letters/letter-text.js';

const plan = {
  number: '97/KH-UBND',
  title: 'Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số trong trường học',
  issuingBody: 'Ủy ban nhân dân huyện Hà Trung',
  issueDate: '2022-04-12',
  issuePlaceAndDate: 'Hà Trung, ngày 12 tháng 4 năm 2022',
  signerName: 'Hoàng Văn Long',
  signerTitle: 'KT. Chủ tịch — Phó Chủ tịch',
};

describe('the wording of an urging letter (Decree 30/2020/NĐ-CP)', () => {
  it('writes a day below 10 and a month below 3 with a leading zero, and no other', () => {
    expect(longDate('2023-01-05')).toBe('ngày 05 tháng 01 năm 2023');
    expect(longDate('2023-02-28')).toBe('ngày 28 tháng 02 năm 2023');
    expect(longDate('2026-04-09')).toBe('ngày 09 tháng 4 năm 2026');
    expect(longDate('2026-11-30')).toBe('ngày 30 tháng 11 năm 2026');
  });

  it('takes the place from the plan, or from the issuing body’s locality', () => {
    expect(placeAndDate(plan, '2023-01-05')).toBe('Hà Trung, ngày 05 tháng 01 năm 2023');
    expect(placeAndDate({ ...plan, issuePlaceAndDate: null, issuingBody: 'Ủy ban nhân dân thị xã Bỉm Sơn' }, '2023-03-10')).toBe(
      'Bỉm Sơn, ngày 10 tháng 3 năm 2023',
    );
  });

  it('heads the letter with the issuing body in capitals and a blank number for the clerk', () => {
    expect(letterhead(plan.issuingBody)).toBe('ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG');
    expect(numberLine(plan.issuingBody)).toBe('Số:       /UBND-VP');
    expect(bodySymbol('Sở Thông tin và Truyền thông')).toBe('STTVTT');
  });

  it('sets a people’s committee on two lines and shortens it to "UBND huyện" inside its own documents', () => {
    expect(letterheadLines(plan.issuingBody)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN HÀ TRUNG']);
    expect(letterheadLines('Sở Thông tin và Truyền thông')).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(committeeShortName(plan.issuingBody)).toBe('UBND huyện');
    expect(committeeShortName('Uỷ ban nhân dân thị xã Bỉm Sơn')).toBe('UBND thị xã');
    expect(committeeShortName('Sở Thông tin và Truyền thông')).toBe('Sở Thông tin và Truyền thông');
  });

  it('adds what a numbered plan is about to its number, and names an unnumbered one by its title alone', () => {
    expect(planNameAndTopic(plan)).toBe('Kế hoạch số 97/KH-UBND về hỗ trợ, thúc đẩy chuyển đổi số trong trường học');
    expect(planNameAndTopic({ ...plan, number: null })).toBe('Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số trong trường học');
  });

  it('cites the plan by number and date when it has them, by its title when it has not', () => {
    expect(subjectLine(plan)).toBe('V/v đôn đốc thực hiện Kế hoạch số 97/KH-UBND');
    expect(planCitation(plan)).toBe(
      'Kế hoạch số 97/KH-UBND ngày 12/04/2022 của Ủy ban nhân dân huyện Hà Trung về hỗ trợ, thúc đẩy chuyển đổi số trong trường học',
    );
    const unnumbered = { ...plan, number: null, issueDate: null, issuePlaceAndDate: 'Hà Trung, tháng 4 năm 2022' };
    expect(subjectLine(unnumbered)).toBe('V/v đôn đốc thực hiện Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số trong trường học');
    expect(planCitation(unnumbered)).toBe(
      'Kế hoạch tháng 4 năm 2022 của Ủy ban nhân dân huyện Hà Trung về hỗ trợ, thúc đẩy chuyển đổi số trong trường học',
    );
  });

  it('splits the signer’s title into its lines of authority, in capitals', () => {
    expect(signerTitleLines(plan.signerTitle)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerTitleLines('TM. Ủy ban nhân dân\nChủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signerTitleLines(null)).toEqual(['CHỦ TỊCH']);
  });

  it('names the file in ASCII', () => {
    expect(letterFileName('PHONG-GDDT', '2023-01-05')).toBe('Don-doc-PHONG-GDDT-05-01-2023.docx');
    expect(letterFileName('XÃ ĐÔNG', '2023-01-05')).toBe('Don-doc-XA-DONG-05-01-2023.docx');
  });
});
