import * as pulumi from "@pulumi/pulumi";
import { spokeCluster } from "./cluster";

const config = new pulumi.Config();
export = spokeCluster({
    networkStack: config.require("networkStack"),
    resourceGroupName: config.require("resourceGroupName"),
    location: new pulumi.Config("azure-native").require("location"),
    clusterName: config.require("clusterName"),
    authorizedIPRanges: config.requireObject<string[]>("authorizedIPRanges"),
});
