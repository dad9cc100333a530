import type {
  Activity,
  Catalog,
  CommonFocusArea,
  FocusArea,
  Goal,
  Person,
  Plan,
  StatusDefinition,
} from '../../db/model/catalog-schema.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import { type ActivityStatus, activityStatus, DEFAULT_STATUSES } from './status.js';

export interface GoalEntry {
  readonly goal: Goal;
  readonly plan: Plan;
  readonly focusArea: FocusArea | undefined;
}

export interface FocusAreaEntry {
  readonly area: FocusArea | CommonFocusArea;
  /** The plan it belongs to; undefined for the follow-up report's common insatsområden. */
  readonly plan: Plan | undefined;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The catalog as commands read it: indexed once per catalog revision, so answering `/delmal 5`
 * costs map look-ups, not a dozen queries.
 */
export class CatalogView {
  readonly currentPlan: Plan | undefined;
  readonly goals = new Map<string, GoalEntry>();
  readonly focusAreas = new Map<string, FocusAreaEntry>();
  readonly activityAreas = new Map<string, { title: string; focusAreaId: string }>();
  readonly activities = new Map<string, Activity>();
  readonly people = new Map<string, Person>();
  readonly levels = new Map<string, { title: string }>();
  private readonly byGoal = new Map<string, Activity[]>();
  private readonly byOwner = new Map<string, Activity[]>();
  private readonly networksByChair = new Map<string, Catalog['networks']>();

  constructor(readonly catalog: Catalog) {
    this.currentPlan = catalog.plans.find((p) => p.current);
    for (const plan of catalog.plans) {
      for (const area of plan.focusAreas) this.focusAreas.set(area.id, { area, plan });
      for (const goal of plan.goals)
        this.goals.set(goal.id, {
          goal,
          plan,
          focusArea: plan.focusAreas.find((f) => f.id === goal.focusArea),
        });
    }
    for (const area of catalog.followUp?.focusAreas ?? []) {
      this.focusAreas.set(area.id, { area, plan: undefined });
      for (const a of area.activityAreas)
        this.activityAreas.set(a.id, { title: a.title, focusAreaId: area.id });
    }
    for (const level of catalog.interventionLevels) this.levels.set(level.id, level);
    for (const person of catalog.people) this.people.set(person.email, person);
    for (const activity of catalog.activities) {
      this.activities.set(activity.id, activity);
      for (const goal of activity.goals) push(this.byGoal, goal, activity);
      for (const owner of activity.owners) push(this.byOwner, owner, activity);
    }
    for (const network of catalog.networks)
      for (const chair of network.chairs) push(this.networksByChair, chair, network);
  }

  /** The current plan's goals in order. */
  currentGoals(): readonly Goal[] {
    return [...(this.currentPlan?.goals ?? [])].sort((a, b) => a.number - b.number);
  }

  /** Goal `number` of the current plan. */
  goalByNumber(number: number): GoalEntry | undefined {
    const goal = this.currentPlan?.goals.find((g) => g.number === number);
    return goal ? this.goals.get(goal.id) : undefined;
  }

  activitiesOfGoal(goalId: string): readonly Activity[] {
    return this.byGoal.get(goalId) ?? [];
  }

  activitiesOwnedBy(email: string): readonly Activity[] {
    return this.byOwner.get(email.toLowerCase()) ?? [];
  }

  networksChairedBy(email: string): Catalog['networks'] {
    return this.networksByChair.get(email.toLowerCase()) ?? [];
  }

  /** The current plan's status vocabulary (the default one when it defines none). */
  vocabulary(): readonly StatusDefinition[] {
    const own = this.currentPlan?.statuses ?? [];
    return own.length > 0 ? own : DEFAULT_STATUSES;
  }

  /**
   * The status vocabulary of the activity's own plan (the plan of its first delmål, else of its
   * insatsområden, else the current plan), so an activity of an older plan is reported and shown in
   * that plan's words; the default vocabulary when that plan defines none. The round engine's
   * prompts (`PromptCatalog.planOf`) choose the plan the same way.
   */
  vocabularyOf(activity: Activity): readonly StatusDefinition[] {
    const plan =
      activity.goals.map((id) => this.goals.get(id)?.plan).find(Boolean) ??
      activity.focusAreas.map((id) => this.focusAreas.get(id)?.plan).find(Boolean) ??
      this.currentPlan;
    const own = plan?.statuses ?? [];
    return own.length > 0 ? own : DEFAULT_STATUSES;
  }

  /** The activity's status: its latest check-in's when it has one, else the follow-up report's. */
  statusOf(
    activity: Activity,
    locale: Locale,
    t: Translate,
    latest?: { readonly statusCode: string },
  ): ActivityStatus {
    return activityStatus(activity, this.vocabularyOf(activity), locale, t, latest);
  }

  /** Owner names for display, falling back to the address when a person is unknown. */
  ownerNames(activity: Activity): string[] {
    return activity.owners.map((email) => this.people.get(email)?.name ?? email);
  }
}
