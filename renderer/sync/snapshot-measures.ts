/**
 * User Timing names the snapshot loop records, and the console bench reads: time spent
 * waiting for each page (the fetch side), and storing it (the console side).
 */
export const SNAPSHOT_WAIT_MEASURE = 'mesa.snapshot.wait';
export const SNAPSHOT_STORE_MEASURE = 'mesa.snapshot.store';
