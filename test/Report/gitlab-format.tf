# GitLab Code Quality JSON.
# RUN: not %cloudpact check --format gitlab %s | FileCheck %s

resource "aws_bedrockagent_agent" "a" {
  foundation_model = "openai.gpt-oss-120b-1:0"
}

# CHECK:      "description": "openai model 'openai.gpt-oss-120b-1:0' is hosted on aws; the openai contract allows only azure, openai",
# CHECK-NEXT: "check_name": "exclusivity-hosting",
# CHECK:      "fingerprint": "{{[0-9a-f]+}}",
# CHECK-NEXT: "severity": "major",
# CHECK-NEXT: "location": {
# CHECK-NEXT:   "path": "{{.*}}gitlab-format.tf",
# CHECK-NEXT:   "lines": {
# CHECK-NEXT:     "begin": 5
