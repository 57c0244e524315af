import { Problem } from "../address";

/*
 * The two checks every component's validation repeats: a value from an enumeration, and a whole
 * number in a range. One wording for each, so a rejection reads the same whichever key it is.
 */

/** Whether `value` is one of an enumeration's values; anything but a string isn't. */
export function isOneOf(allowed: readonly string[], value: unknown): boolean {
    return typeof value === "string" && allowed.includes(value);
}

/** A value outside its enumeration, named with the values it takes; unset is fine unless `required`. */
export function checkOneOf(value: unknown, allowed: readonly string[], path: string, required = false): Problem[] {
    if ((value === undefined && !required) || isOneOf(allowed, value)) return [];
    return [{ path, message: `${JSON.stringify(value)} is not one of ${allowed.join(", ")}` }];
}

/** Whether `n` is a whole number from `min` to `max`. */
export function isWholeNumberIn(n: unknown, min: number, max: number): n is number {
    return Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
}
