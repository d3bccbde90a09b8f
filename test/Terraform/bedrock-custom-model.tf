# aws_bedrock_custom_model: the base model (an ARN) is hosted on AWS in the provider's region.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

provider "aws" { region = "us-west-2" }
resource "aws_bedrock_custom_model" "tuned" {
  custom_model_name     = "tuned"
  job_name              = "tune"
  base_model_identifier = "arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-20b-1:0"
  role_arn              = "arn:aws:iam::123456789012:role/bedrock"
}
# CHECK: bedrock-custom-model.tf:[[@LINE-3]]:27: error: openai model 'arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-20b-1:0' is hosted on aws in us-west-2;
