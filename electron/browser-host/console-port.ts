/**
 * The browser host's port. The console's cache, settings and unsent changes live in the
 * browser's storage for the page's origin (http://127.0.0.1:PORT), so a launch on another
 * port starts from nothing: the default is fixed, and a taken port is an error, never a
 * silent move to another one.
 */
export const DEFAULT_CONSOLE_PORT = 4100;
export const CONSOLE_PORT_ENV = 'MESA_CONSOLE_PORT';

/** The port from `--port`, else MESA_CONSOLE_PORT, else the default; 0 = any free port (tests). */
export function consolePort(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): number {
  const [source, text] =
    flag !== undefined
      ? ['--port', flag]
      : env[CONSOLE_PORT_ENV]
        ? [CONSOLE_PORT_ENV, env[CONSOLE_PORT_ENV]]
        : [];
  if (text === undefined) return DEFAULT_CONSOLE_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65_535) {
    throw new RangeError(`${source} must be a port number from 0 to 65535, not "${text}".`);
  }
  return port;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `127.0.0.1:${port} is already in use (another Mesa console, or another program). Stop it, or ` +
        `start the console on another port with --port or ${CONSOLE_PORT_ENV}; the browser keeps ` +
        `the console's cache and unsent changes per port, so use the same one every time.`,
    );
    this.name = 'PortInUseError';
  }
}
