import { readFileSync } from 'node:fs';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { projectPath } from '../paths.js';

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases must fit (at least 64 characters, as NIST SP 800-63B asks). */
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set(
  readFileSync(projectPath('server/auth/common-passwords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** Why a password is refused, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (length > PASSWORD_MAX_LENGTH) return `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`;
  if (COMMON.has(password.trim().toLowerCase())) return 'Mật khẩu quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác.';
  if (/^(.)\1+$/u.test(password)) return 'Mật khẩu không được chỉ gồm một ký tự lặp lại.';
  return null;
}

/** class-validator rule for password arguments: length and the common-password list. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? passwordProblem(args.value) : null) ?? 'Mật khẩu không hợp lệ.',
      },
    });
  };
}
