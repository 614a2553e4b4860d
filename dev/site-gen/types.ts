/**
 * Shapes of a site fixture (../shared/fixtures/FORMAT.md) and of its truth file.
 * @module
 */
import {
  locationKey as modelLocationKey,
  type OccurrenceLocation,
} from '../../src/incidents/model.js';
import type { AdfDoc } from './adf.js';

export interface FixtureUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly groups: readonly string[];
  readonly siteAdmin: boolean;
}

export interface FixtureField {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly schema: {
    readonly type: string;
    readonly items?: string;
    readonly custom: string;
    readonly customId: number;
  };
}

export interface FixtureComponent {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface FixtureVersion {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly released: boolean;
  readonly releaseDate: string;
}

export interface FixtureProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly components: readonly FixtureComponent[];
  readonly versions: readonly FixtureVersion[];
  /** Account ids holding ADMINISTER_PROJECTS here (the simulator's extension). */
  readonly admins?: readonly string[];
}

export interface AccountRef {
  readonly accountId: string;
}

export interface FixtureComment {
  readonly id: string;
  readonly author: AccountRef;
  readonly body: AdfDoc;
  readonly created: string;
  readonly updated: string;
}

export interface HistoryItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

export interface FixtureHistory {
  readonly id: string;
  readonly author: AccountRef;
  readonly created: string;
  readonly items: readonly HistoryItem[];
}

export interface FixtureWorklog {
  readonly id: string;
  readonly author: AccountRef;
  readonly comment?: AdfDoc;
  readonly started: string;
  readonly timeSpentSeconds: number;
}

export type FixtureAttachment =
  | {
      readonly id: string;
      readonly filename: string;
      readonly mimeType: string;
      readonly content: string;
    }
  | {
      readonly id: string;
      readonly filename: string;
      readonly mimeType: string;
      readonly contentBase64: string;
    };

export interface FixtureIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly comments: readonly FixtureComment[];
  readonly changelog: readonly FixtureHistory[];
  readonly worklogs: readonly FixtureWorklog[];
  readonly attachments: readonly FixtureAttachment[];
}

/** Everything but the issues: small, written first. */
export interface SiteHeader {
  readonly site: { readonly baseUrl: string; readonly cloudId: string };
  readonly users: readonly FixtureUser[];
  readonly fields: readonly FixtureField[];
  readonly projects: readonly FixtureProject[];
}

export interface SiteFixture extends SiteHeader {
  readonly issues: readonly FixtureIssue[];
}

/** Where a planted secret is: the place an occurrence records (UnitLocation without the URL). */
export type TruthLocation = OccurrenceLocation;

/** One occurrence of a planted secret (fake test tokens: the raw value is fine here). */
export interface Planted {
  readonly detector: string;
  readonly secret: string;
  readonly location: TruthLocation;
}

export interface Truth {
  readonly planted: readonly Planted[];
}

/** A comparable string for a place: the same key occurrences are stored under. */
export const locationKey = modelLocationKey;
