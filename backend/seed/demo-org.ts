import {
  CRITICAL_24X7_SLA_POLICY,
  DEFAULT_SLA_POLICY,
  type Agent,
  type Category,
  type Macro,
  type SlaPolicy,
  type Team,
} from '../../shared/index';
import { CATEGORY_NAMES } from './demo-text';

/** Fixed ids, so seeding twice finds what the first run made. */
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_PASSWORD = 'mesa-demo';

export const DEMO_POLICIES: SlaPolicy[] = [
  structuredClone(DEFAULT_SLA_POLICY),
  structuredClone(CRITICAL_24X7_SLA_POLICY),
];

export const SERVICE_DESK_TEAM: Team = {
  id: id(1),
  name: 'Service Desk',
  slaPolicyId: DEFAULT_SLA_POLICY.id,
};
/** Round-the-clock team: its tickets run on the 24×7 policy, so SLA warnings show at any hour of a demo. */
export const INFRA_TEAM: Team = {
  id: id(2),
  name: 'Infraestructura 24×7',
  slaPolicyId: CRITICAL_24X7_SLA_POLICY.id,
};
export const DEMO_TEAMS: Team[] = [SERVICE_DESK_TEAM, INFRA_TEAM];

export const DEMO_CATEGORIES: Category[] = Object.entries(CATEGORY_NAMES).map(([slug, name]) => ({
  id: slug,
  name,
  defaultTeamId: slug === 'network' ? INFRA_TEAM.id : SERVICE_DESK_TEAM.id,
  active: true,
}));

type DemoAgent = Omit<Agent, 'openTickets' | 'lastAssignedAt'>;
const agent = (
  n: number,
  name: string,
  email: string,
  role: Agent['role'],
  teamIds: string[],
  skills: string[],
  presence: Agent['presence'],
  capacity: number,
): DemoAgent => ({
  id: id(100 + n),
  name,
  email,
  role,
  teamIds,
  skills,
  presence,
  capacity,
  active: true,
});

export const DEMO_AGENTS: DemoAgent[] = [
  agent(
    1,
    'Ana Administradora',
    'admin@example.com',
    'admin',
    [SERVICE_DESK_TEAM.id, INFRA_TEAM.id],
    ['network', 'hardware', 'software', 'access', 'email', 'printing'],
    'online',
    20,
  ),
  agent(
    2,
    'Alex Agent',
    'agent@example.com',
    'agent',
    [SERVICE_DESK_TEAM.id],
    ['hardware', 'software', 'printing', 'email'],
    'online',
    15,
  ),
  agent(
    3,
    'Lucía Fernández',
    'lucia@example.com',
    'agent',
    [SERVICE_DESK_TEAM.id],
    ['access', 'email', 'software'],
    'online',
    12,
  ),
  agent(4, 'Jordi Puig', 'jordi@example.com', 'agent', [INFRA_TEAM.id], ['network', 'hardware'], 'away', 10),
  agent(
    5,
    'Sam Taylor',
    'sam@example.com',
    'agent',
    [INFRA_TEAM.id, SERVICE_DESK_TEAM.id],
    ['network', 'access'],
    'online',
    12,
  ),
  agent(
    6,
    'María López',
    'maria@example.com',
    'agent',
    [SERVICE_DESK_TEAM.id],
    ['printing', 'hardware', 'software'],
    'offline',
    10,
  ),
];

export const DEMO_MACROS: Macro[] = [
  {
    id: id(201),
    name: 'Reinicio / Restart',
    body: 'Hola {{requester.name}}, ¿puede reiniciar el equipo y decirnos si sigue ocurriendo? / Hi {{requester.name}}, could you restart your computer and tell us if it still happens? ({{ticket.number}})',
    visibility: 'public',
    setStatus: 'pending',
    setCategory: null,
    active: true,
  },
  {
    id: id(202),
    name: 'Contraseña restablecida / Password reset',
    body: 'Hemos restablecido su contraseña; recibirá un SMS con la temporal. / Your password has been reset; you will get the temporary one by SMS.',
    visibility: 'public',
    setStatus: 'resolved',
    setCategory: 'access',
    active: true,
  },
];
