# %{for} and %{if} directives are evaluated when their collection and condition are known.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "large" { default = true }
locals {
  parts = ["gpt", "oss"]
  name  = "%{ for i, p in local.parts }%{ if i > 0 }-%{ endif }${p}%{ endfor }"
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = "openai.${local.name}-%{ if var.large }120b%{ else }20b%{ endif }-1:0"
}
# CHECK: template-directives.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
