/*
 * The AKS support calendar, as dated data. AKS supports a Kubernetes minor version for about 12
 * months after its AKS GA (N-2, "community support"); then it is on "platform support" until the
 * minor four above it goes GA (N-3), where "cluster creation: not supported"; after that AKS
 * upgrades the clusters left on it by itself ("AKS automatically upgrades clusters in version
 * N-3 ... that are about to fall to N-4, upgrading them to N-2 instead"). Long-term support
 * keeps a version for two years from its GA: "Enabling LTS requires moving your cluster to the
 * Premium tier and explicitly selecting the LTS support plan"; "All supported Kubernetes
 * versions are eligible for LTS".
 *
 * Source: MicrosoftDocs/azure-aks-docs, articles/aks/supported-kubernetes-versions.md ("AKS
 * Kubernetes release calendar" and "Long-term support" tables) at commit
 * f988e7e8b023581e9e736cefa17b035a02e7b686 (ms.date 08/05/2026), and for 1.27–1.31, whose rows
 * that commit no longer shows, the same file at a5974798 (2026-03-20); articles/aks/
 * long-term-support.md at b44d4f50; articles/aks/auto-upgrade-cluster.md. Months are the page's:
 * a month stands for its last day. Azure/AKS release notes of 2026 agree (1.35 GA 2026-03-05,
 * 1.36 GA 2026-06-19, "1.33 is now available only under long-term support" 2026-07-17).
 *
 * Refreshing it (docs/kubernetes-versions.md): read the page again, add the new minor's row and
 * correct the others, and update KUBERNETES_VERSIONS_RECORDED_ON; the tests check that the rows
 * follow each other and that each ends after it starts.
 */

/** When this table was read from Microsoft's page. */
export const KUBERNETES_VERSIONS_RECORDED_ON = "2026-08-05";

export interface AksMinorVersion {
    /** `MAJOR.MINOR`. */
    version: string;
    /** AKS GA, `YYYY-MM`. */
    ga: string;
    /** End of community support (the page's "End of life"), `YYYY-MM`. */
    endOfSupport: string;
    /** End of long-term support, `YYYY-MM`. */
    ltsEnd: string;
}

export const AKS_MINOR_VERSIONS: readonly AksMinorVersion[] = [
    { version: "1.27", ga: "2023-07", endOfSupport: "2024-07", ltsEnd: "2025-07" },
    { version: "1.28", ga: "2023-11", endOfSupport: "2025-01", ltsEnd: "2026-02" },
    { version: "1.29", ga: "2024-03", endOfSupport: "2025-03", ltsEnd: "2026-04" },
    { version: "1.30", ga: "2024-07", endOfSupport: "2025-08", ltsEnd: "2026-07" },
    { version: "1.31", ga: "2024-11", endOfSupport: "2025-11", ltsEnd: "2026-11" },
    { version: "1.32", ga: "2025-04", endOfSupport: "2026-03", ltsEnd: "2027-03" },
    { version: "1.33", ga: "2025-06", endOfSupport: "2026-07", ltsEnd: "2027-07" },
    { version: "1.34", ga: "2025-11", endOfSupport: "2026-11", ltsEnd: "2027-11" },
    { version: "1.35", ga: "2026-03", endOfSupport: "2027-03", ltsEnd: "2028-03" },
    { version: "1.36", ga: "2026-06", endOfSupport: "2027-06", ltsEnd: "2028-06" },
    { version: "1.37", ga: "2026-10", endOfSupport: "2027-10", ltsEnd: "2028-10" },
];

/** How many days before a version leaves support the program starts to warn. */
export const VERSION_WARNING_DAYS = 90;

/** The AKS support plans: Kubernetes' own window, or long-term support (Premium tier only). */
export const KubernetesSupportPlan = { KubernetesOfficial: "KubernetesOfficial", AKSLongTermSupport: "AKSLongTermSupport" } as const;
export type KubernetesSupportPlan = (typeof KubernetesSupportPlan)[keyof typeof KubernetesSupportPlan];
export const KUBERNETES_SUPPORT_PLANS = Object.values(KubernetesSupportPlan);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The last moment of a `YYYY-MM` month, in UTC. */
export function endOfMonth(month: string): Date {
    const [year, m] = month.split("-").map(Number);
    return new Date(Date.UTC(year, m, 1) - 1);
}

