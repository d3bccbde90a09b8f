# aws_bedrock_provisioned_model_throughput: model_arn.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

resource "aws_bedrock_provisioned_model_throughput" "pt" {
  provisioned_model_name = "pt"
  model_units            = 1
  model_arn              = "arn:aws:bedrock:us-east-1::foundation-model/openai.gpt-oss-120b-1:0"
}
# CHECK: bedrock-provisioned-throughput.tf:[[@LINE-2]]:28: error: openai model {{.*}} is hosted on aws;
