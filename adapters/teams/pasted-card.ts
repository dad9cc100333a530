import { z } from 'zod';

const CARD = 'application/vnd.microsoft.card.adaptive';
const attachments = z.object({
  attachments: z
    .array(z.object({ contentType: z.string(), content: z.unknown().optional() }))
    .max(20)
    .catch([]),
});

/**
 * A card someone inserted from delmal's message extension and sent into the chat with delmal
 * arrives as a message whose `text` is Teams' HTML placeholder (`<span class="inline-compose-card"
 * …>`) with the card in `attachments`. Searching that text answers nonsense (`Träffar för " "`).
 * Returns undefined for any other message; otherwise the card's heading (the activity's name,
 * "Delmål 5: …") — what the pasted card is about — or null when it has none.
 */
export function pastedCardHeading(activity: unknown, text: string): string | null | undefined {
  const cards = attachments.safeParse(activity);
  const card = cards.success ? cards.data.attachments.find((a) => a.contentType === CARD) : undefined;
  const inline = /inline-compose-card/.test(text);
  const html = /^\s*<[a-z]/i.test(text);
  if (!inline && !(html && card)) return undefined;
  return card ? (headingOf(card.content) ?? null) : null;
}

const textBlock = z.object({ type: z.literal('TextBlock'), text: z.string(), size: z.string().optional() });

/** The first large TextBlock of a card (delmal's headings), else its first TextBlock. */
function headingOf(content: unknown): string | undefined {
  const blocks: z.infer<typeof textBlock>[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || blocks.length > 50 || typeof node !== 'object' || node === null) return;
    const parsed = textBlock.safeParse(node);
    if (parsed.success) blocks.push(parsed.data);
    for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(content, 0);
  const heading = blocks.find((b) => b.size?.toLowerCase() === 'large') ?? blocks[0];
  const text = heading?.text.trim();
  return text ? text.slice(0, 200) : undefined;
}

/**
 * The command that answers about a pasted card's heading: `Delmål 5: …` is `delmal 5`, an
 * activity's name is `delmal aktivitet <name>`.
 */
export function commandForHeading(heading: string): string {
  const goal = /^(?:delmål|goal)\s+(\d+)\b/i.exec(heading);
  return goal ? `delmal ${goal[1]}` : `delmal aktivitet ${heading}`;
}
