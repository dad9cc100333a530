import type { HomeView, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { checkSlackLimits, SLACK_LIMITS } from './slack-limits.js';

/**
 * Lists every Block Kit limit a modal or App Home view breaks (Slack refuses such a view with
 * `invalid_arguments`); an empty array means it should be accepted. Messages: `checkSlackLimits`.
 */
export function checkSlackView(view: ModalView | HomeView): string[] {
  const L = SLACK_LIMITS;
  const problems: string[] = [];
  const tooLong = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} characters; the limit is ${max}`);
  };
  if (view.blocks.length > L.blocksPerView)
    problems.push(`view has ${view.blocks.length} blocks; the limit is ${L.blocksPerView}`);
  tooLong('private_metadata', view.private_metadata?.length ?? 0, L.privateMetadata);
  tooLong('callback_id', view.callback_id?.length ?? 0, L.callbackId);
  if (view.type === 'modal') {
    tooLong('modal title', view.title.text.length, L.viewTitle);
    tooLong('modal submit', view.submit?.text.length ?? 0, L.viewTitle);
    tooLong('modal close', view.close?.text.length ?? 0, L.viewTitle);
  }
  (view.blocks as KnownBlock[]).forEach((block, index) => {
    const where = `block ${index + 1} (${block.type})`;
    if (block.type !== 'input') {
      // Everything else follows the message rules, block by block (minus the 50-block count).
      for (const problem of checkSlackLimits({ text: 'x', blocks: [block] }))
        problems.push(`${where}: ${problem.replace(/^block 1 \([^)]*\): /, '')}`);
      return;
    }
    tooLong(`${where}: label`, block.label.text.length, L.inputLabel);
    tooLong(`${where}: hint`, block.hint?.text.length ?? 0, L.inputHint);
    const element = block.element;
    tooLong(`${where}: action_id`, element.action_id?.length ?? 0, L.actionId);
    if (element.type === 'static_select') {
      const options = (element.options ?? []) as PlainTextOption[];
      if (options.length > L.selectOptions)
        problems.push(`${where}: ${options.length} options; the limit is ${L.selectOptions}`);
      for (const option of options) {
        tooLong(`${where}: option text`, option.text.text.length, L.optionText);
        tooLong(`${where}: option value`, option.value?.length ?? 0, L.optionValue);
      }
    }
  });
  return problems;
}
