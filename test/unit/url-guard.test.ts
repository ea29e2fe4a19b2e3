import { describe, expect, it } from 'vitest';
import { assertPublicUrl, isPrivateAddress } from '../../server/modules/webhooks/url-guard.js';
import { signWebhook } from '../../server/modules/webhooks/webhook.signing.js';

describe('which addresses a webhook may be sent to', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, reserved and unspecified addresses, IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '100.127.255.255', '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1',
      '::', '::1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1',
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::10.0.0.1', '::127.0.0.1', 'not-an-ip',
    ]) expect(isPrivateAddress(address), address).toBe(true);
  });

  it('lets public addresses through, IPv4-mapped ones included', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '2606:4700::1111']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('asks for https, no credentials in the URL, and a public host unless private URLs are allowed', async () => {
    await expect(assertPublicUrl('http://8.8.8.8/hook', false)).rejects.toThrow('https://');
    await expect(assertPublicUrl('https://user:pw@8.8.8.8/hook', false)).rejects.toThrow('mật khẩu');
    await expect(assertPublicUrl('https://[::1]:8443/hook', false)).rejects.toThrow('mạng nội bộ');
    await expect(assertPublicUrl('không phải url', false)).rejects.toThrow('URL hợp lệ');
    expect((await assertPublicUrl('https://8.8.8.8/hook', false)).host).toBe('8.8.8.8');
    expect((await assertPublicUrl('http://127.0.0.1:9/hook', true)).port).toBe('9');
  });
});

describe('webhook signatures', () => {
  it('match the Standard Webhooks example', () => {
    // The example from the Standard Webhooks specification.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});
