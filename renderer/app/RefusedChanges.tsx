import { useLiveQuery } from 'dexie-react-hooks';
import { dismissRejection, listRejections } from '../data/ticket-queries';

/** What the server refused, and why: the agent must hear of every change that did not stick. */
export function RefusedChanges() {
  const rejections = useLiveQuery(() => listRejections(5), []);
  if (!rejections?.length) return null;
  return (
    <section aria-labelledby="refused-title" data-testid="refused-changes">
      <h2 id="refused-title">Changes the server refused</h2>
      <ul>
        {rejections.map((rejection) => (
          <li key={rejection.id}>
            <span>
              {rejection.type}: {rejection.message} ({rejection.code})
            </span>{' '}
            <button type="button" onClick={() => void dismissRejection(rejection.id)} aria-label={`Dismiss refused ${rejection.type}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
