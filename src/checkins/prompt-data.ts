import type { Activity, Catalog, Plan, StatusDefinition } from '../../db/model/catalog-schema.js';
import { DEFAULT_STATUSES } from '../catalog/status.js';
import type { PromptActivity, PromptStatus } from './prompt-message.js';

/**
 * What a prompt says about each activity, from the catalog: the activity's OWN plan's status
 * vocabulary (an activity of an older plan answers in that plan's words, not the current one's),
 * the status last reported, and a short context line. Built once per round, reused per owner.
 */
export class PromptCatalog {
  private readonly planOfGoal = new Map<string, Plan>();
  private readonly planOfArea = new Map<string, Plan>();
  private readonly goalNumber = new Map<string, { plan: Plan; number: number; area?: string }>();
  private readonly areaTitle = new Map<string, string>();
  private readonly current: Plan | undefined;
  private readonly statuses = new Map<string, readonly PromptStatus[]>();
  private readonly built = new Map<string, PromptActivity>();
  private readonly activities: ReadonlyMap<string, Activity>;

  constructor(
    catalog: Catalog,
    /** The latest reported status per activity id: its code and when it was reported (UTC ISO). */
    private readonly latest: ReadonlyMap<string, { readonly statusCode: string; readonly at?: string }>,
  ) {
    this.current = catalog.plans.find((p) => p.current);
    this.activities = new Map(catalog.activities.map((a) => [a.id, a]));
    for (const plan of catalog.plans) {
      for (const goal of plan.goals) {
        this.planOfGoal.set(goal.id, plan);
        this.goalNumber.set(goal.id, {
          plan,
          number: goal.number,
          ...(goal.focusArea ? { area: goal.focusArea } : {}),
        });
      }
      for (const area of plan.focusAreas) {
        this.planOfArea.set(area.id, plan);
        this.areaTitle.set(area.id, area.title);
      }
    }
    for (const area of catalog.followUp?.focusAreas ?? []) this.areaTitle.set(area.id, area.title);
  }

  /** The plan an activity belongs to: through its delmål, else its insatsområden, else the current plan. */
  planOf(activity: Activity): Plan | undefined {
    for (const g of activity.goals) {
      const plan = this.planOfGoal.get(g);
      if (plan) return plan;
    }
    for (const f of activity.focusAreas) {
      const plan = this.planOfArea.get(f);
      if (plan) return plan;
    }
    return this.current;
  }

  /** One activity as a prompt lists it; undefined when the catalog no longer has it. */
  activity(activityId: string): PromptActivity | undefined {
    const cached = this.built.get(activityId);
    if (cached) return cached;
    const activity = this.activities.get(activityId);
    if (!activity) return undefined;
    const context = this.contextOf(activity);
    const current = this.latest.get(activity.id);
    const built: PromptActivity = {
      activityId: activity.id,
      name: activity.name,
      ...(context ? { context } : {}),
      statuses: this.statusesOf(this.planOf(activity)),
      ...(current ? { currentStatus: current.statusCode } : {}),
      ...(current?.at ? { currentAt: current.at } : {}),
    };
    this.built.set(activityId, built);
    return built;
  }

  private statusesOf(plan: Plan | undefined): readonly PromptStatus[] {
    const key = plan?.id ?? '';
    let list = this.statuses.get(key);
    if (!list) {
      const own = plan?.statuses ?? [];
      list = (own.length > 0 ? own : DEFAULT_STATUSES).map(toPromptStatus);
      this.statuses.set(key, list);
    }
    return list;
  }

  /** `Delmål 5, 6 · Sårbara barns och ungas rättigheter`: where the activity sits in its plan. */
  private contextOf(activity: Activity): string | undefined {
    const goals = activity.goals.map((g) => this.goalNumber.get(g)).filter((g) => g !== undefined);
    const parts: string[] = [];
    const first = goals[0];
    if (first) {
      const term = first.plan.goalTerm.charAt(0).toLocaleUpperCase('sv') + first.plan.goalTerm.slice(1);
      parts.push(`${term} ${goals.map((g) => g.number).join(', ')}`);
    }
    const areas = [...activity.focusAreas, ...goals.map((g) => g.area).filter((a) => a !== undefined)];
    const area = areas.map((f) => this.areaTitle.get(f)).find(Boolean);
    if (area) parts.push(area);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }
}

function toPromptStatus(definition: StatusDefinition): PromptStatus {
  return {
    code: definition.code,
    label: definition.label,
    labelEn: definition.labelEn,
    tone: definition.colour,
  };
}
