import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  to: string[];
}

/**
 * A real SMTP server on loopback (nodemailer's smtp-server: the protocol, not a mock of
 * it) that keeps what it accepts for the test to read back. `refuseNext` answers the
 * next messages' DATA with the given code (451 is temporary, 550 permanent).
 */
export interface SmtpReceiver {
  url: string;
  received: ReceivedMail[];
  refuseNext(count: number, code: number, message: string): void;
  /** Every RCPT TO this address is refused with 550. */
  unknownMailbox(address: string): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const refusals: Array<{ code: number; message: string }> = [];
  const unknown = new Set<string>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS offered, AUTH allowed without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.username === 'mesa' && auth.password === 'secret'
        ? callback(null, { user: auth.username })
        : callback(new Error('Invalid credentials')),
    onRcptTo: (address, _session, callback) => {
      if (!unknown.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 });
      return callback(error);
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = refusals.shift();
        if (refusal)
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            received.push({ raw, parsed, to: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://mesa:secret@127.0.0.1:${port}`,
    received,
    refuseNext(count, code, message) {
      for (let i = 0; i < count; i += 1) refusals.push({ code, message });
    },
    unknownMailbox(address) {
      unknown.add(address.toLowerCase());
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
