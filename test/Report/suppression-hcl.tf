# A suppression comment on the line above hides the finding; unused and reasonless ones are reported.
# RUN: %cloudpact check --today=2026-11-27 %s 2>&1 | FileCheck --check-prefix=DEFAULT %s
# RUN: %cloudpact check --today=2026-11-27 --report-unused-suppressions %s 2>&1 | FileCheck --check-prefix=UNUSED %s
# RUN: not %cloudpact check --today=2027-06-01 %s 2>&1 | FileCheck --check-prefix=EXPIRED %s

resource "aws_bedrockagent_agent" "legacy" {
  # cloudpact: ignore[exclusivity-hosting] until=2027-03-31 legacy agent, moving to Azure (AI-42)
  foundation_model = "openai.gpt-oss-120b-1:0"
}

resource "aws_bedrockagent_agent" "other" {
  foundation_model = "anthropic.claude-v2" // cloudpact: ignore[exclusivity-call]
}

# DEFAULT-NOT: error:
# DEFAULT: suppression-hcl.tf:12:47: warning: suppression without a reason
# DEFAULT: 0 errors, 1 warning, 0 notes (1 suppressed)
# UNUSED: suppression-hcl.tf:12:47: warning: unused suppression of exclusivity-call
# EXPIRED: suppression-hcl.tf:8:22: error: {{.*}} (suppression at {{.*}}suppression-hcl.tf:7:5 expired on 2027-03-31) [exclusivity-hosting]
