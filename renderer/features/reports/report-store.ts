import { create } from 'zustand';
import type { ReportFilters, ReportPeriodChoice, SlaReportGroupBy } from '../../../shared/reports/index';

/** What the team lead picked in the Reports view; kept while the console runs, so coming back shows the same report. */
interface ReportState {
  period: ReportPeriodChoice;
  /** When the period was picked: "last 7 days" are the 7 days up to then (or up to the view's opening, if later). */
  pickedAtMs: number;
  filters: ReportFilters;
  /** The grouping of the SLA compliance charts. */
  groupBy: SlaReportGroupBy;
  setPeriod(period: ReportPeriodChoice): void;
  setFilter<K extends keyof ReportFilters>(key: K, value: ReportFilters[K]): void;
  setGroupBy(groupBy: SlaReportGroupBy): void;
}

export const useReportStore = create<ReportState>()((set) => ({
  period: { preset: 'last30' },
  pickedAtMs: 0,
  filters: {},
  groupBy: 'team',
  setPeriod: (period) => set({ period, pickedAtMs: Date.now() }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setGroupBy: (groupBy) => set({ groupBy }),
}));
