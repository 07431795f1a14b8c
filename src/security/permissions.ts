/**
 * Permissions per principal. The file (authPermissionsFile) reads:
 *
 *   { "principals": {
 *       "orders-service": [ { "resource": "topic:orders", "actions": ["produce", "consume"] } ],
 *       "analytics":      [ { "resource": "topic:logs.*", "actions": ["consume"] },
 *                           { "resource": "consumer-group:analytics-*", "actions": ["consume"] } ],
 *       "ops":            [ { "resource": "*", "actions": ["*"] } ],
 *       "*":              [ { "resource": "cluster", "actions": ["metrics"] } ] } }
 *
 * A resource is `topic:<name>`, `consumer-group:<id>`, `share-group:<id>` or `cluster`; a name ending in `*` is a
 * prefix (`topic:logs.*` matches `logs.app`, `topic:*` every topic) and the resource `*` matches every resource,
 * `cluster` included. Actions are produce, consume, admin and metrics; `*` is all of them. The principal `*`
 * holds permissions every authenticated principal gets in addition to its own. Nothing is allowed unless a rule
 * allows it; there are no deny rules.
 */
import fs from 'node:fs';

export const ACTIONS = ['produce', 'consume', 'admin', 'metrics'] as const;
export type Action = (typeof ACTIONS)[number];
export const RESOURCE_KINDS = ['topic', 'consumer-group', 'share-group'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A concrete resource a call touches: a topic, a group, or the cluster itself. */
export type Resource = { kind: ResourceKind; name: string } | { kind: 'cluster' };

export function formatResource(resource: Resource): string {
  return resource.kind === 'cluster' ? 'cluster' : `${resource.kind}:${resource.name}`;
}

interface Rule {
  /** undefined: every kind (the resource `*`). */
  kind: ResourceKind | 'cluster' | undefined;
  /** Exact name, or a prefix when `prefix` is true; unused for cluster. */
  name: string;
  prefix: boolean;
  actions: Set<Action>;
}

export class Permissions {
  private constructor(private readonly rules: Map<string, Rule[]>) {}

  /** Every principal may do everything: authentication without authorization rules. */
  static allowAll(): Permissions {
    return new Permissions(new Map([['*', [{ kind: undefined, name: '', prefix: true, actions: new Set(ACTIONS) }]]]));
  }

  static load(file: string): Permissions {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`permissions file ${file}: ${(err as Error).message}`);
    }
    return Permissions.parse(json, `permissions file ${file}`);
  }

  static parse(json: unknown, where = 'permissions'): Permissions {
    const principals = (json as { principals?: unknown } | null)?.principals;
    if (typeof principals !== 'object' || principals === null || Array.isArray(principals)) {
      throw new Error(`${where}: expected {"principals": {"<principal>": [rules]}}`);
    }
    const rules = new Map<string, Rule[]>();
    for (const [principal, list] of Object.entries(principals)) {
      if (!Array.isArray(list)) throw new Error(`${where}: principal "${principal}": expected a list of {"resource", "actions"}`);
      rules.set(
        principal,
        list.map((entry, i) => parseRule(entry, `${where}: principal "${principal}" rule ${i + 1}`)),
      );
    }
    return new Permissions(rules);
  }

  allows(principal: string, action: Action, resource: Resource): boolean {
    for (const key of [principal, '*']) {
      for (const rule of this.rules.get(key) ?? []) if (rule.actions.has(action) && matches(rule, resource)) return true;
    }
    return false;
  }

  /** Whether the principal holds any action on the resource (what it may see in a listing). */
  allowsAny(principal: string, resource: Resource): boolean {
    return ACTIONS.some((action) => this.allows(principal, action, resource));
  }
}

function parseRule(entry: unknown, where: string): Rule {
  const { resource, actions } = (entry ?? {}) as { resource?: unknown; actions?: unknown };
  if (typeof resource !== 'string' || resource === '') throw new Error(`${where}: "resource" must be a string such as "topic:orders"`);
  if (!Array.isArray(actions) || actions.length === 0) throw new Error(`${where}: "actions" must be a non-empty list`);
  const set = new Set<Action>();
  for (const action of actions) {
    if (action === '*') ACTIONS.forEach((a) => set.add(a));
    else if (ACTIONS.includes(action as Action)) set.add(action as Action);
    else throw new Error(`${where}: unknown action ${JSON.stringify(action)} (one of ${ACTIONS.join(', ')}, *)`);
  }
  if (resource === '*') return { kind: undefined, name: '', prefix: true, actions: set };
  if (resource === 'cluster') return { kind: 'cluster', name: '', prefix: false, actions: set };
  const colon = resource.indexOf(':');
  const kind = resource.slice(0, colon) as ResourceKind;
  if (colon < 0 || !RESOURCE_KINDS.includes(kind)) {
    throw new Error(`${where}: resource ${JSON.stringify(resource)} must be *, cluster, or topic:|consumer-group:|share-group: followed by a name or prefix*`);
  }
  let name = resource.slice(colon + 1);
  const prefix = name.endsWith('*');
  if (prefix) name = name.slice(0, -1);
  if (name.includes('*')) throw new Error(`${where}: resource ${JSON.stringify(resource)}: * is allowed only at the end`);
  if (!prefix && name === '') throw new Error(`${where}: resource ${JSON.stringify(resource)} has no name`);
  return { kind, name, prefix, actions: set };
}

function matches(rule: Rule, resource: Resource): boolean {
  if (rule.kind === undefined) return true;
  if (rule.kind !== resource.kind) return false;
  if (resource.kind === 'cluster') return true;
  return rule.prefix ? resource.name.startsWith(rule.name) : resource.name === rule.name;
}
