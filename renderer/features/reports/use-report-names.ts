import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority, TicketChannel } from '../../../shared/index';
import type { SlaReportGroupBy } from '../../../shared/reports/index';
import { useAgents, useCategories, useTeams } from '../reference/use-reference-data';
import type { ReportNames } from './report-charts';

/** Names for the report's keys, from the cached reference tables, in the UI's language. */
export function useReportNames(): ReportNames {
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  const agents = useAgents();
  const categories = useCategories();
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  return useMemo(() => {
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    const agentNames = new Map(agents.map((agent) => [agent.id, agent.name]));
    const categoryNames = new Map(categories.map((category) => [category.id, category.name[lang]]));
    const category = (key: string) => categoryNames.get(key) ?? key;
    const group = (groupBy: SlaReportGroupBy, key: string): string => {
      switch (groupBy) {
        case 'team':
          return key ? (teamNames.get(key) ?? t('app.unknown')) : t('reports.filters.noTeam');
        case 'agent':
          return key ? (agentNames.get(key) ?? t('app.unknown')) : t('reports.filters.unassigned');
        case 'category':
          return category(key);
        case 'priority':
          return t(`priority.p${key as `${Priority}`}`);
      }
    };
    return { group, category, channel: (key: string) => t(`channel.${key as TicketChannel}`) };
  }, [teams, agents, categories, lang, t]);
}
