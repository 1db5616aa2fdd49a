import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

const DOVECOT = process.env.MESA_DOVECOT_BIN ?? '/usr/sbin/dovecot';

/**
 * Whether to run the suites that need Dovecot. In CI a missing Dovecot is a failure
 * (scripts/install-system-deps.sh installs dovecot-imapd); elsewhere they are skipped
 * with a message.
 */
export function requireDovecotForTests(): boolean {
  if (existsSync(DOVECOT)) return true;
  if (process.env.CI)
    throw new Error(`Dovecot is missing (${DOVECOT}) but CI is set: install dovecot-imapd.`);
  console.warn(
    `Dovecot is not installed (${DOVECOT}): skipping the IMAP suites. apt-get install dovecot-imapd`,
  );
  return false;
}

/** A private Dovecot (IMAP only, plain text on loopback) with one mailbox user. */
export interface DovecotServer {
  /** imap://user:pass@127.0.0.1:port/INBOX */
  url: string;
  /** Delivers a raw message into the user's INBOX over IMAP APPEND. */
  deliver(raw: string | Buffer): Promise<void>;
  /** The flags of every message in INBOX, by UID. */
  flags(): Promise<Map<number, Set<string>>>;
  stop(): Promise<void>;
}

const USER = 'support';
const PASSWORD = 'secret';

/** Dovecot refuses to run its login and mail processes as root; as root they run as its own users. */
function processUsers(): { internal: string; login: string; mail: string } {
  if (process.getuid?.() !== 0) {
    const me = userInfo().username;
    return { internal: me, login: me, mail: me };
  }
  return { internal: 'dovecot', login: 'dovenull', mail: 'dovecot' };
}

export async function startDovecot(): Promise<DovecotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const users = processUsers();
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', users.mail]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', users.mail]).toString().trim());
    for (const sub of ['mail', 'home']) chownSync(join(dir, sub), uid, gid);
  }
  writeFileSync(join(dir, 'users'), `${USER}:{PLAIN}${PASSWORD}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${users.internal}
default_internal_group = ${users.internal}
default_login_user = ${users.login}
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${users.mail} gid=${users.mail} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const client = () =>
    new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
  await waitUntilListening(client, child);
  return {
    url: `imap://${USER}:${PASSWORD}@127.0.0.1:${port}/INBOX`,
    async deliver(raw) {
      const c = client();
      await c.connect();
      try {
        await c.append('INBOX', raw);
      } finally {
        await c.logout();
      }
    },
    async flags() {
      const c = client();
      await c.connect();
      const result = new Map<number, Set<string>>();
      try {
        await c.mailboxOpen('INBOX', { readOnly: true });
        if ((c.mailbox || undefined)?.exists) {
          for await (const m of c.fetch('1:*', { uid: true, flags: true }))
            result.set(m.uid, m.flags ?? new Set());
        }
      } finally {
        await c.logout();
      }
      return result;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(client: () => ImapFlow, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const c = client();
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.logout();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
