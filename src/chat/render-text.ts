/**
 * Renders a neutral `Reply` as plain text for terminals (the CLI and the console chat). No colours
 * and no hard wrapping: the terminal wraps, and the output must stay readable when piped to a file.
 * Every button becomes the command a user can type instead, so nothing is lost without buttons.
 */
import type { Translate } from '../i18n/i18n.js';
import type { Action, Block, ListItem, Pagination, Question, Reply } from './reply.js';
import { stripBold } from './reply-text.js';

const RULE = '─'.repeat(40);

/**
 * Renders `reply` as lines of text, blocks separated by a blank line. `t` is unused today but keeps
 * the signature the same as the other renderers, so callers can pick a renderer by format.
 */
export function renderText(reply: Reply, _t: Translate): string {
  const sections = reply.blocks.map(renderBlock).filter((section) => section.length > 0);
  if (reply.pagination) sections.push(renderPagination(reply.pagination));
  return sections.join('\n\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.text.trim() ? `${block.text}\n${'═'.repeat(Math.max(3, [...block.text].length))}` : '';
    case 'text':
    case 'context':
      return stripBold(block.text).trim();
    case 'fields':
      return block.fields.map((field) => `${field.label}: ${field.value}`).join('\n');
    case 'list':
      return renderList(block.heading, block.items);
    case 'actions':
      return block.actions.map(renderAction).join('\n');
    case 'more':
      return renderAction({ kind: 'command', label: block.label, command: block.command });
    case 'divider':
      return RULE;
    case 'form':
      // A terminal has no inputs: the choices of a form shown open, and the command that asks for it.
      return [
        ...(block.expanded ? block.submits.map((s) => renderAction({ kind: 'command', ...s })) : []),
        renderAction({ kind: 'command', label: block.label, command: block.open }),
      ].join('\n');
    case 'question':
      return renderQuestion(block);
  }
}

/** A question as its title, context and state, then each answer and the form as words to type. */
function renderQuestion(question: Question): string {
  const badge = question.status ? `  [${question.status.label}]` : '';
  const lines = [`• ${question.title}${badge}`];
  for (const line of [question.detail, question.note]) if (line?.trim()) lines.push(`  ${line}`);
  for (const answer of question.answers) lines.push(`  ${renderAction(answer)}`);
  if (question.form)
    lines.push(
      `  ${renderAction({ kind: 'command', label: question.form.label, command: question.form.open })}`,
    );
  return lines.join('\n');
}

function renderList(heading: string | undefined, items: readonly ListItem[]): string {
  const lines = heading?.trim() ? [heading] : [];
  for (const item of items) {
    const badge = item.status ? `  [${item.status.label}]` : '';
    lines.push(`• ${item.title}${badge}`);
    if (item.detail?.trim()) lines.push(...item.detail.split('\n').map((line) => `  ${line}`));
    if (item.action) lines.push(`  ${renderAction(item.action)}`);
  }
  return lines.join('\n');
}

function renderPagination(pagination: Pagination): string {
  const moves = [pagination.previous, pagination.next].flatMap((action) =>
    action ? [renderAction(action)] : [],
  );
  return [pagination.label, ...moves].join('\n');
}

/** An action as the words to type (or the link to open), since a terminal has no buttons. */
function renderAction(action: Action): string {
  // Labels may carry their own arrow ("Delmål 6 →"): one arrow per line is enough.
  const label = action.label.replace(/\s*[→←]\s*/g, ' ').trim();
  return `→ ${label}: ${action.kind === 'url' ? action.url : action.command}`;
}
