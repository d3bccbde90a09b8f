# A variable without default and not set anywhere is unknown: a note, not a guess.
# RUN: %cloudpact check %s 2>&1 | FileCheck %s

variable "agent_model" {
  type = string
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = var.agent_model
}
# CHECK: unset-variable.tf:[[@LINE-2]]:22: note: cannot check the route of this model access: {{.*}}variable agent_model is not set [unresolved-route]
# CHECK: unset-variable.tf:4:1: note: variable agent_model has no default
