import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';

/**
 * n8n's editor labels a credential picker with the entry's displayName; without one the Zoom
 * picker read "Credential" and Brevo's "Credential for Zoom to Brevo: Brevo API" (issue #23).
 */
it('each credential picker says which service it is for, and Brevo is never a choice of Authentication', () => {
	const credentials = new ZoomToBrevo().description.credentials!;
	expect(credentials.map((c) => [c.name, c.displayName])).toEqual([
		['zoomServerToServerOAuthApi', 'Credential for Zoom'],
		['zoomUserOAuth2Api', 'Credential for Zoom'],
		['brevoV3Api', 'Credential for Brevo'],
	]);
	const brevo = credentials.find((c) => c.name === 'brevoV3Api')!;
	// Without a show of its own, n8n's editor makes it one more choice of the Authentication picker.
	expect(brevo.displayOptions?.show).toBeDefined();
	expect(brevo.displayOptions?.show).not.toHaveProperty('authentication');
});
