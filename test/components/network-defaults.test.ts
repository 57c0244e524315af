import { strict as assert } from "node:assert";
import { KubenetNetwork } from "../../components";
import { bgpRoutePropagationDisabled } from "../../components/network";
import { MockEngine } from "../../infra/synth/engine";

/* What the network decides by itself: BGP propagation on its route table, and what it tells a cluster of its ranges. */

const firewall = { name: "egress", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance" as const, nextHopIpAddress: "172.16.0.4" };

describe("components/network: its own defaults", () => {
    it("keeps BGP routes out only when the default route goes to an appliance (a firewall)", () => {
        assert.equal(bgpRoutePropagationDisabled({ routes: [firewall] }), true);
        assert.equal(bgpRoutePropagationDisabled({ routes: [{ ...firewall, nextHopType: "Internet", nextHopIpAddress: undefined }] }), false, "0.0.0.0/0 to the internet");
        assert.equal(bgpRoutePropagationDisabled({ routes: [{ ...firewall, addressPrefix: "10.0.0.0/8" }] }), false, "a narrower route to the appliance");
        assert.equal(bgpRoutePropagationDisabled({}), false, "no routes");
        assert.equal(bgpRoutePropagationDisabled({ routes: [firewall], disableBgpRoutePropagation: false }), false, "what is given wins");
        assert.equal(bgpRoutePropagationDisabled({ disableBgpRoutePropagation: true }), true);
    });

    it("tells a cluster whether the route table is yours, and the routes' prefixes and next hops", async () => {
        await MockEngine.install();
        const own = new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", routes: [firewall] });
        assert.deepEqual(own.addressing, { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", reservedCidrs: [], routes: [{ addressPrefix: firewall.addressPrefix, nextHopIpAddress: firewall.nextHopIpAddress }], externalRouteTable: false });
        const table = "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-hub";
        const yours = new KubenetNetwork("byo", { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", existingRouteTableId: table });
        assert.equal(yours.addressing.externalRouteTable, true);
    });
});
