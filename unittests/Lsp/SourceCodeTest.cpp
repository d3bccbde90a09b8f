#include "Lsp/SourceCode.h"

#include <gtest/gtest.h>

using namespace cloudpact::lsp;

namespace {

// "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units / 1 UTF-32 unit.
const std::string kText = "ab\n\xC3\xA9x\xF0\x9F\x98\x80y\nlast";

TEST(SourceCodeTest, UnitsPerEncoding) {
  std::string line = "\xC3\xA9x\xF0\x9F\x98\x80y";
  EXPECT_EQ(unitsIn(line, OffsetEncoding::UTF8), 8u);
  EXPECT_EQ(unitsIn(line, OffsetEncoding::UTF16), 5u);
  EXPECT_EQ(unitsIn(line, OffsetEncoding::UTF32), 4u);
  // A stray continuation byte counts one unit and does not swallow what follows.
  EXPECT_EQ(unitsIn("\x80z", OffsetEncoding::UTF16), 2u);
}

TEST(SourceCodeTest, PositionToOffsetUTF16) {
  EXPECT_EQ(offsetOf(kText, {0, 0}, OffsetEncoding::UTF16), 0u);
  EXPECT_EQ(offsetOf(kText, {1, 0}, OffsetEncoding::UTF16), 3u);
  EXPECT_EQ(offsetOf(kText, {1, 1}, OffsetEncoding::UTF16), 5u); // after é
  EXPECT_EQ(offsetOf(kText, {1, 2}, OffsetEncoding::UTF16), 6u); // after x
  EXPECT_EQ(offsetOf(kText, {1, 4}, OffsetEncoding::UTF16), 10u); // after the emoji
  EXPECT_EQ(offsetOf(kText, {1, 3}, OffsetEncoding::UTF16), 6u);  // inside the surrogate pair: before it
  EXPECT_EQ(offsetOf(kText, {1, 5}, OffsetEncoding::UTF16), 11u); // line end
}

TEST(SourceCodeTest, PositionToOffsetClamps) {
  EXPECT_EQ(offsetOf(kText, {0, 99}, OffsetEncoding::UTF16), 2u);          // end of line 0
  EXPECT_EQ(offsetOf(kText, {7, 0}, OffsetEncoding::UTF16), kText.size()); // past the last line
  EXPECT_EQ(offsetOf("a\r\nb", {0, 5}, OffsetEncoding::UTF16), 1u);        // before \r\n
}

TEST(SourceCodeTest, OffsetToPosition) {
  EXPECT_EQ(positionOf(kText, 10, OffsetEncoding::UTF16), (Position{1, 4}));
  EXPECT_EQ(positionOf(kText, 10, OffsetEncoding::UTF8), (Position{1, 7}));
  EXPECT_EQ(positionOf(kText, 10, OffsetEncoding::UTF32), (Position{1, 3}));
  EXPECT_EQ(positionOf(kText, 12, OffsetEncoding::UTF16), (Position{2, 0}));
}

TEST(SourceCodeTest, ByteColumnToPosition) {
  std::string_view line = "\xC3\xA9x\xF0\x9F\x98\x80y";
  // Column 8 (1-based byte) is 'y'.
  EXPECT_EQ(positionOf(2, 8, line, OffsetEncoding::UTF16), (Position{1, 4}));
  EXPECT_EQ(positionOf(2, 8, line, OffsetEncoding::UTF8), (Position{1, 7}));
  EXPECT_EQ(positionOf(2, 99, line, OffsetEncoding::UTF16), (Position{1, 5}));
  EXPECT_EQ(positionOf(0, 0, line, OffsetEncoding::UTF16), (Position{0, 0}));
}

TEST(SourceCodeTest, IncrementalChanges) {
  std::string text = kText;
  TextDocumentContentChangeEvent change;
  change.range = Range{{1, 4}, {1, 5}}; // replace "y" after the emoji
  change.text = "Z";
  auto replacement = applyChange(text, change, OffsetEncoding::UTF16);
  EXPECT_EQ(text, "ab\n\xC3\xA9x\xF0\x9F\x98\x80Z\nlast");
  // The same edit in bytes: after "ab\n", 2 bytes of e-acute, "x" and 4 bytes of emoji.
  ASSERT_TRUE(replacement);
  EXPECT_EQ(replacement->offset, 10u);
  EXPECT_EQ(replacement->removed, 1u);
  EXPECT_EQ(replacement->inserted, "Z");

  change.range = Range{{0, 1}, {2, 1}}; // across lines
  change.text = "-";
  applyChange(text, change, OffsetEncoding::UTF16);
  EXPECT_EQ(text, "a-ast");

  change.range = Range{{0, 5}, {0, 5}}; // insertion at the end
  change.text = "\nnew";
  applyChange(text, change, OffsetEncoding::UTF16);
  EXPECT_EQ(text, "a-ast\nnew");

  change.range.reset(); // whole document
  change.text = "full";
  EXPECT_FALSE(applyChange(text, change, OffsetEncoding::UTF16));
  EXPECT_EQ(text, "full");
}

TEST(SourceCodeTest, Uris) {
  EXPECT_EQ(uriFromPath("/work/a b/c#1.tf"), "file:///work/a%20b/c%231.tf");
  std::string path, error;
  ASSERT_TRUE(pathFromUri("file:///work/a%20b/c%231.tf", path, error)) << error;
  EXPECT_EQ(path, "/work/a b/c#1.tf");
  ASSERT_TRUE(pathFromUri("file://localhost/x/./y/../z.tf", path, error)) << error;
  EXPECT_EQ(path, "/x/z.tf");
  EXPECT_FALSE(pathFromUri("untitled:Untitled-1", path, error));
  EXPECT_NE(error.find("expected file://"), std::string::npos);
  EXPECT_FALSE(pathFromUri("file:///bad%zz", path, error));
  EXPECT_NE(error.find("malformed escape"), std::string::npos);
  EXPECT_FALSE(pathFromUri("file://server/share/x.tf", path, error));
}

} // namespace
