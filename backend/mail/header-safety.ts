/**
 * Text that goes into a header (a subject from a ticket title, a display name from a
 * requester) with every line break and control character turned into a space, so no
 * user text can end a header and start another. Nodemailer encodes what it is given;
 * this makes sure what it is given is one line.
 */
export function headerText(text: string, maxLength = 250): string {
  const line = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
