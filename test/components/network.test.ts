import { strict as assert } from "node:assert";
import { KubenetNetwork, validateNetworkArgs } from "../../components";
import { MockEngine } from "../../infra/synth/engine";
import { guideNetwork } from "./fixtures";

const ROUTE_TABLE = "azure-native:network:RouteTable";
const SUBNET = "azure-native:network:Subnet";
const VNET = "azure-native:network:VirtualNetwork";
const ROUTE = "azure-native:network:Route";
const EXISTING_SUBNET = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks";
const EXISTING_TABLE = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-aks";

describe("components/network: KubenetNetwork", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("creates a vnet, a separate subnet and a route table with the guide's ranges", async () => {
        new KubenetNetwork("net", guideNetwork);
        await engine.settle();
        assert.deepEqual(engine.one(VNET).inputs.addressSpace, { addressPrefixes: ["192.168.0.0/16"] });
        assert.equal(engine.one(VNET).inputs.subnets, undefined, "the subnet is not inline in the vnet");
        assert.deepEqual(engine.one(VNET).ignoreChanges, ["subnets"]);
        const subnet = engine.one(SUBNET);
        assert.equal(subnet.inputs.addressPrefix, "192.168.1.0/24");
        assert.equal(subnet.inputs.virtualNetworkName, "vnet-aks");
        assert.deepEqual(engine.one(VNET).inputs.tags, { env: "test" });
        assert.deepEqual(engine.one(ROUTE_TABLE).inputs.tags, { env: "test" });
    });

    it("associates the route table on the subnet resource, so the subnet waits for the table", async () => {
        new KubenetNetwork("net", guideNetwork);
        await engine.settle();
        const table = engine.one(ROUTE_TABLE);
        const subnet = engine.one(SUBNET);
        assert.deepEqual(subnet.inputs.routeTable, { id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.Network/routeTables/rt-aks" });
        assert.ok(subnet.dependencies.includes(table.urn), "subnet depends on the route table");
    });

    it("declares the route table without inline routes and ignores changes to them", async () => {
        new KubenetNetwork("net", guideNetwork);
        await engine.settle();
        const table = engine.one(ROUTE_TABLE);
        assert.equal(table.inputs.routes, undefined);
        assert.deepEqual(table.ignoreChanges, ["routes"]);
    });

    it("keeps BGP-learned routes out of a table that sends 0.0.0.0/0 to the firewall, unless told otherwise", async () => {
        new KubenetNetwork("net", guideNetwork);
        await engine.settle();
        assert.equal(engine.one(ROUTE_TABLE).inputs.disableBgpRoutePropagation, true, "0.0.0.0/0 goes to a VirtualAppliance");

        engine = await MockEngine.install();
        new KubenetNetwork("net", { ...guideNetwork, routes: [] });
        await engine.settle();
        assert.equal(engine.one(ROUTE_TABLE).inputs.disableBgpRoutePropagation, false, "no firewall route to bypass");

        engine = await MockEngine.install();
        new KubenetNetwork("net", { ...guideNetwork, disableBgpRoutePropagation: false });
        await engine.settle();
        assert.equal(engine.one(ROUTE_TABLE).inputs.disableBgpRoutePropagation, false, "an explicit choice wins");
    });

    it("makes each custom route its own Route resource that waits for the table", async () => {
        new KubenetNetwork("net", { ...guideNetwork, routes: [...guideNetwork.routes!, { name: "onprem", addressPrefix: "10.0.0.0/8", nextHopType: "VirtualNetworkGateway" }] });
        await engine.settle();
        const table = engine.one(ROUTE_TABLE);
        const routes = engine.byType(ROUTE).sort((a, b) => a.name.localeCompare(b.name));
        assert.deepEqual(routes.map((r) => r.name), ["net-route-egress-firewall", "net-route-onprem"]);
        assert.deepEqual(routes[0].inputs, {
            resourceGroupName: "rg-aks",
            routeTableName: "rt-aks",
            routeName: "egress-firewall",
            addressPrefix: "0.0.0.0/0",
            nextHopType: "VirtualAppliance",
            nextHopIpAddress: "192.168.0.4",
        });
        for (const route of routes) assert.ok(route.dependencies.includes(table.urn));
    });

    it("parents every child to the component", async () => {
        const net = new KubenetNetwork("net", guideNetwork);
        await engine.settle();
        const component = engine.one("aks-kubenet:index:KubenetNetwork");
        assert.equal(component.urn, await new Promise((resolve) => net.urn.apply(resolve)));
        const children = engine.resources.filter((r) => r.custom);
        assert.equal(children.length, 4);
        for (const child of children) assert.equal(child.parent, component.urn, child.name);
    });

    it("protects the network resources when asked, and only then", async () => {
        new KubenetNetwork("net", { ...guideNetwork, protect: true });
        await engine.settle();
        for (const type of [VNET, SUBNET, ROUTE_TABLE, ROUTE]) assert.equal(engine.byType(type)[0].protect, true, type);
        engine = await MockEngine.install();
        new KubenetNetwork("net2", guideNetwork);
        await engine.settle();
        for (const type of [VNET, SUBNET, ROUTE_TABLE]) assert.equal(engine.one(type).protect, false, type);
    });

    it("uses your route table: associates it on the created subnet and routes into it", async () => {
        const net = new KubenetNetwork("net", { ...guideNetwork, existingRouteTableId: EXISTING_TABLE });
        await engine.settle();
        assert.equal(engine.byType(ROUTE_TABLE).length, 0);
        assert.deepEqual(engine.one(SUBNET).inputs.routeTable, { id: EXISTING_TABLE });
        assert.equal(engine.one(ROUTE).inputs.routeTableName, "rt-aks");
        assert.equal(engine.one(ROUTE).inputs.resourceGroupName, "rg-net");
        assert.equal(await new Promise((resolve) => net.routeTableId!.apply(resolve)), EXISTING_TABLE);
    });

    it("uses your subnet and route table: creates no vnet, subnet or table", async () => {
        const net = new KubenetNetwork("net", { ...guideNetwork, existingSubnetId: EXISTING_SUBNET, existingRouteTableId: EXISTING_TABLE });
        await engine.settle();
        assert.deepEqual(engine.resources.filter((r) => r.custom).map((r) => r.type), [ROUTE]);
        assert.equal(net.vnetId, undefined);
        assert.equal(await new Promise((resolve) => net.vnetScopeId.apply(resolve)), "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub");
        assert.equal(await new Promise((resolve) => net.subnetId.apply(resolve)), EXISTING_SUBNET);
    });

    it("uses your subnet alone: no route table, AKS creates its own", async () => {
        const net = new KubenetNetwork("net", { ...guideNetwork, routes: [], existingSubnetId: EXISTING_SUBNET });
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.custom).length, 0);
        assert.equal(net.routeTableId, undefined);
    });

    it("rejects invalid arguments with every problem and creates no child", async () => {
        assert.throws(
            () => new KubenetNetwork("bad", { ...guideNetwork, vnetCidr: "172.30.0.0/16", subnetCidr: "192.168.1.0/24" }),
            (err: Error) => {
                assert.match(err.message, /invalid KubenetNetwork arguments:\nvnetCidr: 172.30.0.0\/16 overlaps 172.30.0.0\/16, a range AKS reserves\nsubnetCidr: 192.168.1.0\/24 is not inside vnetCidr 172.30.0.0\/16/);
                return true;
            },
        );
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.custom).length, 0);
    });
});

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
