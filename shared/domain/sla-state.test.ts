import { describe, expect, it } from 'vitest';
import { slaHealthAt, slaState } from './sla-state';
import { PAPER_POLICY, paperTime } from './testing/paper-policy';
import type { SlaTimeline, TicketStatus } from './types';

const POLICY = PAPER_POLICY;

const t = paperTime;

function timeline(
  changes: Array<[string, TicketStatus]>,
  firstResponseAt: string | null = null,
): SlaTimeline {
  return {
    createdAt: t(changes[0]![0]),
    priority: 3,
    firstResponseAt: firstResponseAt ? t(firstResponseAt) : null,
    statusChanges: changes.map(([at, status]) => ({ at: t(at), status })),
  };
}

const instants = (state: ReturnType<typeof slaState>) => ({
  clock: state.clock,
  status: state.status,
  health: state.health,
  dueAt: state.dueAt?.toISOString() ?? null,
  warnAt: state.warnAt?.toISOString() ?? null,
});

describe('slaState', () => {
  it('is the first-response clock while it is due before resolution', () => {
    const state = slaState(timeline([['mon 09:00', 'new']]), POLICY, t('mon 09:30'));
    expect(instants(state)).toEqual({
      clock: 'firstResponse',
      status: 'running',
      health: 'ok',
      dueAt: t('mon 10:00').toISOString(),
      warnAt: t('mon 09:48').toISOString(),
    });
  });

  it('keeps an overdue first response ahead of a resolution clock that is still fine', () => {
    // First response breached at mon 10:00 and is still running a day later; resolution
    // (10 h of business time) is due tue 11:00 and has counted 9 h 30 min.
    const state = slaState(timeline([['mon 09:00', 'new']]), POLICY, t('tue 10:30'));
    expect(instants(state)).toEqual({
      clock: 'firstResponse',
      status: 'running',
      health: 'breached',
      dueAt: t('mon 10:00').toISOString(),
      warnAt: t('mon 09:48').toISOString(),
    });
  });

  it('is the resolution clock once the first response is in, warning at the closing time that uses up 480 minutes', () => {
    const state = slaState(
      timeline(
        [
          ['mon 09:00', 'new'],
          ['mon 09:10', 'in_progress'],
        ],
        'mon 09:20',
      ),
      POLICY,
      t('mon 12:00'),
    );
    expect(instants(state)).toEqual({
      clock: 'resolution',
      status: 'running',
      health: 'ok',
      dueAt: t('tue 11:00').toISOString(),
      warnAt: t('mon 17:00').toISOString(),
    });
  });

  it('dates both instants after a pause from the pause, not from when the clock was last evaluated', () => {
    // 60 min counted on Monday, paused from mon 10:00 to tue 09:00, 60 min more by tue 10:00:
    // 480 - 120 = 360 min to the warning (tue 16:00), 600 - 120 = 480 to the due time
    // (420 on Tuesday, 60 on Wednesday).
    const history: Array<[string, TicketStatus]> = [
      ['mon 09:00', 'new'],
      ['mon 09:05', 'in_progress'],
      ['mon 10:00', 'pending'],
      ['tue 09:00', 'in_progress'],
    ];
    const expected = { dueAt: t('wed 10:00').toISOString(), warnAt: t('tue 16:00').toISOString() };
    const early = slaState(timeline(history, 'mon 09:05'), POLICY, t('tue 10:00'));
    const late = slaState(timeline(history, 'mon 09:05'), POLICY, t('wed 09:30'));
    expect(instants(early)).toMatchObject({ clock: 'resolution', health: 'ok', ...expected });
    // Evaluated after the warning began: the same instants, the warning dated when it began.
    expect(instants(late)).toMatchObject({ clock: 'resolution', health: 'warning', ...expected });
  });

  it('has no instants while the only clock left is paused', () => {
    const state = slaState(
      timeline(
        [
          ['mon 09:00', 'new'],
          ['mon 09:05', 'in_progress'],
          ['mon 10:00', 'pending'],
        ],
        'mon 09:05',
      ),
      POLICY,
      t('fri 16:00'),
    );
    expect(instants(state)).toEqual({
      clock: 'resolution',
      status: 'paused',
      health: 'ok',
      dueAt: null,
      warnAt: null,
    });
  });

  it('shows a ticket cancelled before its breach as not breached, however long after', () => {
    const state = slaState(
      timeline(
        [
          ['mon 09:00', 'new'],
          ['mon 09:05', 'in_progress'],
          ['mon 12:00', 'cancelled'],
        ],
        'mon 09:05',
      ),
      POLICY,
      t('fri 16:00'),
    );
    expect(instants(state)).toEqual({
      clock: 'resolution',
      status: 'stopped',
      health: 'ok',
      dueAt: null,
      warnAt: null,
    });
  });

  it('shows a ticket cancelled after its breach as breached', () => {
    // 480 min on Monday and 180 on Tuesday: 660 > 600.
    const state = slaState(
      timeline(
        [
          ['mon 09:00', 'new'],
          ['mon 09:05', 'in_progress'],
          ['tue 12:00', 'cancelled'],
        ],
        'mon 09:05',
      ),
      POLICY,
      t('fri 16:00'),
    );
    expect(instants(state)).toEqual({
      clock: 'resolution',
      status: 'stopped',
      health: 'breached',
      dueAt: null,
      warnAt: null,
    });
  });

  it('gives a cancelled ticket that never had a response the health its first response stopped with', () => {
    // Cancelled at mon 09:30: both clocks stop there; first response had 30 of 60 minutes.
    const state = slaState(
      timeline([
        ['mon 09:00', 'new'],
        ['mon 09:30', 'cancelled'],
      ]),
      POLICY,
      t('fri 16:00'),
    );
    expect(instants(state)).toMatchObject({ status: 'stopped', health: 'ok' });
  });
});

describe('slaHealthAt', () => {
  const running = slaState(
    timeline(
      [
        ['mon 09:00', 'new'],
        ['mon 09:10', 'in_progress'],
      ],
      'mon 09:20',
    ),
    POLICY,
    t('mon 12:00'),
  );

  it('moves a running clock to warning at its warning instant and to breached after its due instant', () => {
    expect(slaHealthAt(running, t('mon 16:59'))).toBe('ok');
    expect(slaHealthAt(running, t('mon 17:00'))).toBe('warning');
    expect(slaHealthAt(running, t('tue 11:00'))).toBe('warning');
    expect(slaHealthAt(running, t('tue 11:01'))).toBe('breached');
  });

  it('agrees with a fresh evaluation at each of those instants', () => {
    const history = timeline(
      [
        ['mon 09:00', 'new'],
        ['mon 09:10', 'in_progress'],
      ],
      'mon 09:20',
    );
    for (const at of ['mon 16:59', 'mon 17:00', 'tue 11:00', 'tue 11:01']) {
      expect(slaHealthAt(running, t(at)), at).toBe(slaState(history, POLICY, t(at)).health);
    }
  });

  it('leaves a stopped clock with the health it stopped with', () => {
    const met = slaState(
      timeline([
        ['mon 09:00', 'new'],
        ['mon 09:30', 'cancelled'],
      ]),
      POLICY,
      t('mon 10:00'),
    );
    expect(slaHealthAt(met, t('fri 16:00'))).toBe('ok');
  });
});
