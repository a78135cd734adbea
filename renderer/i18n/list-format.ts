/**
 * A list of names (class folders, files) joined the way the UI language writes
 * lists: "cat, dog, bird" in English, "猫、狗、鸟" in Chinese. The narrow
 * conjunction style has no "and", so it reads as a plain enumeration.
 */
export function formatNameList(names: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(names);
}
