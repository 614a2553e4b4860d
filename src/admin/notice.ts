/**
 * The notice an admin can publish so people know their Jira text is scanned (ready to copy from
 * the admin page). Plain words on what is read, what is kept and what is never kept.
 * @module
 */
export const NOTICE_TEXT = `This Jira site uses Secret Scanner for Jira to find credentials (API keys, tokens, private keys, passwords) that are pasted into Jira by mistake.

What is read: issue summaries, descriptions, environment and text fields, comments, worklog comments, text attachments, issue history, and project, component and version descriptions, in the projects the administrators have chosen.

What is kept: for each credential found, a one-way fingerprint, a masked preview (such as ghp_****Tc), the detector that found it, and where it is (project, issue, field, comment). The credential itself is never stored or shown. Account ids are kept only for who assigned, resolved or ignored an incident.

Who sees it: Jira administrators, the administrators of the project concerned, and the team allowed to see incidents.

If you have pasted a credential into Jira, rotate it: removing the text is not enough, because Jira keeps old values in the issue history.`;
