/**
 * The permissions the simulator decides, and who holds them: read by `GET /mypermissions` (the
 * caller's) and `GET /user/permission/search` (anyone's). Site admins administer Jira and every
 * project; a project's `admins` administer it; `browseGroups` grant browsing (everyone without
 * them); every site user may browse users and groups, as Jira's default grants it.
 * @module
 */
import { SiteError, type ProjectDef, type SimSite, type SiteUser } from './fixture.js';
import { canBrowse, isProjectAdmin, isSiteAdmin } from './render.js';

export interface PermissionDef {
  readonly id: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'PROJECT';
  readonly description: string;
}

/** Any other key is a 400. */
export const PERMISSIONS: Readonly<Record<string, PermissionDef>> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  USER_PICKER: {
    id: '27',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description:
      'Ability to administer a project in Jira. Users with this permission can change the project role membership, edit details, and much more.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
};

/** The keys of a `permissions=` parameter: a 400 when there are none or one is unknown. */
export function permissionKeys(raw: string | null): string[] {
  const keys = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (keys.length === 0) throw new SiteError(400, "The 'permissions' query parameter is required.");
  const unknown = keys.filter((k) => !Object.hasOwn(PERMISSIONS, k));
  if (unknown.length > 0)
    throw new SiteError(400, `Invalid permission key(s): ${unknown.join(', ')}.`);
  return keys;
}

/**
 * Whether `user` holds `key`: a project permission in `project`, or without one in any project
 * (as Jira reports a project permission asked in the global context).
 */
export function holds(
  site: SimSite,
  user: SiteUser,
  key: string,
  project: ProjectDef | undefined,
): boolean {
  if (key === 'ADMINISTER') return isSiteAdmin(user);
  if (key === 'USER_PICKER') return true;
  const inProject =
    key === 'ADMINISTER_PROJECTS'
      ? (p: ProjectDef) => isProjectAdmin(user, p)
      : (p: ProjectDef) => canBrowse(user, p);
  return project ? inProject(project) : site.projects.some(inProject);
}
