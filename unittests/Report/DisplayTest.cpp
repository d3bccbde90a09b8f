#include "Report/Display.h"

#include <gtest/gtest.h>

using namespace cloudpact;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(DisplayTextTest, PlainTextIsUnchanged) {
  EXPECT_EQ(displayText("openai.gpt-oss-120b-1:0\tcafé → ✓ 🙂"), "openai.gpt-oss-120b-1:0\tcafé → ✓ 🙂");
  EXPECT_TRUE(isDisplayable("plain text"));
  EXPECT_TRUE(isDisplayable("café"));
}

TEST(DisplayTextTest, ControlCharactersAreEscaped) {
  EXPECT_EQ(displayText("\x1b[2J\x1b]0;title\x07"), "\\x1b[2J\\x1b]0;title\\x07");
  EXPECT_EQ(displayText("a\nb\rc"), "a\\nb\\rc");
  EXPECT_EQ(displayText(std::string("nul\0del\x7f", 8)), "nul\\x00del\\x7f");
  EXPECT_FALSE(isDisplayable("\x1b[2J"));
}

TEST(DisplayTextTest, UnicodeControlsAndBidiOverridesAreEscaped) {
  EXPECT_EQ(displayText("\xC2\x9B" "2J"), "\\u{009b}2J");            // C1 CSI
  EXPECT_EQ(displayText("a\xE2\x80\xAE" "b"), "a\\u{202e}b");        // right-to-left override
  EXPECT_EQ(displayText("a\xE2\x81\xA6" "b"), "a\\u{2066}b");        // left-to-right isolate
  EXPECT_EQ(displayText("line\xE2\x80\xA8" "next"), "line\\u{2028}next"); // line separator
}

TEST(DisplayTextTest, InvalidUtf8BytesBecomeReplacementCharacters) {
  EXPECT_EQ(displayText("caf\xE9"), "caf" + kReplacement);                              // latin-1
  EXPECT_EQ(displayText("\xC0\x80"), kReplacement + kReplacement);                      // overlong NUL
  EXPECT_EQ(displayText("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);   // a surrogate
  EXPECT_EQ(displayText("\xF4\x90\x80\x80").size(), 4 * kReplacement.size());           // past U+10FFFF
  EXPECT_EQ(displayText("\xF5!"), kReplacement + "!");
  EXPECT_EQ(displayText("end\xE2\x82"), "end" + kReplacement + kReplacement);           // cut sequence
  EXPECT_EQ(displayText("\x80x"), kReplacement + "x");                                  // lone continuation
  EXPECT_FALSE(isDisplayable("caf\xE9"));
}

TEST(DisplayTextTest, LongTextIsCutAtACharacterWithAnEllipsis) {
  std::string shown = displayText(std::string(5000, 'a'));
  EXPECT_EQ(shown.size(), kMaxShownBytes);
  EXPECT_EQ(shown, std::string(kMaxShownBytes - 3, 'a') + "…");

  // Never inside a multi-byte character or an escape.
  EXPECT_EQ(displayText("ab€€€", 9), "ab€…");
  EXPECT_EQ(displayText("ab\x1b\x1b\x1b", 10), "ab\\x1b…");
  EXPECT_EQ(displayText("exactly", 7), "exactly");
  EXPECT_FALSE(isDisplayable(std::string(kMaxShownBytes + 1, 'a')));
}

TEST(DisplayTextTest, JsonDocumentsGetDisplayableStringsAndKeys) {
  nlohmann::ordered_json document = {{"message", "caf\xE9 \x1b[2J"},
                                     {"list", {"ok", "\xFF"}},
                                     {"nested", {{"k\xE9y", "v"}}},
                                     {"number", 3}};
  makeDisplayable(document);
  EXPECT_NO_THROW(document.dump());
  EXPECT_EQ(document["message"], "caf" + kReplacement + " \\x1b[2J");
  EXPECT_EQ(document["list"][1], kReplacement);
  EXPECT_EQ(document["nested"].begin().key(), "k" + kReplacement + "y");
  EXPECT_EQ(document["number"], 3);
}

TEST(DisplaySnippetTest, ShortLinesAreShownWholeWithTheMarkerUnder) {
  ShownLine shown = displaySnippet("\tmodel = \"gpt\"", 10, 15);
  EXPECT_EQ(shown.text, "\tmodel = \"gpt\"");
  EXPECT_EQ(shown.marker, "\t        ^~~~~");
  EXPECT_EQ(displaySnippet("abc", 2, 0).marker, " ^");
  EXPECT_EQ(displaySnippet("abc", 9, 0).marker, "   ^"); // past the end: after the last character
}

TEST(DisplaySnippetTest, TheMarkerFollowsEscapesAndWideCharacters) {
  // ESC shows as four characters, é as one: the caret stays under the x.
  ShownLine shown = displaySnippet("\x1b" "é x", 5, 0);
  EXPECT_EQ(shown.text, "\\x1bé x");
  EXPECT_EQ(shown.marker, "      ^");
  EXPECT_EQ(shown.text.substr(shown.text.size() - 1), "x");
  // A range over an escape marks every shown character.
  EXPECT_EQ(displaySnippet("a\x07" "b", 1, 4).marker, "^~~~~~");
}

TEST(DisplaySnippetTest, LongLinesShowAWindowAroundTheMarker) {
  std::string line = std::string(5000, 'a') + "TARGET" + std::string(5000, 'b');
  ShownLine shown = displaySnippet(line, 5001, 5007);
  EXPECT_LE(shown.text.size(), kMaxSnippetBytes);
  EXPECT_EQ(shown.text.rfind("…", 0), 0u);
  EXPECT_EQ(shown.text.substr(shown.text.size() - 3), "…");
  size_t caret = shown.marker.find('^');
  // Columns count characters: the leading "…" is one.
  EXPECT_EQ(shown.text.substr(caret + 2, 6), "TARGET"); // +2: "…" is three bytes, one column
  EXPECT_EQ(shown.marker.substr(caret), "^~~~~~");
}

TEST(DisplaySnippetTest, ALineOfControlBytesIsBoundedToo) {
  std::string line(100000, '\x1b');
  ShownLine shown = displaySnippet(line, 50000, 0);
  EXPECT_LE(shown.text.size(), kMaxSnippetBytes);
  EXPECT_EQ(shown.text.find('\x1b'), std::string::npos);
  EXPECT_LE(shown.marker.size(), kMaxSnippetBytes);
}

} // namespace
