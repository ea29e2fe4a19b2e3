import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type GraphQLResponse, type TestServer } from '../helpers/server.js';
import { code, unitId } from './helpers.js';

let server: TestServer;
let admin: string;
let gddtUnit: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  gddtUnit = await unitId(server, admin, 'PHONG-GDDT');
});
afterAll(() => server?.close());

const CREATE = `mutation($username: String!, $fullName: String!, $password: String!, $unitId: ID!) {
  createUser(username: $username, fullName: $fullName, role: OFFICER, unitId: $unitId, password: $password) { id username }
}`;
const SET_PASSWORD = 'mutation($id: ID!, $v: Int!, $p: String!) { updateUser(id: $id, version: $v, password: $p) { version } }';

function createOfficer3(password: string, token = admin) {
  return server.gql(CREATE, { username: 'officer3', fullName: 'Nguyễn Văn A', password, unitId: gddtUnit }, token);
}

async function account(username: string): Promise<{ id: string; version: number }> {
  const res = await server.gql('query($q: String) { allUsers(filter: { q: $q }) { id username version } }', { q: username }, admin);
  return res.data!.allUsers.find((u: { username: string }) => u.username === username);
}

/** The reason given for the password, from either the argument's validation or the service. */
function passwordReason(res: GraphQLResponse): string {
  expect(code(res)).toBe('BAD_USER_INPUT');
  const field = res.errors![0].extensions!.fields[0];
  expect(field.field).toBe('password');
  return field.problems.join(' ');
}

describe('passwords easy to guess are refused wherever a password is set', () => {
  it('the username, the name, a place, the product, a common password and a near-repeat are each refused for officer3 (Nguyễn Văn A), saying why in Vietnamese', async () => {
    const cases: Array<[string, RegExp]> = [
      ['officer3', /không được chứa tên đăng nhập \("officer3"\)/],
      ['nguyenvana1', /không được chứa họ tên/],
      ['hatrung2022', /quá dễ đoán: có địa danh "hatrung"/],
      ['tiendo2024', /quá dễ đoán: có tên phần mềm, cơ quan hoặc từ quen thuộc của công việc \("tiendo"\)/],
      ['Password1!', /quá dễ đoán: gần giống một mật khẩu phổ biến/],
      ['11111111a', /quá dễ đoán/],
    ];
    for (const [password, reason] of cases) {
      const problems = passwordReason(await createOfficer3(password));
      expect(problems, password).toMatch(reason);
      if (/dễ đoán/.test(problems)) expect(problems).toMatch(/hãy dùng một cụm từ dài, ví dụ bốn từ ngẫu nhiên/);
    }
    expect(await account('officer3')).toBeUndefined();
  });

  it('a password containing the username is refused however it is dressed up, and with tone marks the name still counts', async () => {
    for (const password of ['Officer3-mua-he-nam-ay', 'trời xanh OFFICER3 mây trắng', 'officer.3.lua.chin.vang']) {
      expect(passwordReason(await createOfficer3(password)), password).toMatch(/tên đăng nhập/);
    }
    expect(passwordReason(await createOfficer3('Nguyễn Văn A sinh năm 1990'))).toMatch(/họ tên/);
    expect(passwordReason(await createOfficer3('Hà Trung 2022'))).toMatch(/địa danh "hatrung"/);
  });

  it('a long Vietnamese passphrase is accepted, and its holder signs in with it; only ADMIN may create the account', async () => {
    const passphrase = 'mây trắng bay qua đồi chè xanh';
    const officer = await server.login('gddt');
    expect(code(await createOfficer3(passphrase, officer))).toBe('FORBIDDEN');
    const created = await createOfficer3(passphrase);
    expect(created.errors).toBeUndefined();
    expect(await server.login('officer3', passphrase)).toBeTruthy();
  });

  it('a new password is judged against the account it is for, its username and name known only once the account is loaded', async () => {
    // The vice-chairman's username and name, Hoàng Văn Long, are not in the arguments of a password change.
    const leader = await account('phochutich');
    const username = await server.gql(SET_PASSWORD, { id: leader.id, v: leader.version, p: 'PhoChuTich@2024' }, admin);
    expect(username.errors![0].message).toBe('Mật khẩu không được chứa tên đăng nhập ("phochutich").');
    expect(passwordReason(username)).toMatch(/tên đăng nhập/);
    expect(passwordReason(await server.gql(SET_PASSWORD, { id: leader.id, v: leader.version, p: 'hoangvanlong1975' }, admin))).toMatch(/họ tên/);
    // Nor is the unit: the coordinator's office's name is what a colleague would try.
    const vhtt = await account('vhtt');
    expect(passwordReason(await server.gql(SET_PASSWORD, { id: vhtt.id, v: vhtt.version, p: 'Phòng Văn hóa và Thông tin' }, admin)))
      .toMatch(/quá dễ đoán: có tên đăng nhập, họ tên hoặc tên đơn vị của người dùng/);

    // Nothing changed: each still signs in with the old password.
    for (const username of ['phochutich', 'vhtt']) expect(await server.login(username)).toBeTruthy();
    const tt = await account('tt-hatrung');
    const accepted = await server.gql(SET_PASSWORD, { id: tt.id, v: tt.version, p: 'gió mùa đông bắc thổi qua đồng' }, admin);
    expect(accepted.errors).toBeUndefined();
    expect(await server.login('tt-hatrung', 'gió mùa đông bắc thổi qua đồng')).toBeTruthy();
  });

  it('only ADMIN sets passwords: an officer cannot set another’s or their own through updateUser, nor can the vice-chairman', async () => {
    const strong = 'lúa chiêm lấp ló đầu bờ';
    const target = await account('xa-hason');
    const officer = await server.login('gddt');
    const own = await account('gddt');
    const leader = await server.login('phochutich');
    expect(code(await server.gql(SET_PASSWORD, { id: target.id, v: target.version, p: strong }, officer))).toBe('FORBIDDEN');
    expect(code(await server.gql(SET_PASSWORD, { id: own.id, v: own.version, p: strong }, officer))).toBe('FORBIDDEN');
    expect(code(await server.gql(SET_PASSWORD, { id: target.id, v: target.version, p: strong }, leader))).toBe('FORBIDDEN');
    expect(await server.login('xa-hason', DEMO_PASSWORD)).toBeTruthy();
    expect(code(await server.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'xa-hason', p: strong }))).toBe('UNAUTHENTICATED');
  });
});
