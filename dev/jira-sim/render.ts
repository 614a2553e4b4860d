/**
 * Jira REST v3 representations of the site model: the JSON shapes the simulator answers with
 * (checked against the OpenAPI schemas in test/dev/jira-sim/openapi.test.ts), and who may see what.
 * @module
 */
import type {
  AttachmentDef,
  ChangeItem,
  CommentDef,
  FieldDef,
  HistoryDef,
  IssueDef,
  ProjectDef,
  SimSite,
  SiteUser,
  Visibility,
  WorklogDef,
} from './fixture.js';
import { compareTimes, formatDuration } from './time.js';

/**
 * Who makes a request: the app's own user (asApp), or a site user, directly (Basic auth) or
 * through the app (Forge asUser, `viaApp`: an app access rule blocks it as it blocks the app).
 * `unrestricted`: the app as the simulator's Forge events render it, seeing every comment.
 */
export type Viewer =
  | { readonly kind: 'app'; readonly unrestricted?: boolean }
  | { readonly kind: 'user'; readonly user: SiteUser; readonly viaApp?: boolean };

type Obj = Record<string, unknown>;

export function isSiteAdmin(user: SiteUser): boolean {
  return user.siteAdmin || user.groups.some((g) => g.startsWith('jira-admins'));
}

export function isProjectAdmin(user: SiteUser, project: ProjectDef): boolean {
  return isSiteAdmin(user) || (project.admins ?? []).includes(user.accountId);
}

/** BROWSE_PROJECTS: as the project's `browseGroups` grant it (everyone when it has none). */
export function canBrowse(user: SiteUser, project: ProjectDef): boolean {
  const groups = project.browseGroups;
  return (
    groups === undefined ||
    isProjectAdmin(user, project) ||
    user.groups.some((g) => groups.includes(g))
  );
}

/**
 * BROWSE_PROJECTS for this viewer: a user as canBrowse says; the app user (which holds the add-ons
 * role everywhere) unless the project's `browseGroups` leave out every group it is in, on a site
 * that names them (SiteFixture.app).
 */
export function viewerCanBrowse(
  viewer: Viewer,
  project: ProjectDef,
  appGroups: readonly string[] | undefined,
): boolean {
  if (viewer.kind === 'user') return canBrowse(viewer.user, project);
  const groups = project.browseGroups;
  return (
    viewer.unrestricted === true ||
    appGroups === undefined ||
    groups === undefined ||
    appGroups.some((g) => groups.includes(g))
  );
}

/**
 * A group restriction shows the item to the group's members; a role restriction (roles are not
 * modelled) to the project's admins. The app user sees a group's items when it is in the group
 * (`appGroups`), never a role's (it holds only the add-ons role); a site without `appGroups`
 * lets the app see everything.
 */
export function canSee(
  viewer: Viewer,
  visibility: Visibility | undefined,
  project: ProjectDef | undefined,
  appGroups?: readonly string[],
): boolean {
  if (!visibility) return true;
  if (viewer.kind === 'app')
    return (
      viewer.unrestricted === true ||
      appGroups === undefined ||
      (visibility.type === 'group' && appGroups.includes(visibility.value))
    );
  if (visibility.type === 'group') return viewer.user.groups.includes(visibility.value);
  return project !== undefined && isProjectAdmin(viewer.user, project);
}

/** Bytes of an attachment (`content` as UTF-8, or `contentBase64` decoded). */
export function attachmentBytes(a: AttachmentDef): Uint8Array {
  return a.contentBase64 !== undefined
    ? new Uint8Array(Buffer.from(a.contentBase64, 'base64'))
    : new TextEncoder().encode(a.content ?? '');
}

interface BuiltInField {
  readonly id: string;
  readonly name: string;
  readonly schema: { readonly type: string; readonly items?: string };
  readonly clauseNames: readonly string[];
  readonly navigable: boolean;
}

/** The system fields the simulator knows; the fixture adds custom ones. */
export const SYSTEM_FIELDS: readonly BuiltInField[] = [
  {
    id: 'summary',
    name: 'Summary',
    schema: { type: 'string' },
    clauseNames: ['summary'],
    navigable: true,
  },
  {
    id: 'description',
    name: 'Description',
    schema: { type: 'string' },
    clauseNames: ['description'],
    navigable: true,
  },
  {
    id: 'environment',
    name: 'Environment',
    schema: { type: 'string' },
    clauseNames: ['environment'],
    navigable: true,
  },
  {
    id: 'labels',
    name: 'Labels',
    schema: { type: 'array', items: 'string' },
    clauseNames: ['labels'],
    navigable: true,
  },
  {
    id: 'comment',
    name: 'Comment',
    schema: { type: 'comments-page' },
    clauseNames: ['comment'],
    navigable: true,
  },
  {
    id: 'worklog',
    name: 'Log Work',
    schema: { type: 'array', items: 'worklog' },
    clauseNames: ['worklogComment'],
    navigable: false,
  },
  {
    id: 'attachment',
    name: 'Attachment',
    schema: { type: 'array', items: 'attachment' },
    clauseNames: ['attachments'],
    navigable: true,
  },
  {
    id: 'project',
    name: 'Project',
    schema: { type: 'project' },
    clauseNames: ['project'],
    navigable: true,
  },
  {
    id: 'reporter',
    name: 'Reporter',
    schema: { type: 'user' },
    clauseNames: ['reporter'],
    navigable: true,
  },
  {
    id: 'assignee',
    name: 'Assignee',
    schema: { type: 'user' },
    clauseNames: ['assignee'],
    navigable: true,
  },
  {
    id: 'created',
    name: 'Created',
    schema: { type: 'datetime' },
    clauseNames: ['created', 'createdDate'],
    navigable: true,
  },
  {
    id: 'updated',
    name: 'Updated',
    schema: { type: 'datetime' },
    clauseNames: ['updated', 'updatedDate'],
    navigable: true,
  },
];

