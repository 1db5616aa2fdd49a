/**
 * The demo agent the backend's --seed-demo creates (docs/http-api.md). `npm start` signs in with
 * it on the first run (MESA_DEMO_LOGIN=1) so the product opens on the demo tickets; nothing
 * else uses it.
 */
export const DEMO_CREDENTIALS = { email: 'agent@example.com', password: 'mesa-demo' } as const;
