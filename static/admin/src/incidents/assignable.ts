/**
 * What the assignee pickers say when no one matches: only people who can see the incidents are
 * offered (the server decides who, see src/admin/assignees.ts).
 */
export const ASSIGNABLE_NOBODY =
  'No one who can see this incident matches. Jira administrators, this project’s administrators and the team group can be assigned.';
export const ASSIGNABLE_NOBODY_SELECTED =
  'No one who can see every selected incident matches. Jira administrators, their projects’ administrators and the team group can be assigned.';
