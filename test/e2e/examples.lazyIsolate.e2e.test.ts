/**
 * examples/ in a real n8n that opens its expression isolate only when an expression needs one
 * (N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, the setting docs/zoom-trigger.md recommends for busy webhook
 * endpoints: docs/benchmarks.md measures it). Same suite as examples.e2e.test.ts.
 */
import { describeExamples } from './examplesSuite';

describeExamples('examples/ in a real n8n with lazy expression isolates', { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' });
