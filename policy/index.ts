import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// Constructing the pack starts the policy server the Pulumi CLI talks to.
new PolicyPack("aks-kubenet", {
    description: "The AKS kubenet guide's rules (mandatory) and AKS posture checks (advisory, binding for production stacks), for any stack.",
    policies,
});
