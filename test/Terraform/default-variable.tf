# A variable's default flows to the resource; the trace names it.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s

variable "agent_model" {
  type    = string
  default = "openai.gpt-oss-120b-1:0"
}
# FACTS: assign tf:var.agent_model = "openai.gpt-oss-120b-1:0" @ {{.*}}default-variable.tf:[[@LINE-2]]:13 "default of variable agent_model"

resource "aws_bedrockagent_agent" "support" {
  agent_name       = "support"
  foundation_model = var.agent_model
}
# FACTS: access hosting aws_bedrockagent_agent model=ref(tf:var.agent_model) {{.*}} @ {{.*}}default-variable.tf:[[@LINE-2]]:22 subject=aws_bedrockagent_agent.support implied=aws
# CHECK: default-variable.tf:[[@LINE-3]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws; {{.*}} [exclusivity-hosting]
# CHECK: default-variable.tf:7:13: note: default of variable agent_model
