/**
 * SARIF 2.1.0 output, for code-scanning dashboards. Columns are UTF-16 code units (SARIF's
 * default column kind), which is what the engine reports.
 * @module
 */
import type { Detector, Finding } from '../engine/types.js';

export interface SarifInput {
  readonly uri: string;
  readonly findings: readonly Finding[];
  /** End line and column of each finding, same order. */
  readonly ends: readonly { line: number; column: number }[];
  /** With --check-validity: each finding's validity, same order. */
  readonly validity?: readonly object[];
}

const LEVEL = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
} as const;

export function toSarif(
  version: string,
  detectors: readonly Detector[],
  inputs: readonly SarifInput[],
): object {
  const used = new Set(inputs.flatMap((i) => i.findings.map((f) => f.detector)));
  const rules = detectors
    .filter((d) => used.has(d.id))
    .map((d) => ({
      id: d.id,
      name: d.name,
      shortDescription: { text: `${d.name} found in text` },
      properties: { family: d.family, category: d.category },
    }));
  const results = inputs.flatMap((input) =>
    input.findings.map((f, i) => {
      const end = input.ends[i] ?? { line: f.line, column: f.column };
      return {
        ruleId: f.detector,
        level: LEVEL[f.severity],
        message: { text: `${f.name}: ${f.redacted}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: input.uri },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: end.line,
                endColumn: end.column,
                charOffset: f.start,
                charLength: f.end - f.start,
              },
            },
          },
        ],
        partialFingerprints: { 'secretFingerprint/v1': f.fingerprint },
        properties: { severity: f.severity, redacted: f.redacted, ...input.validity?.[i] },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'jira-secret-scanner', version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
