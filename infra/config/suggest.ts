/* The closest known name to a mistyped one: the components' own (components/common/suggest.ts). */
export { closestName } from "../../components/common/suggest";
