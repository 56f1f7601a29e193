// n8n's own lint configuration for community nodes (`@n8n/node-cli/eslint`, the set with the
// n8n Cloud rules: no Node built-ins, globals, timers or console in what ships), run by
// `n8n-node lint` over everything the package publishes.
//
// Strict mode ("n8n.strict" in package.json) is off because it demands this file be n8n's
// template word for word, which lints every folder with those rules — and the tests, the
// simulator and the scripts exist to use processes, timers and files; none of them is published.
// This package cannot be verified by n8n anyway (it joins two services; see README).
import { globalIgnores } from 'eslint/config';
import { config } from '@n8n/node-cli/eslint';

export default [globalIgnores(['test/', 'scripts/']), ...config];
