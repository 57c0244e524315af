import { strict as assert } from "node:assert";
import { formatProblem, samePath } from "../../components/address";
import { UpgradeSettings, checkUpgradeSettings, upgradeSettingsInputs, upgradeSettingsProfile } from "../../components/cluster/node-pools/upgrade-settings";
import { checkArgs } from "../../components/common/validation";

/*
 * A pool's upgrade settings against AKS's REST model (AgentPoolUpgradeSettings, 2025-09-01) and
 * the rolling-upgrade rules Microsoft documents ("Upgrade AKS node pools with rolling upgrades").
 * Expected messages are written from those rules.
 */

const USER = { mode: "User" };
const SYSTEM = { mode: "System" };
const SPOT = { mode: "User", spot: {} };

function problems(settings: UpgradeSettings, pool: { mode: string; spot?: unknown } = USER): string[] {
    // The slice's schema, then its rules, as the cluster runs them on a pool's upgradeSettings.
    const rules = (read: UpgradeSettings) => checkUpgradeSettings(read, pool, "pool", samePath);
    return checkArgs(upgradeSettingsInputs, settings, rules, (field) => `pool.upgradeSettings.${field}`).problems.map(formatProblem);
}

describe("components/cluster: node pool upgrade settings", () => {
    it("takes a surge as a node count or a percentage up to 100%", () => {
        for (const maxSurge of ["1", "33%", "100%", "250"]) assert.deepEqual(problems({ maxSurge }), [], maxSurge);
        assert.deepEqual(problems({ maxSurge: "101%" }), ["pool.upgradeSettings.maxSurge: 101% is not a surge: a percentage must be from 1% to 100%"]);
        assert.deepEqual(problems({ maxSurge: "0%" }), ["pool.upgradeSettings.maxSurge: is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool"], "0% is no surge node");
        assert.deepEqual(problems({ maxSurge: "one" }), ['pool.upgradeSettings.maxSurge: "one" is not a surge: use a node count such as "1" or a percentage such as "33%"']);
    });

    it("needs surge or unavailable nodes: both at 0 can't upgrade", () => {
        assert.deepEqual(problems({ maxSurge: "0" }), ["pool.upgradeSettings.maxSurge: is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool"]);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "0" }), ["pool.upgradeSettings.maxSurge: is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool"]);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "1" }), []);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "20%" }), []);
    });

    it("upgrades with unavailable nodes only without surge nodes, and never on a System pool", () => {
        assert.deepEqual(problems({ maxUnavailable: "1" }), ['pool.upgradeSettings.maxSurge: must be "0" with maxUnavailable 1: AKS upgrades a pool either with surge nodes or with unavailable nodes (both at once is a preview feature)']);
        assert.deepEqual(problems({ maxSurge: "10%", maxUnavailable: "1" }).length, 1);
        assert.deepEqual(problems({ maxSurge: "10%", maxUnavailable: "0" }), [], "0 unavailable is the default, with any surge");
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "1" }, SYSTEM), [
            "pool.upgradeSettings.maxUnavailable: can't be set on a System pool: AKS keeps System pools' nodes available during upgrades; use maxSurge",
            "pool.upgradeSettings.maxSurge: is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool",
        ]);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "101%" }), ["pool.upgradeSettings.maxUnavailable: 101% is more than the whole pool: a percentage is at most 100%"]);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "100%" }), []);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "a few" }), [
            `pool.upgradeSettings.maxUnavailable: "a few" is not a node count such as "1" or a percentage such as "5%"`,
            "pool.upgradeSettings.maxSurge: is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool",
        ]);
        for (const text of ["x1", "1x", "1%%", "-1"]) assert.equal(problems({ maxSurge: "0", maxUnavailable: text }).length, 2, text);
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: "101" }), [], "a count above the pool's size takes the whole pool");
        assert.deepEqual(problems({ maxSurge: "0", maxUnavailable: 1 as unknown as string }), [], "a count written as a number is the count, as in a stack file");
        assert.deepEqual(problems({ maxSurge: "10%", maxUnavailable: "1" }, SYSTEM), [
            "pool.upgradeSettings.maxUnavailable: can't be set on a System pool: AKS keeps System pools' nodes available during upgrades; use maxSurge",
        ], "a System pool's surge stands");
    });

    it("takes neither surge nor unavailable nodes on a spot pool", () => {
        assert.deepEqual(problems({ maxSurge: "1", maxUnavailable: "1" }, SPOT), [
            `pool.upgradeSettings.maxSurge: can't be set on a spot pool: AKS upgrades spot nodes without surge nodes ("Spot pools can't set max surge")`,
            "pool.upgradeSettings.maxUnavailable: can't be set on a spot pool",
        ]);
        assert.deepEqual(problems({ drainTimeoutInMinutes: 10, nodeSoakDurationInMinutes: 1, undrainableNodeBehavior: "Cordon" }, SPOT), []);
    });

    it("keeps the drain timeout from 5 to 1440 minutes and the soak from 0 to 30, whole minutes", () => {
        for (const drainTimeoutInMinutes of [5, 1440]) assert.deepEqual(problems({ drainTimeoutInMinutes }), [], String(drainTimeoutInMinutes));
        for (const drainTimeoutInMinutes of [4, 1441, 7.5]) {
            assert.deepEqual(problems({ drainTimeoutInMinutes }), [`pool.upgradeSettings.drainTimeoutInMinutes: ${drainTimeoutInMinutes} is not a drain timeout: AKS takes whole minutes from 5 to 1440`]);
        }
        for (const nodeSoakDurationInMinutes of [0, 30]) assert.deepEqual(problems({ nodeSoakDurationInMinutes }), [], String(nodeSoakDurationInMinutes));
        for (const nodeSoakDurationInMinutes of [-1, 31]) {
            assert.deepEqual(problems({ nodeSoakDurationInMinutes }), [`pool.upgradeSettings.nodeSoakDurationInMinutes: ${nodeSoakDurationInMinutes} is not a soak time: AKS takes whole minutes from 0 to 30`]);
        }
    });

    it("takes Cordon or Schedule for a node it can't drain", () => {
        for (const undrainableNodeBehavior of ["Cordon", "Schedule"] as const) assert.deepEqual(problems({ undrainableNodeBehavior }), []);
        assert.deepEqual(problems({ undrainableNodeBehavior: "cordon" as "Cordon" }), ['pool.upgradeSettings.undrainableNodeBehavior: "cordon" is not one of Cordon, Schedule']);
    });

    it("sends every setting the pool can take, AKS's defaults where none is given", () => {
        assert.deepEqual(upgradeSettingsProfile(undefined, USER), { maxSurge: "10%", maxUnavailable: "0", drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0, undrainableNodeBehavior: "Schedule" });
        assert.deepEqual(upgradeSettingsProfile({ maxSurge: "0", maxUnavailable: "2", drainTimeoutInMinutes: 45, nodeSoakDurationInMinutes: 5, undrainableNodeBehavior: "Cordon" }, USER),
            { maxSurge: "0", maxUnavailable: "2", drainTimeoutInMinutes: 45, nodeSoakDurationInMinutes: 5, undrainableNodeBehavior: "Cordon" });
        assert.deepEqual(upgradeSettingsProfile({ maxSurge: "33%" }, SYSTEM), { maxSurge: "33%", maxUnavailable: undefined, drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0, undrainableNodeBehavior: "Schedule" });
        assert.deepEqual(upgradeSettingsProfile(undefined, SPOT), { maxSurge: undefined, maxUnavailable: undefined, drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0, undrainableNodeBehavior: "Schedule" });
    });
});
