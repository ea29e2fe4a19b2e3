import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../server/modules/evidence/evidence.download.js';
import { FileCheckError } from '../../server/modules/evidence/file-check.js';
import { checkOriginalName, downloadName } from '../../server/modules/evidence/file-name.js';

describe('evidence file names', () => {
  it('keeps Vietnamese names as written (NFC) and refuses paths and control characters', () => {
    expect(checkOriginalName('Biên bản họp.pdf')).toBe('Biên bản họp.pdf');
    expect(checkOriginalName('Bie\u0302n ba\u0309n.pdf')).toBe('Biên bản.pdf');
    expect(checkOriginalName('  ')).toBe('minh-chung');
    for (const bad of ['../../etc/passwd', '..\\..\\win.ini', 'a/b.pdf', '..', '.', 'x\u0000.pdf', 'x\n.pdf', '..hidden.pdf', 'x\u0085.pdf']) {
      expect(() => checkOriginalName(bad), bad).toThrow(FileCheckError);
    }
  });

  it('takes out direction overrides and other invisible characters instead of refusing the name', () => {
    expect(checkOriginalName('bao\u202efdp.exe')).toBe('baofdp.exe');
    expect(checkOriginalName('bien\u200b-ban\u200d.pdf')).toBe('bien-ban.pdf');
    for (const ch of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200c', '\u2060', '\ufeff', '\u00ad']) {
      expect(checkOriginalName(`bao${ch}cao.pdf`), JSON.stringify(ch)).toBe('baocao.pdf');
    }
    // A mark separated from its letter by an invisible character composes once the character is gone.
    expect(checkOriginalName('Bie\u200b\u0302n ba\u0309n.pdf')).toBe('Biên bản.pdf');
    expect(checkOriginalName('\ufeff\u200b')).toBe('minh-chung');
    // What is left is checked: invisible characters do not smuggle a path through.
    expect(() => checkOriginalName('.\u200b./x.pdf')).toThrow(FileCheckError);
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = checkOriginalName(`${'Báo cáo '.repeat(60)}.xlsx`);
    expect(name.length).toBe(255);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('serves a file under the extension of its content, keeping an extension that already fits', () => {
    expect(downloadName('bao-cao.html', 'pdf')).toBe('bao-cao.pdf');
    expect(downloadName('bao-cao.PDF', 'pdf')).toBe('bao-cao.PDF');
    expect(downloadName('IMG_0001.JPEG', 'jpg')).toBe('IMG_0001.JPEG');
    expect(downloadName('anh.jpg', 'jpg')).toBe('anh.jpg');
    expect(downloadName('IMG_0002.HEIF', 'heic')).toBe('IMG_0002.HEIF');
    expect(downloadName('so-lieu.csv', 'csv')).toBe('so-lieu.csv');
    expect(downloadName('bien-ban', 'pdf')).toBe('bien-ban.pdf');
    expect(downloadName('Báo cáo quý 3.2024', 'docx')).toBe('Báo cáo quý 3.2024.docx');
    expect(downloadName('Họp.tập huấn', 'pdf')).toBe('Họp.tập huấn.pdf');
    expect(downloadName('bao-cao.pdf.exe', 'pdf')).toBe('bao-cao.pdf');
    expect(downloadName('danh-sach.xls', 'xlsx')).toBe('danh-sach.xlsx');
    expect(downloadName('bao-cao.', 'pdf')).toBe('bao-cao.pdf');
    expect(downloadName('.pdf', 'pdf')).toBe('minh-chung.pdf');
    const long = downloadName(`${'a'.repeat(252)}.html`, 'pdf');
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('cleans names stored before they were cleaned at upload', () => {
    expect(downloadName('bao\u202efdp.exe', 'pdf')).toBe('baofdp.pdf');
    expect(downloadName('bien\u200b-ban.pdf', 'pdf')).toBe('bien-ban.pdf');
    expect(contentDisposition('bao\u202efdp.pdf')).toBe(`attachment; filename="baofdp.pdf"; filename*=UTF-8''baofdp.pdf`);
  });

  it('offers the download under the exact UTF-8 name with an ASCII fallback (RFC 6266)', () => {
    const header = contentDisposition('Đánh giá "quý 2" (bản cuối).pdf');
    expect(header).toBe(
      `attachment; filename="Danh gia _quy 2_ (ban cuoi).pdf"; filename*=UTF-8''%C4%90%C3%A1nh%20gi%C3%A1%20%22qu%C3%BD%202%22%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Đánh giá "quý 2" (bản cuối).pdf');
  });
});
