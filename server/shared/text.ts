/** "dùng 2 nhóm…" → "Dùng 2 nhóm…": a phrase made into the start of a sentence, Vietnamese letters included. */
export function upperFirst(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1) : text;
}
