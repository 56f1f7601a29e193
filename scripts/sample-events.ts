/**
 * Rewrites docs/sample-events.md from the trigger's own shaping (test/trigger/sampleEvents.ts).
 * Run after changing what the Zoom Webhook Trigger outputs:  npx tsx scripts/sample-events.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sampleEventsPage } from '../test/trigger/sampleEvents';

const target = join(__dirname, '..', 'docs', 'sample-events.md');
writeFileSync(target, sampleEventsPage());
console.log(`wrote ${target}`);