const USER_FIELDS = new Set(['reporter', 'assignee', 'creator']);

/** Renders site objects for one request: its base URL and its viewer. */
export class Renderer {
  constructor(
    readonly site: SimSite,
    readonly baseUrl: string,
    readonly viewer: Viewer,
  ) {}

  private api(path: string): string {
    return `${this.baseUrl}/rest/api/3/${path}`;
  }

  user(accountId: string): Obj {
    const u = this.site.user(accountId);
    return {
      self: this.api(`user?accountId=${encodeURIComponent(accountId)}`),
      accountId,
      displayName: u?.displayName ?? accountId,
      active: u !== undefined,
      timeZone: 'UTC',
      accountType: 'atlassian',
    };
  }

  projectRef(project: ProjectDef): Obj {
    return {
      self: this.api(`project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
    };
  }

  project(project: ProjectDef, withDescription: boolean): Obj {
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      ...this.projectRef(project),
      ...(withDescription ? { description: project.description ?? '' } : {}),
      projectTypeKey: 'software',
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    };
  }

  component(project: ProjectDef, c: ProjectDef['components'][number]): Obj {
    return {
      self: this.api(`component/${c.id}`),
      id: c.id,
      name: c.name,
      ...(c.description === undefined ? {} : { description: c.description }),
      assigneeType: 'PROJECT_DEFAULT',
      realAssigneeType: 'PROJECT_DEFAULT',
      isAssigneeTypeValid: false,
      project: project.key,
      projectId: Number(project.id),
    };
  }

  version(project: ProjectDef, v: ProjectDef['versions'][number]): Obj {
    return {
      self: this.api(`version/${v.id}`),
      id: v.id,
      name: v.name,
      ...(v.description === undefined ? {} : { description: v.description }),
      archived: v.archived ?? false,
      released: v.released ?? false,
      ...(v.releaseDate === undefined ? {} : { releaseDate: v.releaseDate }),
      ...(v.startDate === undefined ? {} : { startDate: v.startDate }),
      projectId: Number(project.id),
    };
  }

  fields(): Obj[] {
    const system = SYSTEM_FIELDS.map((f) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: false,
      orderable: f.id !== 'created' && f.id !== 'updated',
      navigable: f.navigable,
      searchable: true,
      clauseNames: [...f.clauseNames],
      schema: { ...f.schema, system: f.id },
    }));
    const custom = this.site.fields.map((f: FieldDef) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: f.custom,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames:
        f.schema?.customId === undefined ? [f.name] : [`cf[${f.schema.customId}]`, f.name],
      ...(f.schema === undefined ? {} : { schema: { ...f.schema } }),
    }));
    return [...system, ...custom];
  }

  /**
   * Whether this viewer may see the issue at all: not when an app access rule covers its project
   * (the app, and a user through the app), when the user may not browse the project, or when the
   * issue has a security level none of the viewer's groups is in.
   */
  canSeeIssue(issue: IssueDef): boolean {
    const v = this.viewer;
    if (v.kind === 'app' && v.unrestricted === true) return true;
    const project = this.site.project(issue.fields.project.id);
    if ((v.kind === 'app' || v.viaApp === true) && project?.appAccessBlocked === true) return false;
    if (project && !viewerCanBrowse(v, project, this.site.appGroups)) return false;
    const level = issue.security;
    if (!level) return true;
    const groups = v.kind === 'app' ? (this.site.appGroups ?? []) : v.user.groups;
    return groups.some((g) => level.groups.includes(g));
  }

  /** Comments this viewer may see, oldest first (Jira's `orderBy=created`). */
  visibleComments(issue: IssueDef): CommentDef[] {
    const project = this.site.project(issue.fields.project.id);
    return issue.comments
      .filter((c) => canSee(this.viewer, c.visibility, project, this.site.appGroups))
      .sort((a, b) => compareTimes(a.created, b.created) || Number(a.id) - Number(b.id));
  }

  visibleWorklogs(issue: IssueDef): WorklogDef[] {
    const project = this.site.project(issue.fields.project.id);
    return issue.worklogs
      .filter((w) => canSee(this.viewer, w.visibility, project, this.site.appGroups))
      .sort((a, b) => compareTimes(a.started, b.started) || Number(a.id) - Number(b.id));
  }

  comment(issue: IssueDef, c: CommentDef): Obj {
    return {
      self: this.api(`issue/${issue.id}/comment/${c.id}`),
      id: c.id,
      author: this.user(c.author.accountId),
      body: c.body,
      updateAuthor: this.user((c.updateAuthor ?? c.author).accountId),
      created: c.created,
      updated: c.updated,
      jsdPublic: true,
      ...(c.visibility ? { visibility: { ...c.visibility, identifier: c.visibility.value } } : {}),
    };
  }

  worklog(issue: IssueDef, w: WorklogDef): Obj {
    return {
      self: this.api(`issue/${issue.id}/worklog/${w.id}`),
      author: this.user(w.author.accountId),
      updateAuthor: this.user(w.author.accountId),
      ...(w.comment === null ? {} : { comment: w.comment }),
      created: w.created ?? w.started,
      updated: w.updated ?? w.created ?? w.started,
      started: w.started,
      timeSpent: formatDuration(w.timeSpentSeconds),
      timeSpentSeconds: w.timeSpentSeconds,
      id: w.id,
      issueId: issue.id,
      ...(w.visibility ? { visibility: { ...w.visibility, identifier: w.visibility.value } } : {}),
    };
  }

  attachment(issue: IssueDef, a: AttachmentDef): Obj {
    const author = a.author ?? (issue.fields.reporter as { accountId: string } | undefined | null);
    return {
      self: this.api(`attachment/${a.id}`),
      id: a.id,
      filename: a.filename,
      ...(author ? { author: this.user(author.accountId) } : {}),
      created: a.created ?? issue.fields.created,
      size: attachmentBytes(a).length,
      mimeType: a.mimeType,
      content: this.api(`attachment/content/${a.id}`),
    };
  }

  history(h: HistoryDef, items: readonly ChangeItem[] = h.items): Obj {
    return {
      id: h.id,
      author: this.user(h.author.accountId),
      created: h.created,
      items: items.map((i) => ({ ...i })),
    };
  }

  /** Field ids an issue has, stored and computed, in a stable order. */
  issueFieldIds(issue: IssueDef): string[] {
    return [...Object.keys(issue.fields), 'comment', 'worklog', 'attachment'];
  }

  /** One field of an issue as Jira serves it; comments and worklogs truncated to `embedLimit`. */
  field(issue: IssueDef, fieldId: string, embedLimit: number): unknown {
    switch (fieldId) {
      case 'comment': {
        const all = this.visibleComments(issue);
        const shown = all.slice(0, embedLimit);
        return {
          comments: shown.map((c) => this.comment(issue, c)),
          self: this.api(`issue/${issue.id}/comment`),
          maxResults: shown.length,
          total: all.length,
          startAt: 0,
        };
      }
      case 'worklog': {
        const all = this.visibleWorklogs(issue);
        return {
          startAt: 0,
          maxResults: embedLimit,
          total: all.length,
          worklogs: all.slice(0, embedLimit).map((w) => this.worklog(issue, w)),
        };
      }
      case 'attachment':
        return issue.attachments.map((a) => this.attachment(issue, a));
      case 'project': {
        const p = this.site.project(issue.fields.project.id);
        return p ? this.projectRef(p) : issue.fields.project;
      }
      default: {
        const value = issue.fields[fieldId];
        if (USER_FIELDS.has(fieldId) && value !== null && typeof value === 'object')
          return this.user((value as { accountId: string }).accountId);
        return value;
      }
    }
  }

  issue(issue: IssueDef, include: (fieldId: string) => boolean, embedLimit: number): Obj {
    const fields: Obj = {};
    for (const id of this.issueFieldIds(issue)) {
      if (include(id)) fields[id] = this.field(issue, id, embedLimit);
    }
    return {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: this.api(`issue/${issue.id}`),
      key: issue.key,
      fields,
    };
  }
}

/**
 * Which fields a `fields` list selects: ids, `*all`, `*navigable`, `id` (none) and `-id`
 * exclusions; entries may themselves be comma-separated. Unknown ids select nothing, as in Jira.
 */
export function fieldSelector(
  requested: readonly string[] | undefined,
  fallback: '*all' | 'id',
): (fieldId: string) => boolean {
  const parts = (requested && requested.length > 0 ? requested : [fallback])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  let navigable = false;
  for (const p of parts) {
    if (p === '*all') all = true;
    else if (p === '*navigable') navigable = true;
    else if (p.startsWith('-')) exclude.add(p.slice(1));
    else include.add(p);
  }
  const nonNavigable = new Set(SYSTEM_FIELDS.filter((f) => !f.navigable).map((f) => f.id));
  return (id) =>
    !exclude.has(id) && (all || include.has(id) || (navigable && !nonNavigable.has(id)));
}
