/* The problem every rule reports, and the key-path mapping each caller gives. */

/**
 * One thing wrong with the input. `path` is the key path of the offending value as the caller
 * names it (e.g. `cluster.podCidr`), so every layer can report in the contract's error format.
 */
export interface Problem {
    readonly path: string;
    readonly message: string;
}

/** Maps a field name of an input object to the key path the user wrote. */
export type PathOf = (field: string) => string;

export const samePath: PathOf = (field) => field;

/** `key.path: message`; a problem with the arguments as a whole (the empty path) names them so. */
export function formatProblem(problem: Problem): string {
    return `${problem.path === "" ? "(the arguments)" : problem.path}: ${problem.message}`;
}

export function formatWarning(problem: Problem): string {
    return `warning: ${formatProblem(problem)}`;
}
