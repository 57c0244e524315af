import { CapacityReport } from "../../components/address";

const PLUGIN_NAMES = { kubenet: "kubenet", azure: "Azure CNI (classic)", overlay: "Azure CNI Overlay" } as const;
const LIMIT_NAMES = { subnet: "subnet", podCidr: "pod CIDR", routeTable: "route table (400 routes)", clusterLimit: "Overlay's 5,000-node limit" } as const;

const number = (n: number) => n.toLocaleString("en-US");

function rows(pairs: [string, string][]): string {
    const width = Math.max(...pairs.map(([label]) => label.length));
    return pairs.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n") + "\n";
}

/**
 * Why no subnet or pod CIDR makes room, when a limit no range lifts is short; undefined when a
 * larger range would do.
 */
export function noRangeFits(report: CapacityReport): string | undefined {
    const fit = report.nodes;
    if (!fit || fit.fits) return undefined;
    if (fit.shortOf.includes("routeTable")) {
        return `no subnet or pod CIDR makes room: kubenet needs a route per node, and the route table (400 routes) has ${number(report.nodeSlots.routeTable!)} left for nodes; use fewer custom routes (--routes), or Azure CNI Overlay, which needs none`;
    }
    if (fit.shortOf.includes("clusterLimit")) return `no subnet or pod CIDR makes room: Azure CNI Overlay runs at most ${number(report.nodeSlots.clusterLimit!)} nodes in a cluster`;
    return undefined;
}

/** The capacity report as a small table for people. */
export function renderCapacity(report: CapacityReport): string {
    const slots: [string, string][] = [[`subnet ${report.subnet.cidr}`, number(report.nodeSlots.subnet)]];
    if (report.nodeSlots.podCidr !== null) slots.push([`pod CIDR ${report.podCidr}`, number(report.nodeSlots.podCidr)]);
    if (report.nodeSlots.routeTable !== null) slots.push(["route table", number(report.nodeSlots.routeTable)]);
    if (report.nodeSlots.clusterLimit !== null) slots.push(["cluster limit", number(report.nodeSlots.clusterLimit)]);
    let text = `${PLUGIN_NAMES[report.podNetworking]}, ${report.maxPodsPerNode} pods per node\n`
        + "Subnet addresses\n"
        + rows([
            ["total", number(report.subnet.addresses)],
            ["reserved by Azure", number(report.subnet.reserved)],
            ["usable", number(report.subnet.usable)],
        ])
        + "Node slots\n" + rows(slots)
        + rows([
            ["max nodes", `${number(report.maxNodes)} (limited by ${LIMIT_NAMES[report.limitedBy]})`],
            ["max pods", number(report.maxPods)],
        ]).replace(/^ {2}/gm, "");
    const fit = report.nodes;
    if (fit) {
        text += `${fit.nodes} nodes + ${fit.surgeNodes} upgrade surge (${fit.maxSurge}) = ${fit.nodesNeeded} nodes: `
            + (fit.fits ? "fits\n" : `does not fit (short of: ${fit.shortOf.map((k) => LIMIT_NAMES[k]).join(", ")})\n`);
        const why = noRangeFits(report);
        text += why !== undefined
            ? `  ${why}\n`
            : `  smallest subnet: ${fit.smallestSubnet ?? "none"}` + (report.podCidr === null ? "\n" : `, smallest pod CIDR: ${fit.smallestPodCidr ?? "none"}\n`);
    }
    return text;
}
