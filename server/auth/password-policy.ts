import { registerDecorator, type ValidationOptions } from 'class-validator';
import { badInput } from '../shared/errors.js';
import { COMMON_PASSWORDS, passwordStrength, withoutMarks } from './password-strength.js';

// NIST SP 800-63B: a length floor, a screen against guessable passwords, and nothing else: no rules of
// composition (one capital, one digit…), which only yield "Password1!", and no forced periodic change.
export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases must fit (at least 64 characters, as NIST SP 800-63B asks). */
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's 3: about 10⁸ guesses or more, out of reach of an online guesser and costly offline against Argon2id. */
export const PASSWORD_MIN_SCORE = 3;

/** Whom the password is for: what a guesser who knows the person tries first. */
export interface PasswordOwner {
  username?: string | null;
  fullName?: string | null;
  /** The unit's name, short name and code. */
  unit?: Array<string | null | undefined>;
}

const ADVICE = 'hãy dùng một cụm từ dài, ví dụ bốn từ ngẫu nhiên, dễ nhớ với bạn nhưng khó đoán với người khác.';

/**
 * A username or full name shorter than this is refused only through the estimator: "an" or "hoa" are
 * ordinary syllables that a sound passphrase may well contain.
 */
const MIN_CONTAINED = 4;
/** Name parts shorter than this ("an", "le") are not worth a personal word: they match inside too many words. */
const MIN_PART = 3;

/** Lower case, without tone marks, letters and digits only: "Nguyễn Văn An" → "nguyenvanan". */
function folded(text: string): string {
  return withoutMarks(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The words of a name or code, folded: "Xã Hà Bắc" → ["xa", "ha", "bac"], "xa-habac" → ["xa", "habac"]. */
function parts(text: string): string[] {
  return withoutMarks(text).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * What a password must not contain (the username, the full name with or without spaces) and the personal
 * words the estimator counts as guessed at once. Single name parts go only to the estimator: refusing every
 * password that contains "anh" would refuse "mây trắng bay qua đồi chè xanh" to everyone called Anh, while
 * as guessed words they leave a password made mostly of them too weak anyway.
 */
function personalWords(owner: PasswordOwner): { contained: Array<[string, string]>; inputs: string[] } {
  const contained: Array<[string, string]> = [];
  const inputs = new Set<string>();
  const add = (word: string, min = MIN_PART) => {
    if (word.length >= min) inputs.add(word);
  };
  if (owner.username) {
    const username = folded(owner.username);
    if (username.length >= MIN_CONTAINED) contained.push([username, `Mật khẩu không được chứa tên đăng nhập ("${owner.username}").`]);
    add(owner.username.toLowerCase(), 1);
    add(username, 1);
    for (const part of parts(owner.username)) {
      add(part);
      add(part.replace(/\d+/g, ''));
    }
  }
  if (owner.fullName) {
    const name = parts(owner.fullName);
    const whole = name.join('');
    if (whole.length >= MIN_CONTAINED) contained.push([whole, 'Mật khẩu không được chứa họ tên của người dùng.']);
    add(whole, 1);
    name.forEach((part) => add(part));
    // Family name with given name, the middle name left out, both ways round: "nguyenan", "annguyen".
    if (name.length > 2) {
      add(name[0] + name[name.length - 1]);
      add(name[name.length - 1] + name[0]);
    }
  }
  for (const text of owner.unit ?? []) {
    if (!text) continue;
    add(folded(text));
    parts(text).forEach((part) => add(part));
  }
  return { contained, inputs: [...inputs] };
}

/** The quick rules: length, the common-password list, one repeated character, the username and full name. */
function ruleProblem(password: string, contained: Array<[string, string]>): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (length > PASSWORD_MAX_LENGTH) return `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`;
  if (COMMON_PASSWORDS.has(password.trim().toLowerCase())) return 'Mật khẩu quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác.';
  if (/^(.)\1+$/u.test(password)) return 'Mật khẩu không được chỉ gồm một ký tự lặp lại.';
  const plain = folded(password);
  for (const [word, message] of contained) if (plain.includes(word)) return message;
  return null;
}

/** Why a password is refused, in Vietnamese, or null when it is acceptable for this owner. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  const { contained, inputs } = personalWords(owner);
  const problem = ruleProblem(password, contained);
  if (problem) return problem;
  const { score, warning } = passwordStrength(password, inputs);
  if (score < PASSWORD_MIN_SCORE) return `Mật khẩu quá dễ đoán${warning ? `: ${warning}` : ''}; ${ADVICE}`;
  return null;
}

/** The refusal from a service, once the caller is authorised and the account's username, name and unit are known. */
export function assertAcceptablePassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  // The shape of an argument validation error, so that clients read both the same way.
  if (problem) throw badInput(problem, { fields: [{ field: 'password', problems: [problem] }] });
}

/** The username and full name given beside the password in the same arguments, when there are. */
function ownerIn(object: object | undefined): PasswordOwner {
  const args = (object ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { username: text(args.username), fullName: text(args.fullName) };
}

function quickProblem(value: unknown, object: object | undefined): string | null {
  if (typeof value !== 'string') return 'Mật khẩu không hợp lệ.';
  return ruleProblem(value, personalWords(ownerIn(object)).contained);
}

/**
 * class-validator rule for password arguments: the quick rules, with the username and full name given beside
 * the password. The strength estimate is left to the service (assertAcceptablePassword): it runs after the
 * caller is authorised, because arguments are validated for anyone who sends the mutation and the estimate
 * holds the event loop for up to a tenth of a second.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args) => quickProblem(value, args?.object) === null,
        defaultMessage: (args) => quickProblem(args?.value, args?.object) ?? 'Mật khẩu không hợp lệ.',
      },
    });
  };
}
