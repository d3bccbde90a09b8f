# data "aws_bedrock_foundation_model": the model asked for is a sink, and its model_arn names it.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

provider "aws" { region = "us-west-2" }
data "aws_bedrock_foundation_model" "oss" {
  model_id = "openai.gpt-oss-120b-1:0"
}
# CHECK: data-foundation-model.tf:[[@LINE-2]]:14: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws in us-west-2;
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = data.aws_bedrock_foundation_model.oss.model_arn
}
# CHECK: data-foundation-model.tf:[[@LINE-2]]:22: error: openai model 'arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-120b-1:0' is hosted on aws in us-west-2;
# CHECK: data-foundation-model.tf:6:14: note: model_id of data.aws_bedrock_foundation_model.oss
# CHECK: 2 errors, 0 warnings, 0 notes
