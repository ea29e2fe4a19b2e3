/** Sort key so that "1.10" follows "1.9" and "10" follows "9": two digits per level. */
export function taskPosition(number: string): number {
  const [major, minor = '0'] = number.split('.');
  return Number(major) * 100 + Number(minor);
}
