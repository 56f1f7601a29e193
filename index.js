// Entry point for tools that require the package directly. n8n itself loads the files listed in
// package.json's "n8n" section; test/package.test.ts checks that both lists agree.
module.exports = {
	nodes: {
		ZoomTrigger: require('./dist/nodes/ZoomTrigger/ZoomTrigger.node.js').ZoomTrigger,
		ZoomToBrevo: require('./dist/nodes/ZoomToBrevo/ZoomToBrevo.node.js').ZoomToBrevo,
		ZoomPollTrigger: require('./dist/nodes/ZoomPollTrigger/ZoomPollTrigger.node.js').ZoomPollTrigger,
	},
	credentials: {
		ZoomServerToServerOAuthApi: require('./dist/credentials/ZoomServerToServerOAuthApi.credentials.js')
			.ZoomServerToServerOAuthApi,
		ZoomUserOAuth2Api: require('./dist/credentials/ZoomUserOAuth2Api.credentials.js').ZoomUserOAuth2Api,
		ZoomWebhookSecretApi: require('./dist/credentials/ZoomWebhookSecretApi.credentials.js').ZoomWebhookSecretApi,
		BrevoV3Api: require('./dist/credentials/BrevoV3Api.credentials.js').BrevoV3Api,
	},
};
