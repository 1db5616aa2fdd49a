import EmailReplyParser from 'email-reply-parser';

/**
 * The requester's new words, without the quoted history their mail program appended
 * ("On … wrote:", "El … escribió:", "-----Original Message-----", "> " lines) or their
 * signature. email-reply-parser (a port of GitHub's) knows the quote headers of the
 * common mail programs in several languages. When stripping would leave nothing (a
 * reply written inside the quote), the whole text is kept: better too much than a lost answer.
 */
export function stripQuotedReply(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const stripped = new EmailReplyParser().parseReply(normalized).trim();
  return stripped || normalized.trim();
}
