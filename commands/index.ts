import type { ChatCommand } from '../src/asking/command.js';
import { activity } from './activity.js';
import { away, back } from './away.js';
import { checkIn, editCheckIn } from './check-in.js';
import { deliveries } from './deliveries.js';
import { digest } from './digest.js';
import { goal } from './goal.js';
import { help } from './help.js';
import { intent } from './intent.js';
import { listGoals } from './list-goals.js';
import { mine } from './mine.js';
import { network } from './network.js';
import { search } from './search.js';
import { status } from './status.js';

/** Every chat command, in the order help lists them. */
export const COMMANDS: readonly ChatCommand[] = [
  listGoals,
  goal,
  activity,
  search,
  intent,
  mine,
  checkIn,
  editCheckIn,
  away,
  back,
  status,
  network,
  digest,
  deliveries,
  help,
];
