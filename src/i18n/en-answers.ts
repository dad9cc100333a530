import type { svAnswers } from './sv-answers.js';

/** English messages for the thesaurus and for questions with an intent. */
export const enAnswers: Readonly<Record<keyof typeof svAnswers, string>> = {
  'thesaurus.expected.words': 'expected a list of at least two words or phrases, e.g. [missbruk, beroende].',
  'thesaurus.expected.groups': 'expected a list of groups (id and words).',
  'thesaurus.duplicateId': 'the group "{value}" appears earlier in the file. Every group needs its own id.',
  'search.goalTitle': '{term} {number}: {title}',
  'search.olderGoalTitle': '{term} {number} ({plan}): {title}',
  'search.noteWhere': 'check-in {date}',
  'playground.welcome.title': 'Ask about the plan in your own words',
  'playground.welcome.text':
    'Pick who you are on the left and type a question below – or start with one of the examples. The bot answers from the plan and the latest check-ins.',
  'playground.welcome.channel':
    'In a network channel the bot answers when addressed: /delmal or @delmal first. The examples do that for you.',
  'playground.example.goal': 'delmal 5',
  'playground.example.search': 'who works on ensamhet bland äldre?',
  'playground.example.owner': 'vem äger CROSS?',
  'playground.example.progress': 'hur går det för delmål 7?',
  'playground.example.status': 'vilka aktiviteter är pausade?',
  'playground.example.changes': 'vad har ändrats sedan förra veckan?',
  'cmd.intent.summary':
    'questions in your own words: who owns, how is it going, which are paused, what changed since …',
  'intent.none': 'No activities right now.',
  'intent.owner.heading': 'Owners of {subject}',
  'intent.owner.searchHeading': 'Who works on "{subject}"',
  'intent.progress.heading': 'How {subject} is going',
  'intent.progress.rollUp': 'Overall status',
  'intent.progress.checkedIn': 'Activities with a check-in',
  'intent.progress.note': '{author}, {date}: {note}',
  'intent.status.heading': 'Activities with status {status}',
  'intent.status.none': 'No activity has the status {status} right now.',
  'intent.status.ongoing': 'Activities under way',
  'intent.changes.heading': 'Changed since {date}',
  'intent.changes.none': 'No check-ins since {date}.',
  'intent.changes.detail': 'checked in by {author}, {date}',
  'intent.level.heading': 'Activities at the insatsnivå {level}',
  'intent.group.heading': 'Activities for {group}',
  'intent.group.none': 'I found no activities for {group}.',
};
