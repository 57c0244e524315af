/**
 * `npm run --silent capacity -- --subnet <cidr> [--pod-cidr <cidr>] [--max-pods N]
 *   [--network-plugin kubenet|azure] [--network-plugin-mode overlay] [--nodes N]
 *   [--max-surge 10%] [--routes N] [--json]`
 *
 * The kubenet guide's address arithmetic, offline.
 */
import {
    CapacityReport,
    DEFAULT_MAX_SURGE,
    DEFAULT_POD_CIDR,
    Problem,
    ROUTE_TABLE_ROUTE_LIMIT,
    capacityReport,
    checkCidr,
    checkDisjoint,
    checkMaxPods,
    checkNotForbiddenInVnet,
    checkNotReserved,
    checkPodCidrSize,
    checkSubnetSize,
    defaultMaxPods,
    formatProblem,
    parseMaxSurge,
    podNetworkingOf,
} from "../../components/address";
import { echo } from "../config/issues";
import { Command, CommandExit, parseFlags, runAsMain } from "./command";
import { noRangeFits, renderCapacity } from "./render-capacity";

const USAGE = "usage: capacity --subnet <cidr> [--pod-cidr <cidr>] [--max-pods N] [--network-plugin kubenet|azure] [--network-plugin-mode overlay] [--nodes N] [--max-surge N|N%] [--routes N] [--json]";

const HELP = `${USAGE}

How many nodes and pods a subnet and pod CIDR hold under the AKS kubenet guide's rules, and what
limits them (subnet, pod CIDR, the 400-route table, or the cluster limit).

  --subnet <cidr>              the cluster subnet (required)
  --pod-cidr <cidr>            kubenet and overlay pod range (default 10.244.0.0/16)
  --max-pods N                 pods per node (default 110; 30 for classic Azure CNI)
  --network-plugin P           kubenet (default) or azure
  --network-plugin-mode overlay  with --network-plugin azure: Azure CNI Overlay
  --nodes N                    also say whether N nodes plus upgrade surge fit, and what would
  --max-surge N|N%             upgrade surge for --nodes (default 10%, rounded up)
  --routes N                   custom routes sharing the route table (default 0)
  --json                       one JSON object on stdout
  -h, --help                   this text

Exit codes: 0 valid (and, with --nodes, fits); 1 invalid input or the nodes don't fit (the
reasons on stderr as key: message lines); 2 a usage error.`;

/**
 * A flag's whole number from `min` to `max`. Past 2^53 a number is no longer exact in
 * JavaScript (9007199254740993 reads as ...992), so nothing larger is taken as given.
 */
function wholeNumber(flag: string, text: string | undefined, min: number, problems: Problem[], max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (/^\d+$/.test(text) && value > Number.MAX_SAFE_INTEGER) {
        problems.push({ path: flag, message: `${echo(text)} is past 2^53 (${Number.MAX_SAFE_INTEGER}), where whole numbers are no longer exact` });
        return undefined;
    }
    if (!/^\d+$/.test(text) || value < min || value > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
        const why = flag === "--routes" ? `: a route table holds at most ${ROUTE_TABLE_ROUTE_LIMIT} routes` : "";
        problems.push({ path: flag, message: `${echo(text)} is not a whole number ${range}${why}` });
        return undefined;
    }
    return value;
}

