import { strict as assert } from "node:assert";
import { validateNetworkArgs } from "../../components/rules";
import { guideNetwork } from "./fixtures";

const EXISTING_SUBNET = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks";
const EXISTING_TABLE = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-aks";

/** KubenetNetwork's rules, checked on validateNetworkArgs alone, before any stack is declared. */
describe("components/network: validateNetworkArgs", () => {
    const messages = (args: Parameters<typeof validateNetworkArgs>[0]) => validateNetworkArgs(args).map((p) => `${p.path}: ${p.message}`);

    it("accepts the guide's network", () => {
        assert.deepEqual(validateNetworkArgs(guideNetwork), []);
    });

    it("requires ranges when creating the network", () => {
        assert.deepEqual(messages({ resourceGroupName: "rg" }), [
            "vnetCidr: is required to create the vnet (or give existingSubnetId)",
            "subnetCidr: is required to create the cluster subnet (or give existingSubnetId)",
        ]);
    });

    it("checks resource id shapes", () => {
        const problems = messages({ resourceGroupName: "rg", existingSubnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v", existingRouteTableId: "rt-aks" });
        assert.equal(problems.length, 2);
        assert.match(problems[0], /^existingSubnetId: .* is not a subnet resource id \(expected \/subscriptions\/<id>\/resourceGroups\/<rg>\/providers\/Microsoft.Network\/virtualNetworks\/<vnet>\/subnets\/<subnet>\)$/);
        assert.match(problems[1], /^existingRouteTableId: "rt-aks" is not a route table resource id/);
    });

    it("takes disableBgpRoutePropagation only for a table it creates", () => {
        assert.deepEqual(validateNetworkArgs({ ...guideNetwork, existingRouteTableId: EXISTING_TABLE, disableBgpRoutePropagation: true }).map((p) => `${p.path}: ${p.message}`), [
            "disableBgpRoutePropagation: applies to the route table this program creates; with existingRouteTableId, set it on your table",
        ]);
        assert.deepEqual(validateNetworkArgs({ ...guideNetwork, existingSubnetId: EXISTING_SUBNET, routes: [], disableBgpRoutePropagation: true }).map((p) => p.path), ["disableBgpRoutePropagation"]);
    });

    it("rejects custom routes with your subnet but no route table", () => {
        assert.match(messages({ ...guideNetwork, existingSubnetId: EXISTING_SUBNET })[0], /^routes: custom routes need a route table/);
    });

    it("requires a next-hop IP for VirtualAppliance, and only for it", () => {
        assert.deepEqual(messages({ ...guideNetwork, routes: [
            { name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance" },
            { name: "net", addressPrefix: "10.0.0.0/8", nextHopType: "Internet", nextHopIpAddress: "192.168.0.4" },
            { name: "bad", addressPrefix: "10.1.0.0/16", nextHopType: "VirtualAppliance", nextHopIpAddress: "192.168.0" },
        ] }), [
            "routes[0].nextHopIpAddress: is required when nextHopType is VirtualAppliance: the appliance's (e.g. the firewall's) private IP",
            "routes[1].nextHopIpAddress: is only allowed when nextHopType is VirtualAppliance, not Internet",
            "routes[2].nextHopIpAddress: \"192.168.0\" is not an IPv4 address (expected four decimal octets such as 10.0.0.10)",
        ]);
    });

    it("rejects unknown hop types with the allowed list, bad names and repeats", () => {
        assert.deepEqual(messages({ ...guideNetwork, routes: [
            { name: "a", addressPrefix: "0.0.0.0/0", nextHopType: "Firewall" as never },
            { name: "-x", addressPrefix: "10.0.0.0/8", nextHopType: "None" },
            { name: "A", addressPrefix: "10.0.0.0/8", nextHopType: "None" },
        ] }), [
            "routes[0].nextHopType: \"Firewall\" is not one of VirtualNetworkGateway, VnetLocal, Internet, VirtualAppliance, None",
            "routes[1].name: \"-x\" is not a route name: 1–80 letters, digits, '.', '-' or '_', starting with a letter or digit and not ending with '.' or '-'",
            "routes[2].name: \"A\" repeats routes[0].name; a route table takes each name once",
            "routes[2].addressPrefix: \"10.0.0.0/8\" repeats routes[1].addressPrefix; a route table takes each prefix once",
        ]);
    });
});
