import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_1_2, UP_TO_VERSION_1_1 } from './versions';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, type LeadThresholds, type ScoreWeights } from '../contacts/engagementScore';

/** Engagement depth and the lead score act on the syncs of people who attended (issue #13). */
export const SCORED_OPERATIONS = ['syncParticipants', 'syncAttendees'];

const DEFAULTS: Record<string, number> = { ...DEFAULT_WEIGHTS, ...DEFAULT_THRESHOLDS };

/** A weight or threshold of the score: its field name in the node, label and default (the
 *  score's own defaults, so the editor and the code cannot disagree). */
function number(name: keyof ScoreWeights | keyof LeadThresholds, displayName: string, description: string): INodeProperties {
	const fallback = DEFAULTS[name];
	return { displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: fallback, description };
}

function leadEvents(show: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties {
	return {
		displayName: 'Lead Events',
		name: 'leadEvents',
		type: 'options',
		options: [
			{ name: 'Hot Leads', value: 'hot', description: 'Fires zoom_webinar_hot_lead or zoom_meeting_hot_lead, once per person and session' },
			{ name: 'Hot and Warm Leads', value: 'hotAndWarm', description: 'Also fires zoom_webinar_warm_lead or zoom_meeting_warm_lead' },
			{ name: 'None', value: 'none' },
		],
		default: 'hot',
		displayOptions: { show },
		description: 'Brevo events that start an automation for people whose score reaches a threshold. Each person gets each at most once per meeting or webinar session.',
	};
}

export const engagementProperties: INodeProperties[] = [
	{
		displayName: 'Add Engagement From Zoom',
		name: 'meetingEngagement',
		type: 'multiOptions',
		options: [
			{ name: 'Poll Answers', value: 'polls', description: 'Polls each person answered (one Medium-rate Zoom call per meeting or webinar)' },
			{ name: 'Q&A Questions', value: 'questions', description: "Questions each participant asked in the meeting's Q&A (one Medium-rate call)" },
			{
				name: 'Survey Answers',
				value: 'survey',
				description: "Whether each participant answered the meeting's survey (one Heavy-rate report call; Pro plan or higher and a report scope)",
			},
		],
		default: [],
		displayOptions: { show: { resource: ['meeting'], operation: ['syncParticipants'] } },
		description:
			'What else to read per participant, beyond attendance: written to ZOOM_POLLS_ANSWERED, ZOOM_QUESTIONS_ASKED and ZOOM_SURVEY_ANSWERED, and counted in the lead score. A read Zoom refuses (plan, scope) is skipped with a warning.',
	},
	{
		displayName: 'Add Engagement From Zoom',
		name: 'webinarEngagement',
		type: 'multiOptions',
		options: [
			{ name: 'Poll Answers', value: 'polls', description: 'Polls each person answered (one Medium-rate Zoom call per meeting or webinar)' },
			{ name: 'Q&A Questions', value: 'questions', description: 'Questions each attendee asked (one Medium-rate call)' },
			{
				name: 'Survey Answers',
				value: 'survey',
				description: "Whether each attendee answered the webinar's survey (one Heavy-rate report call; Pro plan or higher and a report scope)",
			},
		],
		default: [],
		displayOptions: { show: { resource: ['webinar'], operation: ['syncAttendees'] } },
		description:
			'What else to read per attendee, beyond attendance: written to ZOOM_POLLS_ANSWERED, ZOOM_QUESTIONS_ASKED and ZOOM_SURVEY_ANSWERED, and counted in the lead score. A read Zoom refuses (plan, scope) is skipped with a warning.',
	},
	{
		displayName: 'Score Leads',
		name: 'scoreLeads',
		type: 'boolean',
		default: false,
		displayOptions: { show: { operation: SCORED_OPERATIONS } },
		description:
			`Whether to give each person a lead score from attendance, polls, questions, survey and how early they registered (0–100 with the default weights), written to ZOOM_ENGAGEMENT_SCORE and ZOOM_LEAD_LEVEL: hot from ${DEFAULT_THRESHOLDS.hot}, warm from ${DEFAULT_THRESHOLDS.warm} unless changed below`,
	},
	{
		// The figures follow DEFAULT_WEIGHTS and DEFAULT_THRESHOLDS (engagementScore.ts);
		// test/engagement/leadScore.test.ts holds them together.
		displayName:
			'With the default weights, attendance alone scores at most 55 for a webinar (50 for a meeting), below the hot lead threshold of 60: add Poll Answers, Q&A Questions or Survey Answers above, or lower the threshold, for hot leads. The run warns when a threshold cannot be reached.',
		name: 'scoreReachNotice',
		type: 'notice',
		default: '',
		// Gone once a signal is added, which is what it asks for.
		displayOptions: {
			show: { operation: SCORED_OPERATIONS, scoreLeads: [true] },
			hide: { meetingEngagement: ['polls', 'questions', 'survey'], webinarEngagement: ['polls', 'questions', 'survey'] },
		},
	},
	// Up to 1.1 Lead Events stood alone, and sent events even with Send Brevo Event off; from 1.2
	// they are Brevo events like the others, shown (and sent) only with Send Brevo Event on.
	leadEvents({ operation: SCORED_OPERATIONS, scoreLeads: [true], ...UP_TO_VERSION_1_1 }),
	leadEvents({ operation: SCORED_OPERATIONS, scoreLeads: [true], sendEvent: [true], ...FROM_VERSION_1_2 }),
	{
		displayName: 'Score Weights and Thresholds',
		name: 'scoreSettings',
		type: 'collection',
		placeholder: 'Change a Weight or Threshold',
		default: {},
		displayOptions: { show: { operation: SCORED_OPERATIONS, scoreLeads: [true] } },
		description: 'The defaults add up to 100 for someone who stayed throughout, answered 3 polls, asked 2 questions, answered the survey and registered 5 days early',
		options: [
			number('attendance', 'Attendance (Points at 100%)', 'Points for attending the whole session; proportional below'),
			number('attendedLive', 'Attended Live (Points)', 'Points for joining the live session at all'),
			number('hot', 'Hot Lead From Score', 'Score from which a person is a hot lead'),
			number('minuteCap', 'Minutes (Max Points)', 'Most points minutes attended can earn'),
			number('registeredEarlyDay', 'Points per Day Registered Early', 'Days between registering and the start (webinars with registration details)'),
			number('minuteAttended', 'Points per Minute Attended', 'For scoring by time rather than share of the session'),
			number('pollAnswered', 'Points per Poll Answered', 'Counted when poll answers are read'),
			number('questionAsked', 'Points per Question Asked', 'Counted when Q&A questions are read'),
			number('extraSession', 'Points per Rejoin', 'Per session after the first'),
			number('pollCap', 'Polls (Max Points)', 'Most points polls can earn'),
			number('questionCap', 'Questions (Max Points)', 'Most points questions can earn'),
			number('registeredEarlyCap', 'Registered Early (Max Points)', 'Most points registering early can earn'),
			number('extraSessionCap', 'Rejoins (Max Points)', 'Most points rejoins can earn'),
			number('surveyAnswered', 'Survey Answered (Points)', 'Counted when survey answers are read'),
			number('warm', 'Warm Lead From Score', 'Score from which a person is a warm lead'),
		],
	},
];
