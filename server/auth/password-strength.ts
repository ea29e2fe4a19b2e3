import { readFileSync } from 'node:fs';
import { ZxcvbnFactory, type DictionaryMatch, type MatchEstimated, type TranslationKeys, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { projectPath } from '../paths.js';

/** One entry a line, most likely first (the estimator ranks a word by its position), `#` starts a comment. */
function wordList(file: string): string[] {
  const words = readFileSync(projectPath('server/auth', file), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#'));
  return [...new Set(words)];
}

export const COMMON_PASSWORDS = new Set(wordList('common-passwords.txt'));

/**
 * Our own dictionaries beside the estimator's English ones. Their names matter to zxcvbn-ts's feedback:
 * "passwords…" reads as a common password, "…names…" as a name; the others get our own warning below.
 */
const OWN_DICTIONARIES = {
  'passwords-vi': [...COMMON_PASSWORDS],
  'names-vi': wordList('vietnamese-names.txt'),
  'places-vi': wordList('local-places.txt'),
  'product-vi': wordList('product-words.txt'),
};

/** What zxcvbn-ts says, in Vietnamese (its time estimates are never shown). */
const VIETNAMESE: TranslationKeys = {
  warnings: {
    straightRow: 'có một hàng phím liền nhau',
    keyPattern: 'có một mẫu gõ phím ngắn',
    simpleRepeat: 'có ký tự lặp lại như "aaa"',
    extendedRepeat: 'có cụm ký tự lặp lại như "abcabcabc"',
    sequences: 'có dãy ký tự quen thuộc như "abc" hay "123"',
    recentYears: 'có năm gần đây',
    dates: 'có ngày tháng',
    topTen: 'đây là một trong những mật khẩu bị dùng nhiều nhất',
    topHundred: 'đây là mật khẩu bị dùng rất nhiều',
    common: 'đây là mật khẩu phổ biến',
    similarToCommon: 'gần giống một mật khẩu phổ biến',
    wordByItself: 'chỉ là một từ đơn lẻ',
    namesByThemselves: 'chỉ là một họ hoặc tên',
    commonNames: 'có họ, tên phổ biến',
    userInputs: 'có tên đăng nhập, họ tên hoặc tên đơn vị của người dùng',
    pwned: 'mật khẩu này đã bị lộ trên Internet',
  },
  suggestions: {
    l33t: 'đừng thay chữ bằng ký hiệu dễ đoán như "@" thay "a"',
    reverseWords: 'đừng viết ngược các từ quen thuộc',
    allUppercase: 'viết hoa vài chữ, không phải tất cả',
    capitalization: 'viết hoa không chỉ chữ đầu',
    dates: 'tránh ngày tháng năm gắn với bạn',
    recentYears: 'tránh các năm gần đây',
    associatedYears: 'tránh các năm gắn với bạn',
    sequences: 'tránh các dãy ký tự quen thuộc',
    repeated: 'tránh lặp lại từ và ký tự',
    longerKeyboardPattern: 'dùng mẫu phím dài hơn và đổi hướng nhiều lần',
    anotherWord: 'thêm những từ ít gặp',
    useWords: 'dùng nhiều từ, tránh các câu quen thuộc',
    noNeed: 'không cần ký hiệu, chữ số hay chữ hoa để có mật khẩu mạnh',
    pwned: 'nếu đang dùng mật khẩu này ở nơi khác, hãy đổi ngay',
  },
  timeEstimation: {
    ltSecond: 'dưới một giây',
    second: '{base} giây',
    seconds: '{base} giây',
    minute: '{base} phút',
    minutes: '{base} phút',
    hour: '{base} giờ',
    hours: '{base} giờ',
    day: '{base} ngày',
    days: '{base} ngày',
    month: '{base} tháng',
    months: '{base} tháng',
    year: '{base} năm',
    years: '{base} năm',
    centuries: 'hàng thế kỷ',
  },
};

/** Warnings for words from our own dictionaries, which zxcvbn-ts has no words for. */
const OWN_WARNINGS: Record<string, (word: string) => string> = {
  'places-vi': (word) => `có địa danh "${word}"`,
  'product-vi': (word) => `có tên phần mềm, cơ quan hoặc từ quen thuộc của công việc ("${word}")`,
};

// Building the ranked dictionaries takes a few hundred milliseconds: done once, on the first password
// checked, so that processes that never set one (the worker, scripts) do not pay for it at start.
// The estimate runs on the event loop, so its cost is bounded: Levenshtein matching stays off (it compares
// the whole password with every dictionary word, a quarter of a second each time), only the first 64
// characters are read (a longer password is judged by its start, never more kindly than the whole), and
// at most 4 look-alike substitutions ("@" for "a") are tried per word: with the defaults a 128-character
// password of symbols took seconds.
let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary, ...OWN_DICTIONARIES },
    graphs: adjacencyGraphs,
    translations: VIETNAMESE,
    maxLength: 64,
    l33tMaxSubstitutions: 4,
  });
  return factory;
}

/** Tone marks and "đ" removed: a guesser tries the plain spelling first, and our word lists are written so. */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export interface Strength {
  /** zxcvbn's 0–4: 3 means about 10⁸ guesses or more. */
  score: number;
  /** Why it is weak, in Vietnamese, when the estimator can say. */
  warning: string | null;
}

/**
 * How hard the password is to guess, the weaker of two readings: as typed, without tone marks, and with the
 * spaces and punctuation between words taken out, so that "Hà Trung 2022" counts as "hatrung2022": the
 * dictionaries hold Vietnamese words of several syllables written together.
 */
export function passwordStrength(password: string, userInputs: string[]): Strength {
  const plain = withoutMarks(password);
  const joined = plain.replace(/[\s._\-/\\,;:+*|~'"`]+/g, '');
  const readings = joined && joined !== plain ? [plain, joined] : [plain];
  const results = readings.map((reading) => estimator().check(reading, userInputs));
  const weakest = results.reduce((a, b) => (b.guesses < a.guesses ? b : a));
  return { score: weakest.score, warning: ownWarning(weakest) ?? weakest.feedback.warning };
}

/** The longest word of the password found in one of our own place or product dictionaries, if any. */
function ownWarning(result: ZxcvbnResult): string | null {
  const own = result.sequence
    .filter((match): match is MatchEstimated & DictionaryMatch => match.pattern === 'dictionary' && 'dictionaryName' in match)
    .filter((match) => OWN_WARNINGS[match.dictionaryName])
    .sort((a, b) => b.token.length - a.token.length)[0];
  return own ? OWN_WARNINGS[own.dictionaryName](own.token.toLowerCase()) : null;
}
