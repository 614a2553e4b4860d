// Lints a piece of text as if it were the file at `filePath`, with the project's own config, and
// returns the rules that fired (or the message of a parse error).
import { ESLint } from 'eslint';

// Under CI=true typescript-eslint infers a single run and type-checks the file on disk rather
// than the text given here; these tests lint text that differs from the file, so they opt out.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } },
  },
});

export async function ruleIds(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

export function resolvedConfig(filePath: string): Promise<unknown> {
  return eslint.calculateConfigForFile(filePath) as Promise<unknown>;
}
