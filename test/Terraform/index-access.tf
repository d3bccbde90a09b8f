# Index and attribute access into maps, objects and lists of a variable's default.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "catalog" {
  default = {
    chat  = { models = ["anthropic.claude-v2", "openai.gpt-oss-120b-1:0"] }
    embed = { models = ["amazon.titan-embed-text-v2:0"] }
  }
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = var.catalog["chat"].models[1]
}
# CHECK: index-access.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: index-access.tf:6:48: note: default of variable catalog
