/**
 * What requesters said about the tickets of a period. A ticket is asked for feedback once
 * resolved, so the share answered is over the tickets now resolved or closed, and those
 * that answered before being reopened.
 */

export interface FeedbackComment {
  ticketId: string;
  number: string | null;
  rating: number;
  /** The requester's words, as written: the view renders them as text. */
  comment: string;
  atMs: number;
}

export interface SatisfactionFigures {
  /** Tickets whose requester was asked: resolved or closed, or answered before a reopen. */
  asked: number;
  answered: number;
  /** answered / asked; null when nobody was asked. */
  share: number | null;
  /** Null when nobody answered. */
  average: number | null;
  /** Ratings 1 to 5: distribution[0] is how many gave 1. */
  distribution: [number, number, number, number, number];
  /** Newest first. */
  comments: FeedbackComment[];
}
