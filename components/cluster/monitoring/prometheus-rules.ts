/*
 * Managed Prometheus' recording rules, as Microsoft's own templates create them with the data
 * collection rule: the node, Kubernetes and UX rule groups for Linux, on which the default
 * Grafana dashboards and the Prometheus-based Container Insights views are built (without them
 * metrics are ingested but those views stay empty). Windows groups are left out: kubenet runs
 * Linux only.
 *
 * Source: Azure/prometheus-collector, AddonArmTemplate/FullAzureMonitorMetricsProfile.json at commit 39583fd50b2f828f83cc18fc0cece9e3074f56db (the file last
 * changed in 36a3549f, "enable ux recording rules arm, bicep, terraform, policy for aks and arc
 * (#1140)"); the Bicep and Terraform templates beside it (AddonBicepTemplate,
 * AddonTerraformTemplate) hold the same rules. To refresh: read the same file again and copy
 * its Linux groups' records and expressions here; the names, interval and scopes are the
 * template's too.
 */

export interface PrometheusRecordingRule {
    record: string;
    expression: string;
    labels?: Record<string, string>;
}

export interface PrometheusRuleGroupSpec {
    /** The group's Azure name for a cluster. */
    name: (clusterName: string) => string;
    description: string;
    rules: PrometheusRecordingRule[];
}

/** How often the rules are evaluated: the templates' interval. */
export const RECORDING_RULES_INTERVAL = "PT1M";

