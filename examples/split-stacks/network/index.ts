import * as pulumi from "@pulumi/pulumi";
import { spokeNetwork } from "./network";

const config = new pulumi.Config();
export = spokeNetwork({
    resourceGroupName: config.require("resourceGroupName"),
    location: new pulumi.Config("azure-native").require("location"),
    vnetCidr: config.require("vnetCidr"),
    subnetCidr: config.require("subnetCidr"),
    firewallPrivateIp: config.require("firewallPrivateIp"),
    firewallPublicIp: config.require("firewallPublicIp"),
    reservedCidrs: config.getObject<string[]>("reservedCidrs") ?? [],
});
