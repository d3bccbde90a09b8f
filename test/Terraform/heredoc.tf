# Indented heredocs (<<-) strip the common indentation; trimspace removes the final newline.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

locals {
  model = trimspace(<<-EOT
    openai.gpt-oss-120b-1:0
    EOT
  )
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = local.model
}
# CHECK: heredoc.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: heredoc.tf:5:11: note: local model