export const PROMETHEUS_RECORDING_RULE_GROUPS: PrometheusRuleGroupSpec[] = [
    {
        name: (clusterName) => `NodeRecordingRulesRuleGroup-${clusterName}`,
        description: "Node Recording Rules RuleGroup - 0.1",
        rules: [
            { record: "instance:node_num_cpu:sum", expression: "count without (cpu, mode) (  node_cpu_seconds_total{job=\"node\",mode=\"idle\"})" },
            { record: "instance:node_cpu_utilisation:rate5m", expression: "1 - avg without (cpu) (  sum without (mode) (rate(node_cpu_seconds_total{job=\"node\", mode=~\"idle|iowait|steal\"}[5m])))" },
            { record: "instance:node_load1_per_cpu:ratio", expression: "(  node_load1{job=\"node\"}/  instance:node_num_cpu:sum{job=\"node\"})" },
            { record: "instance:node_memory_utilisation:ratio", expression: "1 - (  (    node_memory_MemAvailable_bytes{job=\"node\"}    or    (      node_memory_Buffers_bytes{job=\"node\"}      +      node_memory_Cached_bytes{job=\"node\"}      +      node_memory_MemFree_bytes{job=\"node\"}      +      node_memory_Slab_bytes{job=\"node\"}    )  )/  node_memory_MemTotal_bytes{job=\"node\"})" },
            { record: "instance:node_vmstat_pgmajfault:rate5m", expression: "rate(node_vmstat_pgmajfault{job=\"node\"}[5m])" },
            { record: "instance_device:node_disk_io_time_seconds:rate5m", expression: "rate(node_disk_io_time_seconds_total{job=\"node\", device!=\"\"}[5m])" },
            { record: "instance_device:node_disk_io_time_weighted_seconds:rate5m", expression: "rate(node_disk_io_time_weighted_seconds_total{job=\"node\", device!=\"\"}[5m])" },
            { record: "instance:node_network_receive_bytes_excluding_lo:rate5m", expression: "sum without (device) (  rate(node_network_receive_bytes_total{job=\"node\", device!=\"lo\"}[5m]))" },
            { record: "instance:node_network_transmit_bytes_excluding_lo:rate5m", expression: "sum without (device) (  rate(node_network_transmit_bytes_total{job=\"node\", device!=\"lo\"}[5m]))" },
            { record: "instance:node_network_receive_drop_excluding_lo:rate5m", expression: "sum without (device) (  rate(node_network_receive_drop_total{job=\"node\", device!=\"lo\"}[5m]))" },
            { record: "instance:node_network_transmit_drop_excluding_lo:rate5m", expression: "sum without (device) (  rate(node_network_transmit_drop_total{job=\"node\", device!=\"lo\"}[5m]))" },
        ],
    },
    {
        name: (clusterName) => `KubernetesRecordingRulesRuleGroup-${clusterName}`,
        description: "Kubernetes Recording Rules RuleGroup - 0.1",
        rules: [
            { record: "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate", expression: "sum by (cluster, namespace, pod, container) (  irate(container_cpu_usage_seconds_total{job=\"cadvisor\", image!=\"\"}[5m])) * on (cluster, namespace, pod) group_left(node) topk by (cluster, namespace, pod) (  1, max by(cluster, namespace, pod, node) (kube_pod_info{node!=\"\"}))" },
            { record: "node_namespace_pod_container:container_memory_working_set_bytes", expression: "container_memory_working_set_bytes{job=\"cadvisor\", image!=\"\"}* on (namespace, pod) group_left(node) topk by(namespace, pod) (1,  max by(namespace, pod, node) (kube_pod_info{node!=\"\"}))" },
            { record: "node_namespace_pod_container:container_memory_rss", expression: "container_memory_rss{job=\"cadvisor\", image!=\"\"}* on (namespace, pod) group_left(node) topk by(namespace, pod) (1,  max by(namespace, pod, node) (kube_pod_info{node!=\"\"}))" },
            { record: "node_namespace_pod_container:container_memory_cache", expression: "container_memory_cache{job=\"cadvisor\", image!=\"\"}* on (namespace, pod) group_left(node) topk by(namespace, pod) (1,  max by(namespace, pod, node) (kube_pod_info{node!=\"\"}))" },
            { record: "node_namespace_pod_container:container_memory_swap", expression: "container_memory_swap{job=\"cadvisor\", image!=\"\"}* on (namespace, pod) group_left(node) topk by(namespace, pod) (1,  max by(namespace, pod, node) (kube_pod_info{node!=\"\"}))" },
            { record: "cluster:namespace:pod_memory:active:kube_pod_container_resource_requests", expression: "kube_pod_container_resource_requests{resource=\"memory\",job=\"kube-state-metrics\"}  * on (namespace, pod, cluster)group_left() max by (namespace, pod, cluster) (  (kube_pod_status_phase{phase=~\"Pending|Running\"} == 1))" },
            { record: "namespace_memory:kube_pod_container_resource_requests:sum", expression: "sum by (namespace, cluster) (    sum by (namespace, pod, cluster) (        max by (namespace, pod, container, cluster) (          kube_pod_container_resource_requests{resource=\"memory\",job=\"kube-state-metrics\"}        ) * on(namespace, pod, cluster) group_left() max by (namespace, pod, cluster) (          kube_pod_status_phase{phase=~\"Pending|Running\"} == 1        )    ))" },
            { record: "cluster:namespace:pod_cpu:active:kube_pod_container_resource_requests", expression: "kube_pod_container_resource_requests{resource=\"cpu\",job=\"kube-state-metrics\"}  * on (namespace, pod, cluster)group_left() max by (namespace, pod, cluster) (  (kube_pod_status_phase{phase=~\"Pending|Running\"} == 1))" },
            { record: "namespace_cpu:kube_pod_container_resource_requests:sum", expression: "sum by (namespace, cluster) (    sum by (namespace, pod, cluster) (        max by (namespace, pod, container, cluster) (          kube_pod_container_resource_requests{resource=\"cpu\",job=\"kube-state-metrics\"}        ) * on(namespace, pod, cluster) group_left() max by (namespace, pod, cluster) (          kube_pod_status_phase{phase=~\"Pending|Running\"} == 1        )    ))" },
            { record: "cluster:namespace:pod_memory:active:kube_pod_container_resource_limits", expression: "kube_pod_container_resource_limits{resource=\"memory\",job=\"kube-state-metrics\"}  * on (namespace, pod, cluster)group_left() max by (namespace, pod, cluster) (  (kube_pod_status_phase{phase=~\"Pending|Running\"} == 1))" },
            { record: "namespace_memory:kube_pod_container_resource_limits:sum", expression: "sum by (namespace, cluster) (    sum by (namespace, pod, cluster) (        max by (namespace, pod, container, cluster) (          kube_pod_container_resource_limits{resource=\"memory\",job=\"kube-state-metrics\"}        ) * on(namespace, pod, cluster) group_left() max by (namespace, pod, cluster) (          kube_pod_status_phase{phase=~\"Pending|Running\"} == 1        )    ))" },
            { record: "cluster:namespace:pod_cpu:active:kube_pod_container_resource_limits", expression: "kube_pod_container_resource_limits{resource=\"cpu\",job=\"kube-state-metrics\"}  * on (namespace, pod, cluster)group_left() max by (namespace, pod, cluster) ( (kube_pod_status_phase{phase=~\"Pending|Running\"} == 1) )" },
            { record: "namespace_cpu:kube_pod_container_resource_limits:sum", expression: "sum by (namespace, cluster) (    sum by (namespace, pod, cluster) (        max by (namespace, pod, container, cluster) (          kube_pod_container_resource_limits{resource=\"cpu\",job=\"kube-state-metrics\"}        ) * on(namespace, pod, cluster) group_left() max by (namespace, pod, cluster) (          kube_pod_status_phase{phase=~\"Pending|Running\"} == 1        )    ))" },
            { record: "namespace_workload_pod:kube_pod_owner:relabel", expression: "max by (cluster, namespace, workload, pod) (  label_replace(    label_replace(      kube_pod_owner{job=\"kube-state-metrics\", owner_kind=\"ReplicaSet\"},      \"replicaset\", \"$1\", \"owner_name\", \"(.*)\"    ) * on(replicaset, namespace) group_left(owner_name) topk by(replicaset, namespace) (      1, max by (replicaset, namespace, owner_name) (        kube_replicaset_owner{job=\"kube-state-metrics\"}      )    ),    \"workload\", \"$1\", \"owner_name\", \"(.*)\"  ))", labels: { workload_type: "deployment" } },
            { record: "namespace_workload_pod:kube_pod_owner:relabel", expression: "max by (cluster, namespace, workload, pod) (  label_replace(    kube_pod_owner{job=\"kube-state-metrics\", owner_kind=\"DaemonSet\"},    \"workload\", \"$1\", \"owner_name\", \"(.*)\"  ))", labels: { workload_type: "daemonset" } },
            { record: "namespace_workload_pod:kube_pod_owner:relabel", expression: "max by (cluster, namespace, workload, pod) (  label_replace(    kube_pod_owner{job=\"kube-state-metrics\", owner_kind=\"StatefulSet\"},    \"workload\", \"$1\", \"owner_name\", \"(.*)\"  ))", labels: { workload_type: "statefulset" } },
            { record: "namespace_workload_pod:kube_pod_owner:relabel", expression: "max by (cluster, namespace, workload, pod) (  label_replace(    kube_pod_owner{job=\"kube-state-metrics\", owner_kind=\"Job\"},    \"workload\", \"$1\", \"owner_name\", \"(.*)\"  ))", labels: { workload_type: "job" } },
            { record: ":node_memory_MemAvailable_bytes:sum", expression: "sum(  node_memory_MemAvailable_bytes{job=\"node\"} or  (    node_memory_Buffers_bytes{job=\"node\"} +    node_memory_Cached_bytes{job=\"node\"} +    node_memory_MemFree_bytes{job=\"node\"} +    node_memory_Slab_bytes{job=\"node\"}  )) by (cluster)" },
            { record: "cluster:node_cpu:ratio_rate5m", expression: "sum(rate(node_cpu_seconds_total{job=\"node\",mode!=\"idle\",mode!=\"iowait\",mode!=\"steal\"}[5m])) by (cluster) /count(sum(node_cpu_seconds_total{job=\"node\"}) by (cluster, instance, cpu)) by (cluster)" },
        ],
    },
    {
        name: (clusterName) => `UXRecordingRulesRuleGroup - ${clusterName}`,
        description: "UX recording rules for Linux",
        rules: [
            { record: "ux:pod_cpu_usage:sum_irate", expression: "(sum by (namespace, pod, cluster, microsoft_resourceid) (\n\tirate(container_cpu_usage_seconds_total{container != \"\", pod != \"\", job = \"cadvisor\"}[5m])\n)) * on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(max by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (kube_pod_info{pod != \"\", job = \"kube-state-metrics\"}))" },
            { record: "ux:controller_cpu_usage:sum_irate", expression: "sum by (namespace, node, cluster, created_by_name, created_by_kind, microsoft_resourceid) (\nux:pod_cpu_usage:sum_irate\n)\n" },
            { record: "ux:pod_workingset_memory:sum", expression: "(\n\t    sum by (namespace, pod, cluster, microsoft_resourceid) (\n\t\tcontainer_memory_working_set_bytes{container != \"\", pod != \"\", job = \"cadvisor\"}\n\t    )\n\t) * on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(max by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (kube_pod_info{pod != \"\", job = \"kube-state-metrics\"}))" },
            { record: "ux:controller_workingset_memory:sum", expression: "sum by (namespace, node, cluster, created_by_name, created_by_kind, microsoft_resourceid) (\nux:pod_workingset_memory:sum\n)" },
            { record: "ux:pod_rss_memory:sum", expression: "(\n\t    sum by (namespace, pod, cluster, microsoft_resourceid) (\n\t\tcontainer_memory_rss{container != \"\", pod != \"\", job = \"cadvisor\"}\n\t    )\n\t) * on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(max by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (kube_pod_info{pod != \"\", job = \"kube-state-metrics\"}))" },
            { record: "ux:controller_rss_memory:sum", expression: "sum by (namespace, node, cluster, created_by_name, created_by_kind, microsoft_resourceid) (\nux:pod_rss_memory:sum\n)" },
            { record: "ux:pod_container_count:sum", expression: "sum by (node, created_by_name, created_by_kind, namespace, cluster, pod, microsoft_resourceid) (\n(\n(\nsum by (container, pod, namespace, cluster, microsoft_resourceid) (kube_pod_container_info{container != \"\", pod != \"\", container_id != \"\", job = \"kube-state-metrics\"})\nor sum by (container, pod, namespace, cluster, microsoft_resourceid) (kube_pod_init_container_info{container != \"\", pod != \"\", container_id != \"\", job = \"kube-state-metrics\"})\n)\n* on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(\nmax by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (\n\tkube_pod_info{pod != \"\", job = \"kube-state-metrics\"}\n)\n)\n)\n\n)" },
            { record: "ux:controller_container_count:sum", expression: "sum by (node, created_by_name, created_by_kind, namespace, cluster, microsoft_resourceid) (\nux:pod_container_count:sum\n)" },
            { record: "ux:pod_container_restarts:max", expression: "max by (node, created_by_name, created_by_kind, namespace, cluster, pod, microsoft_resourceid) (\n(\n(\nmax by (container, pod, namespace, cluster, microsoft_resourceid) (kube_pod_container_status_restarts_total{container != \"\", pod != \"\", job = \"kube-state-metrics\"})\nor sum by (container, pod, namespace, cluster, microsoft_resourceid) (kube_pod_init_status_restarts_total{container != \"\", pod != \"\", job = \"kube-state-metrics\"})\n)\n* on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(\nmax by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (\n\tkube_pod_info{pod != \"\", job = \"kube-state-metrics\"}\n)\n)\n)\n\n)" },
            { record: "ux:controller_container_restarts:max", expression: "max by (node, created_by_name, created_by_kind, namespace, cluster, microsoft_resourceid) (\nux:pod_container_restarts:max\n)" },
            { record: "ux:pod_resource_limit:sum", expression: "(sum by (cluster, pod, namespace, resource, microsoft_resourceid) (\n(\n\tmax by (cluster, microsoft_resourceid, pod, container, namespace, resource)\n\t (kube_pod_container_resource_limits{container != \"\", pod != \"\", job = \"kube-state-metrics\"})\n)\n)unless (count by (pod, namespace, cluster, resource, microsoft_resourceid)\n\t(kube_pod_container_resource_limits{container != \"\", pod != \"\", job = \"kube-state-metrics\"})\n!= on (pod, namespace, cluster, microsoft_resourceid) group_left()\n sum by (pod, namespace, cluster, microsoft_resourceid)\n (kube_pod_container_info{container != \"\", pod != \"\", job = \"kube-state-metrics\"}) \n)\n\n)* on (namespace, pod, cluster, microsoft_resourceid) group_left (node, created_by_kind, created_by_name)\n(\n\tkube_pod_info{pod != \"\", job = \"kube-state-metrics\"}\n)" },
            { record: "ux:controller_resource_limit:sum", expression: "sum by (cluster, namespace, created_by_name, created_by_kind, node, resource, microsoft_resourceid) (\nux:pod_resource_limit:sum\n)" },
            { record: "ux:controller_pod_phase_count:sum", expression: "sum by (cluster, phase, node, created_by_kind, created_by_name, namespace, microsoft_resourceid) ( (\n(kube_pod_status_phase{job=\"kube-state-metrics\",pod!=\"\"})\n or (label_replace((count(kube_pod_deletion_timestamp{job=\"kube-state-metrics\",pod!=\"\"}) by (namespace, pod, cluster, microsoft_resourceid) * count(kube_pod_status_reason{reason=\"NodeLost\", job=\"kube-state-metrics\"} == 0) by (namespace, pod, cluster, microsoft_resourceid)), \"phase\", \"terminating\", \"\", \"\"))) * on (pod, namespace, cluster, microsoft_resourceid) group_left (node, created_by_name, created_by_kind)\n(\nmax by (node, created_by_name, created_by_kind, pod, namespace, cluster, microsoft_resourceid) (\nkube_pod_info{job=\"kube-state-metrics\",pod!=\"\"}\n)\n)\n)" },
            { record: "ux:cluster_pod_phase_count:sum", expression: "sum by (cluster, phase, node, namespace, microsoft_resourceid) (\nux:controller_pod_phase_count:sum\n)" },
            { record: "ux:node_cpu_usage:sum_irate", expression: "sum by (instance, cluster, microsoft_resourceid) (\n(1 - irate(node_cpu_seconds_total{job=\"node\", mode=\"idle\"}[5m]))\n)" },
            { record: "ux:node_memory_usage:sum", expression: "sum by (instance, cluster, microsoft_resourceid) ((\nnode_memory_MemTotal_bytes{job = \"node\"}\n- node_memory_MemFree_bytes{job = \"node\"} \n- node_memory_cached_bytes{job = \"node\"}\n- node_memory_buffers_bytes{job = \"node\"}\n))" },
            { record: "ux:node_network_receive_drop_total:sum_irate", expression: "sum by (instance, cluster, microsoft_resourceid) (irate(node_network_receive_drop_total{job=\"node\", device!=\"lo\"}[5m]))" },
            { record: "ux:node_network_transmit_drop_total:sum_irate", expression: "sum by (instance, cluster, microsoft_resourceid) (irate(node_network_transmit_drop_total{job=\"node\", device!=\"lo\"}[5m]))" },
        ],
    },
];
