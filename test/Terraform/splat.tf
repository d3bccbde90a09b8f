# Splat expressions (list[*].attr) over a list of objects.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

locals {
  agents = [
    { name = "support", model = "anthropic.claude-v2" },
    { name = "search", model = "openai.gpt-oss-20b-1:0" },
  ]
  models = local.agents[*].model
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = element(local.models, 1)
}
# CHECK: splat.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
# CHECK: 1 error, 0 warnings, 0 notes
