import { strict as assert } from "node:assert";
import { KubenetNetwork } from "../../components";
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
        const hub = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub";
        assert.equal(await new Promise((resolve) => net.vnetId.apply(resolve)), hub, "the vnet of your subnet");
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
