import * as pulumi from "@pulumi/pulumi";
import { byoCluster } from "./cluster";

const config = new pulumi.Config();
const azure = new pulumi.Config("azure-native");

export = byoCluster({
    resourceGroupName: config.require("resourceGroupName"),
    location: azure.require("location"),
    clusterName: config.require("clusterName"),
    subnetId: config.require("subnetId"),
    routeTableId: config.require("routeTableId"),
    vnetCidr: config.require("vnetCidr"),
    subnetCidr: config.require("subnetCidr"),
    firewallIp: config.require("firewallIp"),
});
