import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ANY_EVENT, ZOOM_EVENTS } from '../../nodes/ZoomTrigger/eventCatalogue';
import { ZoomTrigger } from '../../nodes/ZoomTrigger/ZoomTrigger.node';
import { sampleEventsPage, sampleItems } from './sampleEvents';

describe('sample events for the Zoom Webhook Trigger (docs/sample-events.md)', () => {
	it('the page is what the trigger outputs today (after a change: npx tsx scripts/sample-events.ts)', () => {
		const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'sample-events.md'), 'utf8');
		expect(committed).toBe(sampleEventsPage());
	});

	it('every event the trigger offers has a sample of its own kind, with what the next node reads', () => {
		const items = sampleItems();
		for (const option of ZOOM_EVENTS.filter((o) => o.value !== ANY_EVENT)) {
			const event = String(option.value);
			const item = items.get(event)!;
			expect(item).toMatchObject({ event, kind: event.split('.')[0], id: expect.stringMatching(/^\d+$/), topic: expect.any(String) });
			if (/participant_|registration_/.test(event)) expect(item.person).toMatchObject({ email: expect.stringContaining('@') });
			if (event.startsWith('recording.')) expect((item.recording as { files: unknown[] }).files.length).toBeGreaterThan(0);
		}
		expect((items.get('recording.transcript_completed')!.recording as { files: Array<{ fileType: string }> }).files.every((f) => f.fileType === 'TRANSCRIPT')).toBe(true);
	});

	it("the trigger's test panel points at the page", () => {
		const inactive = (new ZoomTrigger().description.triggerPanel as { executionsHelp: { inactive: string } }).executionsHelp.inactive;
		expect(inactive).toMatch(/set mock data.*href="https:\/\/github\.com\/n8n-nodes-zoom-brevo\/n8n-nodes-zoom-brevo\/blob\/main\/docs\/sample-events\.md"/);
	});
});
