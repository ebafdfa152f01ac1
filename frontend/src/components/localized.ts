/** Picks, among a listing's texts, the one in the reader's language, else the original. */
export function pickText<T>(texts: T[], languageOf: (text: T) => string, reader: string, original: T): T {
  return texts.find((text) => languageOf(text) === reader) ?? original
}
