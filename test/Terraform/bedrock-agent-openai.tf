# A Bedrock agent whose foundation model is an OpenAI model: hosted on AWS, outside the
# default contract.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

resource "aws_bedrockagent_agent" "support" {
  agent_name       = "support"
  foundation_model = "openai.gpt-oss-120b-1:0"
}
# CHECK: bedrock-agent-openai.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws; {{.*}} [exclusivity-hosting]
# CHECK: 1 error, 0 warnings, 0 notes
