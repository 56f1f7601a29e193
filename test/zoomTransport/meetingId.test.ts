import { meetingPathId } from '../../nodes/shared/meetingId';

describe('meetingPathId', () => {
	it('keeps a numeric id as it is, dropping the spaces Zoom shows it with', () => {
		expect(meetingPathId('85746065432')).toBe('85746065432');
		expect(meetingPathId(' 857 4606 5432 ')).toBe('85746065432');
	});

	it('encodes an ordinary UUID once', () => {
		expect(meetingPathId('4444AAAiAAAAAiAiAiiAii==')).toBe('4444AAAiAAAAAiAiAiiAii%3D%3D');
		expect(meetingPathId('aB3/cD+eF==')).toBe('aB3%2FcD%2BeF%3D%3D');
	});

	it('encodes twice a UUID that starts with "/" or contains "//" (Zoom decodes the path once)', () => {
		expect(meetingPathId('/ajXp112QmuoKj4854875==')).toBe('%252FajXp112QmuoKj4854875%253D%253D');
		expect(meetingPathId('Xp1//2QmuoKj4854875==')).toBe('Xp1%252F%252F2QmuoKj4854875%253D%253D');
		// Zoom decodes once and finds the UUID again.
		expect(decodeURIComponent(decodeURIComponent(meetingPathId('/a//b+c=')))).toBe('/a//b+c=');
	});
});
