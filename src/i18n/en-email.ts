import type { svEmail } from './sv-email.js';

/** English: e-mail prompts, the answer page, its accessibility statement, and their configuration. */
export const enEmail: Record<keyof typeof svEmail, string> = {
  'config.email.missingSmtpUrl':
    '{variable} is set but SMTP_URL is missing. Set SMTP_URL=smtp://user:password@relay.example.org:587 to turn e-mail on, or remove {variable}.',
  'config.email.smtpUrl':
    '{variable} must be an smtp:// or smtps:// address, e.g. smtp://relay.example.org:587 (got "{value}").',
  'config.email.missingFrom':
    'MAIL_FROM is missing: give the sender, e.g. MAIL_FROM="delmal <delmal@example.org>".',
  'config.email.from':
    '{variable} must be an e-mail address, e.g. "delmal <delmal@example.org>" (got "{value}").',
  'config.email.publicUrl':
    '{variable} must be delmal\'s public address with http(s), e.g. https://delmal.example.org (got "{value}").',
  'config.email.missingPublicUrl':
    "PUBLIC_URL is missing: the answer page's links in e-mail need delmal's public address, e.g. PUBLIC_URL=https://delmal.example.org.",
  'config.email.missingLinkSecret':
    'DELMAL_LINK_SECRET is missing: links in e-mail are signed with it. Create one with `openssl rand -hex 32`.',
  'config.email.shortLinkSecret':
    '{variable} is too short: at least 32 characters. Create one with `openssl rand -hex 32`.',
  'config.email.rate': '{variable} must be a number of messages per second above 0, e.g. 10 (got "{value}").',
  'config.email.dkimIncomplete':
    '{variable} is missing: DKIM needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY together (or none of them).',
  'config.email.dkimKey':
    '{variable} must be a PEM private key ("-----BEGIN PRIVATE KEY-----…"); line breaks may be written \\n.',
  'email.subject.prompt': 'Check-in: {names} – please answer by {deadline}',
  'email.subject.reminder': 'Reminder: check-in of {names} – please answer by {deadline}',
  'email.subject.catchUp': 'Check-in after your absence: {names} – please answer by {deadline}',
  'email.subject.answered': 'The check-in is answered: {names}',
  'email.subject.digest': 'Weekly digest – {network}, {period}',
  'email.digestFooter':
    'You get this digest as a chair of the network because you asked for it by e-mail. Tell the plan administrator if you want it to stop.',
  'email.answerLink': 'Answer the check-in',
  'email.answerHint':
    'The link is personal and works until the next check-in starts. No login needed. Opening it changes nothing – your answer is saved only when you send it.',
  'email.noLink': 'Answer in Slack or Teams, or contact your process lead.',
  'email.footer':
    "You get this message because you own an activity in Region Örebro län's action plan. Questions? Contact your process lead.",
  'email.test.subject': 'Test message from delmal',
  'email.test.body': 'This is a test message from delmal. If you can read it, e-mail works.',
  'answer.title': 'Check-in – delmal',
  'answer.heading': 'Check-in',
  'answer.intro':
    'Hello {name}! Choose a status for each activity. Text is optional. Please answer by {deadline}.',
  'answer.legend': 'Status of {activity}',
  'answer.note': 'What happened? (optional)',
  'answer.noteHint':
    'Write about the activity, never about individuals. Personal identity numbers are refused.',
  'answer.nextStep': 'Next step (optional)',
  'answer.needsSupport': 'Needs support from the network',
  'answer.current': 'Last reported status: {status}',
  'answer.yourAnswer': 'Your answer {time}: {status}. You can change it until the next check-in.',
  'answer.otherAnswer': '{name} answered {time}: {status}. Your answer is saved as a comment.',
  'answer.submit': 'Send answer',
  'answer.submitEdit': 'Save changes',
  'answer.saved': 'Thank you! Your answer is saved.',
  'answer.savedEdited': 'Thank you! Your answer is changed (earlier versions are kept).',
  'answer.savedLate': 'The answer came after the last day and is marked late.',
  'answer.errorSummary':
    'The answer could not be saved. Correct {n|the error|the errors} below – your text is kept.',
  'answer.error.status': 'Choose a status for {activity}.',
  'answer.error.personalNumber':
    'The text seems to contain a personal identity number. Remove it – write about the activity, never about individuals.',
  'answer.error.length': 'The text is too long: at most {max} characters.',
  'answer.error.notOwner': 'You no longer own {activity}. Contact your process lead.',
  'answer.expired.title': 'The link has expired',
  'answer.expired.text':
    'This check-in has closed, so the link no longer works. You will get a new link when the next check-in starts.',
  'answer.invalid.title': 'The link does not work',
  'answer.invalid.text':
    'The link is incomplete or has been changed. Open it straight from the e-mail, or copy the whole address.',
  'answer.foreign.title': 'The link is not yours',
  'answer.foreign.text':
    'This link belongs to another person or to activities you no longer own. Use the link in your own e-mail.',
  'answer.tooMany.title': 'Too many attempts',
  'answer.tooMany.text': 'Wait a minute and try again.',
  'answer.method': 'The page can only be shown, or sent from its form.',
  'answer.footer.statement': 'Accessibility statement',
  'answer.footer.region': 'delmal · Region Örebro län',
  'answer.skip': 'Skip to content',
  'statement.title': 'Accessibility statement – delmal',
  'statement.heading': "Accessibility statement for delmal's answer page",
  'statement.intro':
    'Region Örebro län is responsible for this page. We want as many people as possible to be able to use it. This describes how the check-in answer page meets the Swedish act (2018:1937) on accessibility of digital public services, known problems and how to report them.',
  'statement.status.heading': 'How accessible is the page?',
  'statement.status.text':
    'The answer page fully conforms to WCAG 2.1 level AA. It works without JavaScript, with a keyboard only, with screen readers, at 200 % zoom and in 320-pixel-wide windows.',
  'statement.feedback.heading': 'What can you do if you cannot use the page?',
  'statement.feedback.text':
    'If you need the content in another form, or find a problem, contact your process lead at Område Välfärd och folkhälsa, Region Örebro län. You can also answer the check-in in Slack or Teams, or by e-mail to your process lead.',
  'statement.supervision.heading': 'Supervision',
  'statement.supervision.text':
    'The Agency for Digital Government (Digg) supervises the act. If you are not satisfied with how we handle your feedback, you can contact Digg (digg.se/tdosanmalan).',
  'statement.method.heading': 'How we tested the page',
  'statement.method.text':
    'The page is checked automatically with axe-core in Chromium on every change, and by hand with a keyboard, zoom and a narrow screen. The statement was updated {date}.',
  'statement.back': 'Back',
  'mail.cli.sent': 'The relay accepted the message to {to}: {response} (message id {id}).',
  'mail.cli.failed': 'The message to {to} could not be sent: {error}',
  'mail.cli.off':
    "E-mail is off: set SMTP_URL and MAIL_FROM (see docs/email.md). Locally, e-mail lands in the playground's inbox.",
  'mail.cli.badAddress': '"{to}" is not an e-mail address.',
  'cli.help.mail': 'e-mail: send a test message (delmal mail test ‹address›)',
  'cli.help.mailTest': 'send a test message to ‹address› and show what the relay said',
  'doctor.email': 'E-mail:',
  'doctor.email.off': '  off (no SMTP_URL) – owners with reach email/chat-then-email cannot be reached',
  'doctor.email.on':
    '  on: relay {relay}, sender {from}, at most {rate}/s, DKIM {dkim}, links to {publicUrl}',
  'doctor.email.local': "  local: e-mail shows in the playground's inbox (/playground/mail)",
  'playground.mail.title': 'E-mail – delmal playground',
  'playground.mail.heading': 'E-mail',
  'playground.mail.intro':
    'This would have been sent by e-mail. The links work: they open the answer page as the owner sees it.',
  'playground.mail.empty': 'No e-mail yet. Give a person "reach: email" in the catalog and run a check-in.',
  'playground.mail.to': 'To',
  'playground.mail.back': 'To the playground',
  'doctor.reachedBy': 'Check-in prompts of the last 14 days reached their owners by: {list}',
};
