import type { svPrompts } from './sv-prompts.js';

/** English: scheduled check-in prompts, answers and edits. */
export const enPrompts: Readonly<Record<keyof typeof svPrompts, string>> = {
  'prompt.heading.prompt': 'Time to check in',
  'prompt.heading.reminder': 'Reminder: check-in',
  'prompt.heading.catchUp': 'Welcome back – check-in',
  'prompt.heading.week': '{title} · week {week}',
  'prompt.part': 'Part {index} of {count} · activity {first}–{last} of {total}',
  'prompt.part.short': 'part {index} of {count}',
  'prompt.intro.prompt':
    'How is it going? You have {n} {n|activity|activities} to check in on. One tap on a status is enough; choose Add text to write something. Please answer by {deadline}.',
  'prompt.intro.reminder':
    'We have not had a check-in for {n} {n|activity|activities} yet. One tap is enough – please answer by {deadline}. This is the only reminder.',
  'prompt.intro.catchUp':
    'While you were away, {n} {n|activity|activities} waited for a check-in. Answer when you can, ideally by {deadline}.',
  'prompt.allAnswered':
    'Thank you! {n|The activity in this check-in is answered|All activities in this check-in are answered}.',
  'prompt.current': 'Last: {status}',
  'prompt.currentAt': 'Last: {status} ({date})',
  'prompt.answered.byYou': '✓ You answered {time}: {status}',
  'prompt.answered.byOther': '✓ {name} answered {time}: {status}',
  'prompt.answered.late': '(after the deadline)',
  'prompt.edit': 'Edit the answer',
  'prompt.comment': 'Add a comment',
  'prompt.comment.send': 'Send comment',
  'prompt.addText': 'Add text',
  'prompt.form.note': 'What has happened? (optional)',
  'prompt.form.notePlaceholder': 'About the activity, never about individuals',
  'prompt.form.nextStep': 'Next step (optional)',
  'prompt.form.needsSupport': 'Needs support',
  'prompt.form.comment': 'Comment',
  'prompt.footer':
    'Please answer by {deadline} – late answers are welcome too. You can edit your answer until the next check-in.',
  'checkin.saved.late': 'The answer came after the deadline and is marked late.',
  'checkin.saved.comment':
    'This round had already been answered by another owner; your answer is kept as a comment.',
  'checkin.saved.nextStep': 'Next step: {text}',
  'checkin.saved.support': 'You asked for support – it shows in the network’s digest.',
  'checkin.error.nextStepLength': 'the next step may be at most {max} characters',
  'checkin.error.nothingToEdit': 'there is no check-in of {activity} to edit yet',
  'checkin.error.editClosed':
    'the check-in can no longer be edited because a new check-in round has started – check in again instead',
  'checkin.edit.heading': 'Edit check-in: {activity}',
  'checkin.edit.text': 'Choose a status and change the text if needed. Every version is kept.',
  'checkin.edit.saved': 'Edited {time} — {status} (version {version}).',
  'checkin.edit.unchanged': 'Nothing changed – the check-in already says that.',
  'cmd.edit.summary': 'edit the latest check-in of an activity (until the next round)',
};
