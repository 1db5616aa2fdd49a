import type { Density } from '../../stores/prefs-store';

/**
 * A queue row's height in pixels, per density. The grid hands it to the virtualizer and to
 * CSS (--row-height) alike, so rows are laid out exactly where the virtualizer puts them.
 */
export const ROW_HEIGHTS: Record<Density, number> = { comfortable: 44, compact: 30 };
