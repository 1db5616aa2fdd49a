import type { Comment, MailDelivery } from '../../shared/index';
import { writeTransaction } from '../sync/change-log';
import type { ChangeNotifier } from '../sync/change-notifier';
import type { Database, Db } from '../storage/database';

/** Writes the mail's state into the reply it carries (the caller logs the comment's change). */
export async function setCommentDelivery(
  db: Db,
  commentId: string,
  delivery: MailDelivery,
): Promise<boolean> {
  const row = await db.selectFrom('comments').select('data').where('id', '=', commentId).executeTakeFirst();
  if (!row) return false;
  const comment = { ...(JSON.parse(row.data) as Comment), delivery };
  await db
    .updateTable('comments')
    .set({ data: JSON.stringify(comment) })
    .where('id', '=', commentId)
    .execute();
  return true;
}

/** After the sender marked a row: the reply's new mail state syncs to every console like any change. */
export async function publishCommentDelivery(
  database: Database,
  notifier: ChangeNotifier,
  commentId: string,
  delivery: MailDelivery,
): Promise<void> {
  const { latestSeq } = await writeTransaction(database, async (log) => {
    if (await setCommentDelivery(log.trx, commentId, delivery)) log.changed('comment', commentId);
  });
  if (latestSeq > 0) notifier.announce(latestSeq);
}
