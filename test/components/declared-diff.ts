import { RecordedResource } from "../../infra/synth/engine";
import { changedPaths, covers } from "../../infra/review/diff";

export { changedPaths, covers };

/**
 * The input changes `pulumi up` would act on between two declarations of the same resource:
 * those outside its `ignoreChanges`. Empty means the change in the stack file does nothing.
 */
export function actionableChanges(before: RecordedResource, after: RecordedResource): string[] {
    return changedPaths(before.inputs, after.inputs).filter((path) => !after.ignoreChanges.some((option) => covers(option, path)));
}

/** The changes that the resource's `replaceOnChanges` turns into a replacement. */
export function replacingChanges(before: RecordedResource, after: RecordedResource): string[] {
    return actionableChanges(before, after).filter((path) => after.replaceOnChanges.some((option) => covers(option, path)));
}