/** `YYYY-MM` as "July 2026". */
export function monthName(month: string): string {
    const [year, m] = month.split("-").map(Number);
    return `${MONTHS[m - 1]} ${year}`;
}

/** `"1.29"` or `"1.29.7"` as numbers; undefined for anything else. */
export function parseKubernetesVersion(version: string): { major: number; minor: number; patch?: number } | undefined {
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
    return match ? { major: Number(match[1]), minor: Number(match[2]), patch: match[3] === undefined ? undefined : Number(match[3]) } : undefined;
}

/** The minor version `steps` above a `MAJOR.MINOR[.PATCH]`, as text: ("1.35", 1) → "1.36". */
export function minorAbove(version: string, steps: number): string {
    const parsed = parseKubernetesVersion(version)!;
    return `${parsed.major}.${parsed.minor + steps}`;
}

/** The table's row for a `MAJOR.MINOR[.PATCH]` version; undefined when the table has none. */
export function aksMinorVersion(version: string): AksMinorVersion | undefined {
    const parsed = parseKubernetesVersion(version);
    return parsed && AKS_MINOR_VERSIONS.find((row) => row.version === `${parsed.major}.${parsed.minor}`);
}

/**
 * Where a version stands on a date:
 * - `supported`: in its window (community, or long-term with LTS), until `until`;
 * - `platform`: out of community support, still running existing clusters, creating none, until
 *   the minor four above goes GA (`until` undefined while the table has no such row);
 * - `ended`: AKS neither creates nor keeps clusters on it;
 * - `unknown`: newer than the table.
 */
export type VersionSupport =
    | { status: "supported"; row: AksMinorVersion; until: Date; untilMonth: string; plan: KubernetesSupportPlan }
    | { status: "platform"; row: AksMinorVersion; endedMonth: string; untilVersion: string; untilMonth?: string }
    | { status: "ended"; row: AksMinorVersion | undefined; endedMonth?: string; plan: KubernetesSupportPlan }
    | { status: "unknown" };

export function versionSupport(version: string, plan: KubernetesSupportPlan, today: Date): VersionSupport {
    const parsed = parseKubernetesVersion(version);
    if (!parsed) return { status: "unknown" };
    const row = aksMinorVersion(version);
    if (!row) {
        const oldest = parseKubernetesVersion(AKS_MINOR_VERSIONS[0].version)!;
        const older = parsed.major < oldest.major || (parsed.major === oldest.major && parsed.minor < oldest.minor);
        return older ? { status: "ended", row: undefined, plan } : { status: "unknown" };
    }
    if (plan === "AKSLongTermSupport") {
        return today <= endOfMonth(row.ltsEnd)
            ? { status: "supported", row, until: endOfMonth(row.ltsEnd), untilMonth: row.ltsEnd, plan }
            : { status: "ended", row, endedMonth: row.ltsEnd, plan };
    }
    if (today <= endOfMonth(row.endOfSupport)) {
        return { status: "supported", row, until: endOfMonth(row.endOfSupport), untilMonth: row.endOfSupport, plan };
    }
    const untilVersion = minorAbove(version, 4);
    const successor = AKS_MINOR_VERSIONS.find((r) => r.version === untilVersion);
    if (successor && today > endOfMonth(successor.ga)) return { status: "ended", row, endedMonth: successor.ga, plan };
    return { status: "platform", row, endedMonth: row.endOfSupport, untilVersion, untilMonth: successor?.ga };
}

/**
 * What to move to from a version out of support: the oldest GA minor with more than
 * VERSION_WARNING_DAYS of support left (AKS upgrades an unsupported cluster to the oldest
 * supported minor, and one about to leave support would only move the problem), else the
 * oldest one supported at all.
 */
export function versionToMoveTo(today: Date): AksMinorVersion | undefined {
    const supported = AKS_MINOR_VERSIONS.filter((row) => endOfMonth(row.ga) <= today && today <= endOfMonth(row.endOfSupport));
    return supported.find((row) => daysBetween(today, endOfMonth(row.endOfSupport)) > VERSION_WARNING_DAYS) ?? supported[0];
}

/** Whole days from one date to another, rounded up. */
export function daysBetween(from: Date, to: Date): number {
    return Math.ceil((to.getTime() - from.getTime()) / 86_400_000);
}
