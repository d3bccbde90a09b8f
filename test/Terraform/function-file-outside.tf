# file() outside the scanned tree is not read: the value is unknown.
# RUN: %cloudpact check %s 2>&1 | FileCheck %s

resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = file("/etc/cloudpact-model-id")
}
# CHECK: function-file-outside.tf:[[@LINE-2]]:22: note: cannot check the route of this model access: {{.*}}file /etc/cloudpact-model-id is outside the scanned tree [unresolved-route]
