import { Problem, formatProblem } from "../../components/address";
import { UNSHOWABLE, codePoint, cut, showable } from "../../components/common/zod-problems";

export { MAX_ECHO, MAX_KEY, cut, echo, keyPath, knownKeysAt, problemsFromZod, showKey, showable } from "../../components/common/zod-problems";

/** The invisible formatting characters refused in input, by name. */
const FORMATTING: Record<string, string> = {
    "\u061c": "arabic letter mark",
    "\u200b": "zero width space",
    "\u200c": "zero width non-joiner",
    "\u200d": "zero width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero width no-break space",
};

/**
 * What is wrong with text a user wrote as a key or value, if it holds a character no
 * configuration needs: a control character (C0 but tab, newline and carriage return; DEL; C1)
 * or an invisible formatting character, named by its code point.
 */
export function refusedCharacters(text: string): string | undefined {
    const found = text.match(UNSHOWABLE)?.filter((char) => !"\t\n\r".includes(char));
    if (!found || found.length === 0) return undefined;
    const [char] = found;
    const what = FORMATTING[char] ? `${codePoint(char)} (${FORMATTING[char]}), an invisible formatting character` : `${codePoint(char)}, a control character`;
    return `contains ${what}${found.length > 1 ? ` (and ${found.length - 1} more such characters)` : ""}: remove it`;
}

/** The most problems a command or `pulumi up` prints; a last line says how many more there are. */
export const MAX_PROBLEM_LINES = 200;
/** The longest line a problem prints as; every value a message echoes is cut well before this. */
export const MAX_PROBLEM_LINE = 1000;

/**
 * Problems as a command prints them on stderr, and `pulumi up` in its error: one `key.path: message` line each, never a
 * character that would break the line or hide in it, each line and the number of lines bounded,
 * with a last line for the problems not shown.
 */
export function problemLines(problems: readonly Problem[]): string {
    const lines = problems.slice(0, MAX_PROBLEM_LINES).map((problem) => showable(cut(formatProblem(problem), MAX_PROBLEM_LINE)));
    const more = problems.length - lines.length;
    if (more > 0) lines.push(`… and ${more} more ${more === 1 ? "problem" : "problems"} not shown (${problems.length} in all): fix these and run again`);
    return lines.join("\n");
}
