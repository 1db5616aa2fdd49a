import { useTranslation } from 'react-i18next';
import { ticketChannelSchema } from '../../../shared/index';
import { reportFiltersSchema } from '../../../shared/reports/index';
import { FilterSelect } from '../../ui/FilterSelect';
import { useAgents, useCategories, useTeams } from '../reference/use-reference-data';
import { useReportStore } from './report-store';

/** Team, agent, category, priority and channel, each "all" or one value. */
export function ReportFilterBar() {
  const { t, i18n } = useTranslation();
  const filters = useReportStore((s) => s.filters);
  const setFilter = useReportStore((s) => s.setFilter);
  const teams = useTeams();
  const agents = useAgents();
  const categories = useCategories();
  // '*' is "any": '' already means "no team" and "unassigned" here.
  const any = { value: '*', label: t('reports.filters.any') };
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  // A select only offers valid values; parsing again keeps a bad one out of the store all the same.
  const set = (key: 'team' | 'agent' | 'category' | 'channel', value: string) => {
    const parsed = reportFiltersSchema.shape[key].safeParse(value === '*' ? null : value);
    if (parsed.success) setFilter(key, parsed.data ?? null);
  };
  return (
    <fieldset className="report-filters">
      <legend className="visually-hidden">{t('reports.filters.label')}</legend>
      <FilterSelect
        any={any}
        label={t('filters.team')}
        value={filters.team ?? '*'}
        onChange={(v) => set('team', v)}
      >
        <option value="">{t('reports.filters.noTeam')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('filters.assignee')}
        value={filters.agent ?? '*'}
        onChange={(v) => set('agent', v)}
      >
        <option value="">{t('reports.filters.unassigned')}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('filters.category')}
        value={filters.category ?? '*'}
        onChange={(v) => set('category', v)}
      >
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name[lang]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('filters.priority')}
        value={filters.priority == null ? '*' : String(filters.priority)}
        onChange={(v) => {
          const parsed = reportFiltersSchema.shape.priority.safeParse(v === '*' ? null : Number(v));
          if (parsed.success) setFilter('priority', parsed.data ?? null);
        }}
      >
        {([1, 2, 3, 4, 5] as const).map((p) => (
          <option key={p} value={p}>
            {t(`priority.p${p}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        any={any}
        label={t('ticket.channel')}
        value={filters.channel ?? '*'}
        onChange={(v) => set('channel', v)}
      >
        {ticketChannelSchema.options.map((channel) => (
          <option key={channel} value={channel}>
            {t(`channel.${channel}`)}
          </option>
        ))}
      </FilterSelect>
    </fieldset>
  );
}
