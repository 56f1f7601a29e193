/** examples/ in a real n8n with its default settings (see examplesSuite.ts). */
import { describeExamples } from './examplesSuite';

describeExamples('examples/ in a real n8n');
