import type { Category, Detector, Severity } from './types.js';

const BY_CATEGORY: Record<Category, Severity> = {
  private_key: 'critical',
  connection_string: 'high',
  credentials: 'high',
  token: 'high',
  api_key: 'high',
  webhook: 'medium',
  generic: 'medium',
};

export function severityOf(d: Pick<Detector, 'category' | 'severity'>): Severity {
  return d.severity ?? BY_CATEGORY[d.category];
}
