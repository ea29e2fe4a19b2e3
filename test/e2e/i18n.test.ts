import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { raVietnamese } from '../../admin/src/i18n/vi-ra.js';
import { vi, viApp } from '../../admin/src/i18n/vi.js';
import { enApp } from '../../admin/src/i18n/en.js';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the admin’s message catalogues', () => {
  it('Vietnamese has every react-admin message English has, and no stray ones', () => {
    expect(keys(raVietnamese).sort()).toEqual(keys(englishMessages).sort());
  });

  it('our own texts exist in both languages, key for key', () => {
    expect(keys(enApp).sort()).toEqual(keys(viApp).sort());
  });

  it('no Vietnamese message is left empty or in English', () => {
    const sameAsEnglish = keys(raVietnamese).filter((key) => {
      const get = (m: object) => key.split('.').reduce<any>((o, k) => o?.[k], m);
      const text = get(vi);
      return typeof text !== 'string' || (text.trim().length > 1 && text === get(englishMessages) && !/%\{/.test(text));
    });
    expect(sameAsEnglish).toEqual(['ra.auth.email']);
  });
});
