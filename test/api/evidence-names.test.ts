import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../server/modules/evidence/evidence.download.js';
import { FileCheckError, checkOriginalName } from '../../server/modules/evidence/file-check.js';

describe('evidence file names', () => {
  it('keeps Vietnamese names as written (NFC) and refuses paths and control characters', () => {
    expect(checkOriginalName('Biên bản họp.pdf')).toBe('Biên bản họp.pdf');
    expect(checkOriginalName('Bie\u0302n ba\u0309n.pdf')).toBe('Biên bản.pdf');
    expect(checkOriginalName('  ')).toBe('minh-chung');
    for (const bad of ['../../etc/passwd', '..\\..\\win.ini', 'a/b.pdf', '..', '.', 'x\u0000.pdf', 'x\n.pdf', '..hidden.pdf']) {
      expect(() => checkOriginalName(bad), bad).toThrow(FileCheckError);
    }
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = checkOriginalName(`${'Báo cáo '.repeat(60)}.xlsx`);
    expect(name.length).toBe(255);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('offers the download under the exact UTF-8 name with an ASCII fallback (RFC 6266)', () => {
    const header = contentDisposition('Đánh giá "quý 2" (bản cuối).pdf');
    expect(header).toBe(
      `attachment; filename="Danh gia _quy 2_ (ban cuoi).pdf"; filename*=UTF-8''%C4%90%C3%A1nh%20gi%C3%A1%20%22qu%C3%BD%202%22%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Đánh giá "quý 2" (bản cuối).pdf');
  });
});
