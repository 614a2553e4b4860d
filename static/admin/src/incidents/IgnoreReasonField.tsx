/** The reason an incident is ignored, chosen from the list the server accepts. */
import { IGNORE_REASON_LABELS, keysOf } from '../format';
import type { IgnoreReason } from '../types';
import { Field } from '../ui';

export function IgnoreReasonField({
  label,
  reason,
  onChange,
}: {
  label: string;
  reason: IgnoreReason | '';
  onChange: (reason: IgnoreReason | '') => void;
}) {
  return (
    <Field label={label}>
      {(fid) => (
        <select
          id={fid}
          value={reason}
          onChange={(e) => {
            const v = e.target.value;
            onChange(Object.hasOwn(IGNORE_REASON_LABELS, v) ? (v as IgnoreReason) : '');
          }}
        >
          <option value="">Choose a reason</option>
          {keysOf(IGNORE_REASON_LABELS).map((r) => (
            <option key={r} value={r}>
              {IGNORE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
