/**
 * The subset of Adaptive Card 1.5 JSON that delmal emits. Kept small on purpose: the generated
 * types in `@microsoft/teams.cards` describe the whole (newer) schema, and a narrow type makes it
 * a compile error to emit something we have not checked against Teams and the `adaptivecards` parser.
 * Schema: https://adaptivecards.io/explorer/
 */

export type AcTextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';

/** Properties every element may carry. */
interface AcElementBase {
  /** Draws a line above the element (our rendering of a neutral `divider`). */
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  /** Needed only by elements an `Action.ToggleVisibility` shows or hides; unique in the card. */
  id?: string;
  /** False hides the element until an `Action.ToggleVisibility` shows it. */
  isVisible?: boolean;
}

export interface AcTextBlock extends AcElementBase {
  type: 'TextBlock';
  /** Must not be empty. Adaptive Cards markdown: `**bold**`, `_italic_`, lists, links. */
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: AcTextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

interface AcFactSet extends AcElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface AcColumn {
  type: 'Column';
  /** A number is a weight: columns share the width in proportion to their weights. */
  width: 'auto' | 'stretch' | number;
  items: AcElement[];
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
}

interface AcColumnSet extends AcElementBase {
  type: 'ColumnSet';
  columns: AcColumn[];
}

export interface AcContainer extends AcElementBase {
  type: 'Container';
  items: AcElement[];
  selectAction?: AcSelectAction;
}

export interface AcActionSet extends AcElementBase {
  type: 'ActionSet';
  actions: AcAction[];
}

/** A text input; its value is posted back under `id` with the action that submits it. */
interface AcInputText extends AcElementBase {
  type: 'Input.Text';
  id: string;
  label: string;
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  value?: string;
}

/** A yes/no input; posted back as `valueOn` / `valueOff` (strings). */
interface AcInputToggle extends AcElementBase {
  type: 'Input.Toggle';
  id: string;
  title: string;
  value?: 'true' | 'false';
  valueOn: 'true';
  valueOff: 'false';
}

export type AcElement =
  | AcTextBlock
  | AcFactSet
  | AcColumnSet
  | AcContainer
  | AcActionSet
  | AcInputText
  | AcInputToggle;

/** Runs a chat command: Teams posts `data` back to the bot as `activity.value`. */
export interface AcSubmitAction {
  type: 'Action.Submit';
  title: string;
  /** `form`: the key of the form whose inputs (ids `<form>.<name>`) this button submits. */
  data: { command: string; form?: string };
  style?: 'default' | 'positive' | 'destructive';
}

/** Shows or hides elements of the card in place, without asking the bot (a form one tap away). */
export interface AcToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

/**
 * Runs a chat command as a Universal Action: Teams invokes the bot (`adaptiveCard/action`) and
 * replaces the card with the one it returns. Clients without Universal Actions use the fallback.
 */
export interface AcExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  /** `form`: as for `Action.Submit`; Teams sends the card's inputs along in the invoke. */
  data: { command: string; form?: string };
  style?: 'default' | 'positive' | 'destructive';
  fallback: AcSubmitAction;
}

interface AcOpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

interface AcShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AcNestedCard;
}

export type AcAction =
  | AcSubmitAction
  | AcExecuteAction
  | AcOpenUrlAction
  | AcShowCardAction
  | AcToggleVisibilityAction;

/** Adaptive Cards forbid `Action.ShowCard` as a `selectAction`. */
export type AcSelectAction = AcSubmitAction | AcExecuteAction | AcOpenUrlAction;

/** The card shown by `Action.ShowCard`; it inherits version and schema from the outer card. */
export interface AcNestedCard {
  type: 'AdaptiveCard';
  body: AcElement[];
  actions?: AcAction[];
}

/** A complete Adaptive Card as sent to Teams (and shown by the local playground). */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: AcElement[];
  actions?: AcAction[];
  /** Teams-only: use the full width of the chat instead of the narrow default. */
  msteams: { width: 'Full' };
}
