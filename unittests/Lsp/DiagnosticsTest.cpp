#include "Lsp/Diagnostics.h"

#include "Analysis/Rules.h"

#include <gtest/gtest.h>

using cloudpact::Finding;
using cloudpact::FileSet;
using cloudpact::SourceFile;
using cloudpact::SourceLoc;
using cloudpact::SourceRange;
using cloudpact::TraceStep;
using cloudpact::Level;
using cloudpact::ruleHelpUri;
using namespace cloudpact::lsp;

namespace {

SourceRange range(const std::string &file, uint32_t line, uint32_t column, uint32_t endColumn) {
  return SourceRange{SourceLoc{file, line, column, 0}, SourceLoc{file, line, endColumn, 0}};
}

TEST(DiagnosticsTest, FindingToDiagnostic) {
  FileSet files;
  // Line 2 has a two-byte "é" (one UTF-16 unit) before the attribute.
  files.add(SourceFile{"/w/main.tf", "resource \"x\" \"y\" {\n  /*\xC3\xA9*/ foundation_model = var.m\n}\n"});
  files.add(SourceFile{"/w/vars.tf", "variable \"m\" {\n  default = \"openai.gpt-oss-120b-1:0\"\n}\n"});
  Finding finding;
  finding.rule = "exclusivity-hosting";
  finding.level = Level::Error;
  finding.range = range("/w/main.tf", 2, 10, 26); // "foundation_model" starts at byte column 10
  finding.message = "OpenAI model hosted on aws";
  finding.trace = {TraceStep{range("/w/vars.tf", 2, 13, 38), "default of variable m"},
                   TraceStep{SourceRange{}, "built-in"}};
  Diagnostic diagnostic = toDiagnostic(finding, files, OffsetEncoding::UTF16);
  EXPECT_EQ(diagnostic.range, (Range{{1, 8}, {1, 24}})); // "é" is one UTF-16 unit
  EXPECT_EQ(diagnostic.severity, 1);
  EXPECT_EQ(diagnostic.code, "exclusivity-hosting");
  ASSERT_TRUE(diagnostic.codeDescription);
  EXPECT_EQ(diagnostic.codeDescription->href, ruleHelpUri("exclusivity-hosting"));
  EXPECT_EQ(diagnostic.source, "cloudpact");
  EXPECT_EQ(diagnostic.message, "OpenAI model hosted on aws");
  ASSERT_EQ(diagnostic.relatedInformation.size(), 1u); // the step without a location is left out
  EXPECT_EQ(diagnostic.relatedInformation[0].location.uri, "file:///w/vars.tf");
  EXPECT_EQ(diagnostic.relatedInformation[0].location.range, (Range{{1, 12}, {1, 37}}));
  EXPECT_EQ(diagnostic.relatedInformation[0].message, "default of variable m");

  EXPECT_EQ(toDiagnostic(finding, files, OffsetEncoding::UTF8).range, (Range{{1, 9}, {1, 25}})); // and two bytes
  // A point finding (no end) is an empty range; notes are information.
  finding.range.end = SourceLoc{};
  finding.level = Level::Note;
  finding.rule = "unresolved-route";
  Diagnostic note = toDiagnostic(finding, files, OffsetEncoding::UTF16);
  EXPECT_EQ(note.range, (Range{{1, 8}, {1, 8}}));
  EXPECT_EQ(note.severity, 3);
}

TEST(DiagnosticsTest, WholeFileFindingsSitAtTheStart) {
  FileSet files;
  Finding finding;
  finding.rule = "parse-error";
  finding.range = SourceRange{SourceLoc{"/w/x.tf", 0, 0, 0}, {}};
  finding.message = "cannot read file";
  EXPECT_EQ(toDiagnostic(finding, files, OffsetEncoding::UTF16).range, (Range{{0, 0}, {0, 0}}));
}

Diagnostic cloudpactDiagnostic(int line, std::string code) {
  Diagnostic diagnostic;
  diagnostic.range = Range{{line, 4}, {line, 10}};
  diagnostic.code = std::move(code);
  diagnostic.source = "cloudpact";
  return diagnostic;
}

TEST(DiagnosticsTest, SuppressionGoesAboveWithTheSameIndent) {
  std::string text = "resource \"a\" \"b\" {\n\t  foundation_model = \"x\"\n}\n";
  auto action = suppressionAction("file:///w/main.tf", "/w/main.tf", text, cloudpactDiagnostic(1, "exclusivity-hosting"),
                                  OffsetEncoding::UTF16);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->kind, "quickfix");
  ASSERT_EQ(action->diagnostics.size(), 1u);
  ASSERT_TRUE(action->edit);
  const auto &edits = action->edit->changes.at("file:///w/main.tf");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].range, (Range{{1, 0}, {1, 0}}));
  EXPECT_EQ(edits[0].newText, "\t  # cloudpact: ignore[exclusivity-hosting] <reason>\n");
}

TEST(DiagnosticsTest, SuppressionCommentPerLanguage) {
  std::string text = "x\n  call();\n";
  auto marker = [&](const std::string &path) -> std::string {
    auto action = suppressionAction("file://" + path, path, text, cloudpactDiagnostic(1, "exclusivity-call"),
                                    OffsetEncoding::UTF16);
    return action ? action->edit->changes.begin()->second[0].newText : "none";
  };
  EXPECT_EQ(marker("/w/svc.cpp"), "  // cloudpact: ignore[exclusivity-call] <reason>\n");
  EXPECT_EQ(marker("/w/api.h"), "  // cloudpact: ignore[exclusivity-call] <reason>\n");
  EXPECT_EQ(marker("/w/deploy.yaml"), "  # cloudpact: ignore[exclusivity-call] <reason>\n");
  EXPECT_EQ(marker("/w/terraform.tfvars"), "  # cloudpact: ignore[exclusivity-call] <reason>\n");
  EXPECT_EQ(marker("/w/main.tf.json"), "none"); // JSON has no comments
  EXPECT_EQ(marker("/w/deploy.json"), "none");
  EXPECT_EQ(marker("/w/README.md"), "none");
}

TEST(DiagnosticsTest, SuppressionKeepsCrlfAndExtendsAnExistingComment) {
  std::string crlf = "a\r\n  b = 1\r\n";
  auto action = suppressionAction("file:///w/m.tf", "/w/m.tf", crlf, cloudpactDiagnostic(1, "unresolved-route"),
                                  OffsetEncoding::UTF16);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->edit->changes.begin()->second[0].newText, "  # cloudpact: ignore[unresolved-route] <reason>\r\n");

  std::string text = "  # cloudpact: ignore[unresolved-route] later\n  b = 1\n";
  action = suppressionAction("file:///w/m.tf", "/w/m.tf", text, cloudpactDiagnostic(1, "exclusivity-call"),
                             OffsetEncoding::UTF16);
  ASSERT_TRUE(action);
  const TextEdit &edit = action->edit->changes.begin()->second[0];
  EXPECT_EQ(edit.range, (Range{{0, 38}, {0, 38}}));
  EXPECT_EQ(edit.newText, ", exclusivity-call");

  // No fix for a diagnostic without a rule.
  EXPECT_FALSE(suppressionAction("file:///w/m.tf", "/w/m.tf", text, cloudpactDiagnostic(1, ""), OffsetEncoding::UTF16));
}

} // namespace
