// Imported first by page-entry.ts: zod reads this when each schema is built, i.e. while
// the shared modules load. zod probes for eval once; run from page.evaluate the probe
// passes (CDP bypasses the page's CSP), and its compiled parsers then fail later under
// the console's script-src 'self'.
import { z } from 'zod';

z.config({ jitless: true });
