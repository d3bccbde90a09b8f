# RUN: %cloudpact check %s 2>&1 | FileCheck %s '--implicit-check-not={{error|warning|note}}:'
# An application inference profile's id does not say its model: unresolved, with the reason.
provider "aws" {
  region = "us-east-1"
}

resource "aws_bedrockagent_agent" "opaque" {
  agent_name              = "opaque"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6"
}
# CHECK: bedrock-arn-opaque.tf:10:29: note: cannot check the route of this model access: the model's provider is not known: model id 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6' is a Bedrock ARN with an opaque id (the model is set where the resource is created) [unresolved-route]
# CHECK: bedrock-arn-opaque.tf:4:12: note: region of provider aws
# CHECK: 0 errors, 0 warnings, 1 note
