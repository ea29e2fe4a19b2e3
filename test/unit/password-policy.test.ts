import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../server/auth/password-policy.js';

const anh = { username: 'anhtt', fullName: 'Trần Thị Anh', unit: ['Xã Hà Bắc', 'Xã Hà Bắc', 'XA-HABAC'] };

describe('what makes a password guessable', () => {
  it('refuses the whole name with or without spaces and tone marks, but not a passphrase that happens to hold a short name part', () => {
    for (const password of ['tranthianh', 'Trần Thị Anh 1990', 'TRAN THI ANH!!']) expect(passwordProblem(password, anh), password).toMatch(/họ tên/);
    // "xanh" holds "anh", "trắng" holds "tran": refusing them would refuse a sound passphrase to everyone so named.
    expect(passwordProblem('mây trắng bay qua đồi chè xanh', anh)).toBeNull();
    // As guessed words, the name's parts still leave a password made of them and a year too weak.
    expect(passwordProblem('TranAnh1990', anh)).toMatch(/quá dễ đoán: có tên đăng nhập, họ tên hoặc tên đơn vị của người dùng/);
  });

  it('reads the words of a phrase written apart as the dictionaries hold them, together and without tone marks', () => {
    expect(passwordProblem('Hà Trung 2022')).toMatch(/địa danh "hatrung"/);
    expect(passwordProblem('Xã Hà Bắc 2024')).toMatch(/địa danh "xahabac"/);
    expect(passwordProblem('chuyển đổi số 2022')).toMatch(/\("chuyendoiso"\)/);
    expect(passwordProblem('Nguyen@2024')).toMatch(/có họ, tên phổ biến/);
  });

  it('asks for length, not composition: a plain lower-case phrase passes, "Password1!" does not, and 128 characters is the most', () => {
    expect(passwordProblem('gió mùa đông bắc thổi qua đồng')).toBeNull();
    expect(passwordProblem('Password1!')).toMatch(/quá dễ đoán/);
    const long = [...'mùa lúa chín vàng trên cánh đồng hà trung năm hai nghìn hai mươi hai, gió thổi qua đồi chè xanh, mây trắng bay về phía biển sầm sơn xa xôi']
      .slice(0, 128)
      .join('');
    expect([...long]).toHaveLength(128);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem(`${long}!`)).toMatch(/tối đa 128 ký tự/);
  });
});
