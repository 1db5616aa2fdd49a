import type { Connectivity } from '../../shared/ipc/contract';
import type { Backoff } from './backoff';
import type { Clock } from './clock';
import {
  initialConnectivity,
  reduceConnectivity,
  sameConnectivity,
  type ConnectivityEvent,
} from './connectivity-state';

/**
 * Holds the connectivity state, tells the page when it changes, and while offline probes
 * GET /api/v1/health with backoff so the console notices the server's return even when
 * nothing else is trying (the probe needs no token and costs the server nothing).
 */
export interface ConnectivityMonitorOptions {
  clock: Clock;
  /**
   * Between probes that reached something and still failed (a 5xx, no answer in time): the
   * server, or a proxy in front of it, may be there and struggling, so the wait grows long.
   */
  backoff: Backoff;
  /**
   * Between probes that could not connect at all (refused, reset, no route: the laptop's
   * network or the server's process is gone). Such a probe costs no server anything, so
   * these stay close together (a cap of about a second or two) and the console notices the
   * network's return about a second after it. Jitter still spreads a fleet. Without it, or
   * without `couldNotConnect`, every probe waits by `backoff`.
   */
  connectBackoff?: Backoff;
  /** Whether a probe's failure was "could not connect" (see connectBackoff). */
  couldNotConnect?: (error: unknown) => boolean;
  /** Resolves when the server answers the health check; rejects otherwise. */
  probe: (serverUrl: string) => Promise<void>;
  onChange: (connectivity: Connectivity) => void;
  /** The probe got an answer after an outage: the event stream should try again now. */
  onRecovered: () => void;
}

export class ConnectivityMonitor {
  private state: Connectivity;
  private probeTimer: unknown = null;
  private probing = false;

  constructor(
    private readonly options: ConnectivityMonitorOptions,
    serverUrl: string | null = null,
  ) {
    this.state = initialConnectivity(serverUrl);
  }

  get current(): Connectivity {
    return this.state;
  }

  apply(event: ConnectivityEvent): void {
    const next = reduceConnectivity(this.state, event);
    const wasOffline = this.state.state === 'offline';
    if (!sameConnectivity(next, this.state)) {
      this.state = next;
      this.options.onChange(next);
    }
    if (next.state === 'offline' && !wasOffline) this.scheduleProbe();
    if (next.state !== 'offline') this.cancelProbe();
  }

  stop(): void {
    this.cancelProbe();
  }

  /** `failure`: why the last probe failed; none when the first probe of an outage is due. */
  private scheduleProbe(failure?: { error: unknown }): void {
    if (this.probeTimer !== null || this.probing) return;
    const { backoff, connectBackoff, couldNotConnect } = this.options;
    // Until a probe says otherwise, an outage is taken for a lost network: the first probe comes soon.
    const quick = connectBackoff && couldNotConnect && (!failure || couldNotConnect(failure.error));
    const delay = quick ? connectBackoff.next() : backoff.next();
    const { clock } = this.options;
    this.probeTimer = clock.setTimeout(() => void this.runProbe(), delay);
    this.apply({ type: 'probe_scheduled', retryAt: clock.now() + delay });
  }

  private async runProbe(): Promise<void> {
    this.probeTimer = null;
    const serverUrl = this.state.serverUrl;
    if (this.state.state !== 'offline' || !serverUrl) return;
    this.probing = true;
    const failure = await this.options.probe(serverUrl).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    this.probing = false;
    if (this.state.state !== 'offline') return;
    if (!failure) {
      this.apply({ type: 'reachable' });
      this.options.onRecovered();
    } else {
      this.scheduleProbe(failure);
    }
  }

  private cancelProbe(): void {
    if (this.probeTimer !== null) this.options.clock.clearTimeout(this.probeTimer);
    this.probeTimer = null;
    this.options.backoff.reset();
    this.options.connectBackoff?.reset();
  }
}
