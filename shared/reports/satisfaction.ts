import type { ReportFact } from './report-facts';

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

export class SatisfactionTally {
  private asked = 0;
  private answered = 0;
  private sum = 0;
  private readonly distribution: SatisfactionFigures['distribution'] = [0, 0, 0, 0, 0];
  private readonly comments: FeedbackComment[] = [];

  constructor(private readonly commentLimit: number) {}

  add(fact: ReportFact): void {
    const feedback = fact.feedback;
    if (feedback || fact.status === 'resolved' || fact.status === 'closed') this.asked++;
    if (!feedback) return;
    this.answered++;
    this.sum += feedback.rating;
    this.distribution[feedback.rating - 1]!++;
    if (feedback.comment?.trim()) {
      this.comments.push({ ticketId: fact.id, number: fact.number, rating: feedback.rating, comment: feedback.comment, atMs: feedback.at });
    }
  }

  build(): SatisfactionFigures {
    return {
      asked: this.asked,
      answered: this.answered,
      share: this.asked === 0 ? null : this.answered / this.asked,
      average: this.answered === 0 ? null : this.sum / this.answered,
      distribution: [...this.distribution],
      comments: this.comments.sort((a, b) => b.atMs - a.atMs).slice(0, this.commentLimit),
    };
  }
}
