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
  backoff: Backoff;
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

  private scheduleProbe(): void {
    if (this.probeTimer !== null || this.probing) return;
    const delay = this.options.backoff.next();
    const { clock } = this.options;
    this.probeTimer = clock.setTimeout(() => void this.runProbe(), delay);
    this.apply({ type: 'probe_scheduled', retryAt: clock.now() + delay });
  }

  private async runProbe(): Promise<void> {
    this.probeTimer = null;
    const serverUrl = this.state.serverUrl;
    if (this.state.state !== 'offline' || !serverUrl) return;
    this.probing = true;
    const answered = await this.options.probe(serverUrl).then(
      () => true,
      () => false,
    );
    this.probing = false;
    if (this.state.state !== 'offline') return;
    if (answered) {
      this.apply({ type: 'reachable' });
      this.options.onRecovered();
    } else {
      this.scheduleProbe();
    }
  }

  private cancelProbe(): void {
    if (this.probeTimer !== null) this.options.clock.clearTimeout(this.probeTimer);
    this.probeTimer = null;
    this.options.backoff.reset();
  }
}