/** Parses and checks the flags; returns the report or every problem found. */
export function runCapacity(argv: string[]): { report?: CapacityReport; json: boolean; help?: boolean; problems: Problem[] } {
    const values = parseFlags(argv, {
        subnet: { type: "string" },
        "pod-cidr": { type: "string" },
        "max-pods": { type: "string" },
        "network-plugin": { type: "string", default: "kubenet" },
        "network-plugin-mode": { type: "string" },
        nodes: { type: "string" },
        "max-surge": { type: "string", default: DEFAULT_MAX_SURGE },
        routes: { type: "string", default: "0" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
    }, USAGE) as { [flag: string]: string | undefined } & { json: boolean; help: boolean };
    if (values.help) return { json: false, help: true, problems: [] };
    if (values.subnet === undefined) throw new CommandExit(`--subnet is required\n${USAGE}`, 2);
    const problems: Problem[] = [];
    const plugin = values["network-plugin"];
    const mode = values["network-plugin-mode"];
    if (plugin !== "kubenet" && plugin !== "azure") {
        problems.push({ path: "--network-plugin", message: `${JSON.stringify(plugin)} is not one of kubenet, azure` });
    }
    if (mode !== undefined && (mode !== "overlay" || plugin !== "azure")) {
        problems.push({ path: "--network-plugin-mode", message: "the only mode is overlay, and only with --network-plugin azure" });
    }
    const podNetworking = podNetworkingOf(plugin === "azure" ? "azure" : "kubenet", mode === "overlay" ? "overlay" : undefined);

    const subnet = checkCidr(values.subnet, "--subnet");
    const podCidrText = podNetworking === "azure" ? values["pod-cidr"] : values["pod-cidr"] ?? DEFAULT_POD_CIDR;
    const pod = podCidrText === undefined ? undefined : checkCidr(podCidrText, "--pod-cidr");
    if (podNetworking === "azure" && pod) {
        problems.push({ path: "--pod-cidr", message: "classic Azure CNI gives pods subnet addresses; a pod CIDR applies to kubenet and overlay" });
    }
    problems.push(...(subnet?.problems ?? []), ...(pod?.problems ?? []));
    if (subnet?.cidr) {
        const named = { path: "--subnet", cidr: subnet.cidr };
        problems.push(...checkNotReserved(named), ...checkNotForbiddenInVnet(named, true), ...checkSubnetSize(named));
        if (pod?.cidr) problems.push(...checkDisjoint({ path: "--pod-cidr", cidr: pod.cidr }, named, "pods take addresses outside the vnet"));
    }
    if (pod?.cidr) {
        const named = { path: "--pod-cidr", cidr: pod.cidr };
        problems.push(...checkNotReserved(named), ...checkPodCidrSize(named));
    }
    const maxPods = wholeNumber("--max-pods", values["max-pods"], 0, problems) ?? defaultMaxPods(podNetworking);
    problems.push(...checkMaxPods(maxPods, "--max-pods"));
    const nodes = wholeNumber("--nodes", values.nodes, 1, problems);
    const customRoutes = wholeNumber("--routes", values.routes, 0, problems, ROUTE_TABLE_ROUTE_LIMIT);
    const surge = parseMaxSurge(values["max-surge"]!);
    if (!surge.ok) problems.push({ path: "--max-surge", message: surge.error });

    if (problems.length > 0 || !subnet?.cidr || !surge.ok) return { json: values.json!, problems };
    const report = capacityReport({
        subnet: subnet.cidr,
        podNetworking,
        podCidr: pod?.cidr,
        maxPods,
        customRoutes,
        nodes,
        maxSurge: { text: values["max-surge"]!, value: surge.value },
    });
    return { report, json: values.json!, problems };
}

/** The capacity command: exit 0 valid (and fits), 1 invalid input or nodes that don't fit, 2 a usage error. */
export const capacityCommand: Command = (argv, io) => {
    const result = runCapacity(argv);
    if (result.help) {
        io.out(`${HELP}\n`);
        return 0;
    }
    if (!result.report) throw new CommandExit(result.problems.map(formatProblem).join("\n"), 1);
    io.out(result.json ? JSON.stringify(result.report, null, 2) + "\n" : renderCapacity(result.report));
    // A plan that doesn't fit fails, so a pipeline step can stop on it; the report says why.
    const fit = result.report.nodes;
    if (fit && !fit.fits) {
        const advice = noRangeFits(result.report) ?? `smallest subnet ${fit.smallestSubnet}, smallest pod CIDR ${fit.smallestPodCidr ?? "n/a"}`;
        io.err(`--nodes: ${fit.nodes} nodes + ${fit.surgeNodes} upgrade surge = ${fit.nodesNeeded} nodes don't fit (short of: ${fit.shortOf.join(", ")}); ${advice}\n`);
        return 1;
    }
    return 0;
};

if (require.main === module) runAsMain(capacityCommand);
