/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Joins rendered fragments, dropping empty ones, so optional parts leave no blank lines. */
export function join(parts: Array<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}
