# Locals that refer to each other in a cycle: an error naming the cycle, and the access they
# feed is unresolved (the analysis terminates).
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

locals {
  a = local.b
  b = "openai.${local.a}"
}
# CHECK: locals-cycle.tf:[[@LINE-3]]:3: error: local values refer to each other in a cycle: local.a -> local.b -> local.a [parse-error]
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = local.a
}
# CHECK: locals-cycle.tf:[[@LINE-2]]:22: note: cannot check the route of this model access: {{.*}}local.a is part of a cycle [unresolved-route]
